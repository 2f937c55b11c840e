import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import { createPostgresDatabase, DIALECTS } from '../helpers/databases.js';

/**
 * The first journey of a new installation, clicked in a real Chromium against the real server (`rampart start`):
 * first-run setup, a second organization, switching between them, an action created and listed, its audit event,
 * sign-out. Runs on SQLite, and on PostgreSQL too when TEST_DATABASE_URL is set.
 *
 * Chromium is Debian's (/usr/bin/chromium or CHROMIUM_PATH); never downloaded. Without it the file is skipped
 * loudly, unless REQUIRE_BROWSER=1, where it fails. E2E_SCREENSHOTS=<dir> saves a screenshot per step;
 * E2E_BASE_URL drives an already running, freshly started server instead of starting one.
 */
const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const HAS_BROWSER = fs.existsSync(CHROMIUM);
const REQUIRE_BROWSER = process.env.REQUIRE_BROWSER === '1';
const SHOTS = process.env.E2E_SCREENSHOTS;

if (!HAS_BROWSER && !REQUIRE_BROWSER) {
  console.warn(`\n*** Chromium not found at ${CHROMIUM}: the browser journey (test/e2e) is SKIPPED. Set CHROMIUM_PATH, or REQUIRE_BROWSER=1 to fail instead. ***\n`);
}

describe.runIf(!HAS_BROWSER && REQUIRE_BROWSER)('browser journey prerequisites', () => {
  it('needs Chromium because REQUIRE_BROWSER=1', () => {
    expect.fail(`Chromium not found at ${CHROMIUM} and REQUIRE_BROWSER=1`);
  });
});

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

interface RunningServer {
  baseUrl: string;
  stop: () => Promise<void>;
}

async function startServer(databaseUrl: string | undefined): Promise<RunningServer> {
  // A server started by hand (fresh, before setup) can be driven instead: E2E_BASE_URL=http://localhost:3000
  if (process.env.E2E_BASE_URL) return { baseUrl: process.env.E2E_BASE_URL, stop: async () => {} };
  const port = await freePort();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rampart-e2e-'));
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), RAMPART_DATA_DIR: dataDir, NODE_ENV: 'production' };
  if (databaseUrl) env.DATABASE_URL = databaseUrl;
  else delete env.DATABASE_URL;
  const child: ChildProcess = spawn(process.execPath, ['bin/rampart.mjs', 'start'], { cwd: repoRoot, env, stdio: ['ignore', 'pipe', 'pipe'] });
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

