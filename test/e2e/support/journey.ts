import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import type { DatabaseKind } from '../../../src/db/connect.js';
import { createPostgresDatabase, DIALECTS } from '../../helpers/databases.js';

/**
 * What every browser journey shares: Debian's Chromium (never downloaded), the real server started with
 * `rampart start` on SQLite and, when TEST_DATABASE_URL is set, on PostgreSQL, and first-run setup through the API.
 * The web app is built once for the whole run by test/global-setup.ts, so journeys running side by side never
 * serve a half-written build.
 *
 * Without Chromium a journey is skipped loudly, unless REQUIRE_BROWSER=1, where it fails. E2E_SCREENSHOTS=<dir>
 * saves a screenshot per step; E2E_BASE_URL drives an already running, freshly started server instead.
 */
export const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const HAS_BROWSER = fs.existsSync(CHROMIUM);
/** How long a journey waits for the page: what a loaded CI machine needs, not what a fast laptop does. */
export const PATIENCE = 60_000;
/** A whole journey: a safety net against a hang, far above what any step needs even on a loaded machine. */
export const JOURNEY_TIMEOUT = 600_000;
const REQUIRE_BROWSER = process.env.REQUIRE_BROWSER === '1';
const SHOTS = process.env.E2E_SCREENSHOTS;

export const PASSWORD = 'correct horse battery staple';
export const ADMIN = { email: 'ada@example.com', name: 'Ada Admin' };
export const MANAGER = { email: 'maria@example.com', name: 'Maria Manager', role: 'isms_manager' };
export const APPROVER = { email: 'tom@example.com', name: 'Tom Topmanagement', role: 'approver' };

export interface RunningServer {
  baseUrl: string;
  stop: () => Promise<void>;
}

export interface JourneyRun {
  dialect: DatabaseKind;
  server: RunningServer;
  browser: Browser;
  /** A fresh browser context (its own cookies) against this run's server. */
  newContext: () => Promise<BrowserContext>;
}

/**
 * Declares a journey: `body` runs once per database with a started server and browser. `seed` prepares the server
 * through the API before the browser part (e.g. `seedAlphaWithMembers`).
 */
export function describeJourney(
  name: string,
  body: (run: () => JourneyRun) => void,
  options: { seed?: (baseUrl: string) => Promise<void> } = {},
) {
  describe.runIf(!HAS_BROWSER && REQUIRE_BROWSER)(`${name} prerequisites`, () => {
    it('needs Chromium because REQUIRE_BROWSER=1', () => {
      expect.fail(`Chromium not found at ${CHROMIUM} and REQUIRE_BROWSER=1`);
    });
  });

  describe.runIf(HAS_BROWSER)(name, () => {
    let browser: Browser;
    beforeAll(async () => {
      browser = await chromium.launch({
        executablePath: CHROMIUM,
        args: [
          '--headless',
          '--no-sandbox',
          '--disable-gpu',
          '--disable-quic',
          '--no-first-run',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
        ],
      });
    }, 60_000);
    afterAll(async () => {
      await browser?.close();
    });

    describe.each(DIALECTS)('on %s', (dialect) => {
      let server: RunningServer;
      let dropDatabase: (() => Promise<void>) | undefined;

      beforeAll(async () => {
        let databaseUrl: string | undefined;
        if (dialect === 'postgres') {
          const created = await createPostgresDatabase();
          databaseUrl = created.url;
          dropDatabase = created.drop;
        }
        server = await startServer(databaseUrl);
        await options.seed?.(server.baseUrl);
      }, 120_000);

      afterAll(async () => {
        await server?.stop();
        await dropDatabase?.();
      });

      body(() => ({
        dialect,
        server,
        browser,
        newContext: () =>
          browser.newContext({
            baseURL: server.baseUrl,
            viewport: { width: 1280, height: 860 },
            locale: 'en-GB',
            acceptDownloads: true,
          }),
      }));
    });
  });
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

async function startServer(databaseUrl: string | undefined): Promise<RunningServer> {
  if (process.env.E2E_BASE_URL) return { baseUrl: process.env.E2E_BASE_URL, stop: async () => {} };
  const port = await freePort();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rampart-e2e-'));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    RAMPART_DATA_DIR: dataDir,
    NODE_ENV: 'production',
  };
  if (databaseUrl) env.DATABASE_URL = databaseUrl;
  else delete env.DATABASE_URL;
  const child: ChildProcess = spawn(process.execPath, ['bin/rampart.mjs', 'start'], {
    cwd: repoRoot,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  const baseUrl = `http://127.0.0.1:${port}`;

  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    }
    fs.rmSync(dataDir, { recursive: true, force: true });
  };

  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) break;
    try {
      const res = await fetch(`${baseUrl}/api/health`);
      if (res.ok) return { baseUrl, stop };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  await stop();
  throw new Error(`rampart start did not become healthy on ${baseUrl}. Output:\n${output}`);
}

export async function shot(page: Page, name: string): Promise<void> {
  if (!SHOTS) return;
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
}

/** A screenshot at 1280 and at 1024 pixels wide, for pages whose layout must hold on a small laptop. */
export async function shotBoth(page: Page, name: string): Promise<void> {
  if (!SHOTS) return;
  await shot(page, `${name}-1280`);
  await page.setViewportSize({ width: 1024, height: 768 });
  await shot(page, `${name}-1024`);
  await page.setViewportSize({ width: 1280, height: 860 });
}

/** First-run setup (Ada, organization "Alpha") and the ISMS manager and approver as members, through the API. */
export async function seedAlphaWithMembers(baseUrl: string): Promise<void> {
  const setup = await fetch(`${baseUrl}/api/v1/setup`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ ...ADMIN, password: PASSWORD, organizationName: 'Alpha' }),
  });
  expect(setup.status).toBe(201);
  const cookie = (setup.headers.get('set-cookie') ?? '').split(';')[0]!;
  const { csrfToken } = (await setup.json()) as { csrfToken: string };
  for (const m of [MANAGER, APPROVER]) await joinByInvitation(baseUrl, { cookie, csrfToken }, m);
}

/**
 * Makes `who` a member the way a new person joins: the admin (signed in as `admin`) invites the e-mail, and the
 * person redeems the invitation's link with their name and the shared journey password.
 */
export async function joinByInvitation(
  baseUrl: string,
  admin: { cookie: string; csrfToken: string },
  who: { email: string; name: string; role: string },
  org = 'alpha',
) {
  const invited = await fetch(`${baseUrl}/api/v1/orgs/${org}/members`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: admin.cookie, 'x-csrf-token': admin.csrfToken },
    body: JSON.stringify({ email: who.email, role: who.role }),
  });
  expect(invited.status).toBe(202);
  const { token } = (await invited.json()) as { token: string };
  const joined = await fetch(`${baseUrl}/api/v1/invitations/redeem`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ token, name: who.name, password: PASSWORD }),
  });
  expect(joined.status).toBe(201);
}

/** Signs `who` in on a new page of `context` and, when `then` is given, opens that path. */
export async function signIn(context: BrowserContext, who: { email: string }, then = ''): Promise<Page> {
  const page = await context.newPage();
  page.setDefaultTimeout(PATIENCE);
  await page.goto('/sign-in');
  await page.getByLabel('Email').fill(who.email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL('**/o/alpha');
  if (then) await page.goto(then);
  return page;
}

export interface ApiSession {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a journey reads any field of the answers it asserts on
  call: <T = any>(method: string, path: string, body?: unknown) => Promise<T>;
  cookie: string;
  csrfToken: string;
}

/**
 * Signs `email` in through the API for seeding a journey; calls (paths under `/api/v1/orgs/{org}`) then carry its
 * session cookie and CSRF token, and a failed call throws with the server's answer.
 */
export async function apiSession(baseUrl: string, email: string, org = 'alpha'): Promise<ApiSession> {
  const res = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: PASSWORD }),
  });
  expect(res.status).toBe(200);
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0]!;
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return {
    cookie,
    csrfToken,
    call: async <T>(method: string, path: string, body?: unknown) => {
      const r = await fetch(`${baseUrl}/api/v1/orgs/${org}${path}`, {
        method,
        headers: {
          cookie,
          'x-csrf-token': csrfToken,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await r.text();
      if (!r.ok) throw new Error(`${method} ${path}: ${r.status} ${text}`);
      return (text ? JSON.parse(text) : undefined) as T;
    },
  };
}

/**
 * At 1440 × 900 (a laptop), every named column header of `table` stands inside the table's visible box: not cut off
 * by its scroll container, not pushed past the window. A column a person must scroll sideways to find is hidden.
 */
export async function expectColumnsShownAt1440(
  page: Page,
  table: Locator,
  headers: string[],
  name = 'table',
): Promise<void> {
  await page.setViewportSize({ width: 1440, height: 900 });
  await table.waitFor();
  await shot(page, `${name}-1440`);
  const wrap = table.locator('xpath=..');
  const box = await wrap.boundingBox();
  expect(box, 'the table is on the page').not.toBeNull();
  const right = Math.min(box!.x + box!.width, 1440);
  for (const name of headers) {
    const header = table.getByRole('columnheader', { name, exact: true });
    await header.waitFor();
    const h = await header.boundingBox();
    expect(h, `column "${name}" is laid out`).not.toBeNull();
    expect(h!.x, `column "${name}" starts inside the table`).toBeGreaterThanOrEqual(box!.x - 1);
    expect(h!.x + h!.width, `column "${name}" ends inside the visible table at 1440 px`).toBeLessThanOrEqual(right + 1);
  }
  await page.setViewportSize({ width: 1280, height: 860 });
}

/**
 * At 390 × 844 (a phone), `part` fits the window's width and the page itself does not scroll sideways (a wide
 * table may scroll inside its own container).
 */
export async function expectFitsPhone(page: Page, part: Locator, name = 'phone'): Promise<void> {
  await page.setViewportSize({ width: 390, height: 844 });
  await part.waitFor();
  await shot(page, `${name}-390`);
  const box = await part.boundingBox();
  expect(box, 'the part is on the page').not.toBeNull();
  expect(box!.x).toBeGreaterThanOrEqual(0);
  expect(box!.x + box!.width, 'the part ends inside a 390 px window').toBeLessThanOrEqual(390);
  const overflow = await page.evaluate(() => {
    const by = document.documentElement.scrollWidth - window.innerWidth;
    // the outermost elements running past the window, to name in the failure
    const culprits = [...document.body.querySelectorAll('*')]
      .filter((el) => el.getBoundingClientRect().right > window.innerWidth + 1)
      .filter((el) => !(el.parentElement && el.parentElement.getBoundingClientRect().right > window.innerWidth + 1))
      .slice(0, 5)
      .map((el) => `${el.tagName.toLowerCase()}.${[...el.classList].join('.')}`);
    return { by, culprits };
  });
  expect(
    overflow.by,
    `the page scrolls sideways at 390 px because of ${overflow.culprits.join(', ')}`,
  ).toBeLessThanOrEqual(0);
  await page.setViewportSize({ width: 1280, height: 860 });
}