async function buildWebUi(): Promise<void> {
  if (process.env.E2E_SKIP_BUILD === '1' && fs.existsSync(path.join(repoRoot, 'dist/web/index.html'))) return;
  // A separate process with NODE_ENV=production: inside Vitest (NODE_ENV=test) Vite would bundle React's development
  // build, and `rampart start` would then keep serving it since dist/web looks up to date.
  const vite = path.join(repoRoot, 'node_modules/vite/bin/vite.js');
  const result = spawnSync(process.execPath, [vite, 'build', '--logLevel', 'warn'], {
    cwd: repoRoot,
    env: { ...process.env, NODE_ENV: 'production' },
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`vite build failed:\n${result.stdout}\n${result.stderr}`);
}

async function shot(page: Page, name: string): Promise<void> {
  if (!SHOTS) return;
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
}

describe.runIf(HAS_BROWSER)('browser journey', () => {
  let browser: Browser;

  beforeAll(async () => {
    await buildWebUi();
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
  }, 180_000);

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
    }, 120_000);

    afterAll(async () => {
      await server?.stop();
      await dropDatabase?.();
    });

    it('sets up, runs two organizations, tracks an action, audits it and signs out', async () => {
      const context = await browser.newContext({ baseURL: server.baseUrl, viewport: { width: 1280, height: 860 }, locale: 'en-GB' });
      const page = await context.newPage();
      page.setDefaultTimeout(15_000);
      const prefix = `${dialect}-`;
      try {
        // First run: the start page offers setup.
        await page.goto('/');
        await page.waitForURL('**/setup');
        await page.getByRole('heading', { name: 'Set up Rampart' }).waitFor({ timeout: 15_000 });
        await shot(page, `${prefix}01-setup`);
        await page.getByLabel('Your name').fill('Ada Admin');
        await page.getByLabel('Email', { exact: true }).fill('ada@example.com');
        await page.getByLabel('Password', { exact: true }).fill('correct horse battery staple');
        await page.getByLabel('Organization name').fill('Alpha');
        await page.getByRole('button', { name: 'Create account and organization' }).click();
        await page.waitForURL('**/o/alpha');
        await page.getByRole('heading', { name: 'Hello, Ada' }).waitFor();
        await shot(page, `${prefix}02-home`);

        // A second organization, created from the header.
        await page.getByRole('button', { name: 'New organization' }).first().click();
        const dialog = page.getByRole('dialog', { name: 'New organization' });
        await dialog.getByLabel('Name', { exact: true }).fill('Beta');
        await dialog.getByRole('button', { name: 'Create organization' }).click();
        await page.waitForURL('**/o/beta');
        const switcher = page.getByLabel('Organization', { exact: true });
        await expect.poll(() => switcher.inputValue()).toBe('beta');

        // Switch with the organization switcher, and back.
        await switcher.selectOption('alpha');
        await page.waitForURL('**/o/alpha');
        await switcher.selectOption('beta');
        await page.waitForURL('**/o/beta');
        await switcher.selectOption('alpha');
        await page.waitForURL('**/o/alpha');
        await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toContain('Hello');

        // Create an action in Alpha.
        await page.getByRole('navigation', { name: 'ISMS by clause of ISO/IEC 27001' }).getByRole('link', { name: 'Actions (6.2 plans)' }).click();
        await page.waitForURL('**/o/alpha/actions');
        await page.getByRole('heading', { name: 'No actions yet' }).waitFor();
        await shot(page, `${prefix}03-actions-empty`);
        await page.getByRole('link', { name: 'New action' }).first().click();
        await page.waitForURL('**/o/alpha/actions/new');
        await page.getByLabel('What will be done').fill('Enable MFA for remote access');
        await page.getByLabel('Owner').selectOption({ label: 'Ada Admin (ada@example.com)' });
        await page.getByLabel('Due date').fill('2030-06-30');
        await page.getByLabel('Priority').selectOption('high');
        await page.getByLabel('How results are evaluated').fill('All VPN log-ins show a second factor for a month.');
        await shot(page, `${prefix}04-action-form`);
        await page.getByRole('button', { name: 'Create action' }).click();
        await page.waitForURL(/\/o\/alpha\/actions\/[0-9a-f-]{36}/);
        await page.getByRole('heading', { name: 'Enable MFA for remote access' }).waitFor();
        const ref = (await page.locator('.page__eyebrow.ref').textContent())?.trim() ?? '';
        expect(ref).toMatch(/^ACT-\d+$/);
        await shot(page, `${prefix}05-action-detail`);

        // It is in the list.
        await page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('link', { name: 'Actions' }).click();
        await page.waitForURL('**/o/alpha/actions');
        const row = page.getByRole('row').filter({ hasText: 'Enable MFA for remote access' });
        await row.waitFor();
        await expect(row.textContent()).resolves.toContain(ref);
        await shot(page, `${prefix}06-actions-list`);

        // The audit trail holds its record.created event.
        await page.getByRole('link', { name: 'Audit trail' }).click();
        await page.waitForURL('**/o/alpha/audit');
        await page.getByLabel('Event').selectOption('record.created');
        const event = page.getByRole('row').filter({ hasText: 'record.created' }).filter({ hasText: ref });
        await event.waitFor();
        await shot(page, `${prefix}07-audit`);

        // Sign out lands on sign-in.
        await page.getByLabel('Account menu for Ada Admin').click();
        await page.getByRole('button', { name: 'Sign out' }).click();
        await page.waitForURL('**/sign-in');
        await page.getByRole('heading', { name: 'Sign in' }).waitFor();
        await shot(page, `${prefix}08-signed-out`);
      } catch (e) {
        await shot(page, `${prefix}failure`);
        throw e;
      } finally {
        await context.close();
      }
    }, 180_000);
  });
});
