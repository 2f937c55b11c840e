/**
 * Counts what a page costs when it opens (issue 15): the API requests the browser makes and the SQL statements the
 * server runs for them. Starts the app in process on SQLite (or PostgreSQL with TEST_DATABASE_URL) serving the
 * built web app (run `npx vite build` first), seeds one organization, opens the risk, control and home pages in
 * Chromium as its ISMS manager and prints each page's requests with their statement counts.
 *
 *   CHROMIUM_PATH=/usr/bin/chromium npx tsx bench/page-requests.ts
 *
 * PAGE_SHOTS=<dir> also saves a screenshot of each page at 1440 and 390 px.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { KyselyPlugin } from 'kysely';
import { chromium, type Page } from 'playwright-core';
import { buildApp } from '../src/server/app.js';
import { openTestDatabase } from '../test/helpers/databases.js';
import { buildOrg, PASSWORD } from '../test/helpers/factories.js';
import { approveMethodology, buildRisk, startingMethodology } from '../test/helpers/risk-factories.js';
import { chooseEdition, setTreatment } from '../test/helpers/control-factories.js';
import { signIn } from '../test/helpers/http.js';

const requestOf = new AsyncLocalStorage<{ statements: number }>();
const counting: KyselyPlugin = {
  transformQuery: (args) => {
    const current = requestOf.getStore();
    if (current) current.statements++;
    return args.node;
  },
  transformResult: async (args) => args.result,
};

const kind = process.env.TEST_DATABASE_URL ? 'postgres' : 'sqlite';
const handle = await openTestDatabase(kind);
const app = await buildApp({
  handle: { ...handle, db: handle.db.withPlugin(counting) },
  auth: { maxFailuresPerIp: 10_000, maxFailuresPerAccount: 10_000 },
  webDir: new URL('../dist/web', import.meta.url).pathname,
});
const log: { url: string; statements: number }[] = [];
// each HTTP request runs in its own async context, so a statement is counted against the request that ran it
const emit = app.server.emit.bind(app.server);
app.server.emit = ((event: string, ...args: unknown[]) => {
  const req = args[0] as { url?: string; method?: string };
  if (event !== 'request' || !req.url?.startsWith('/api/')) return emit(event, ...args);
  const entry = { url: `${req.method} ${req.url}`, statements: 0 };
  log.push(entry);
  const store = { statements: 0 };
  (args[1] as { once: (e: string, f: () => void) => void }).once('finish', () => (entry.statements = store.statements));
  return requestOf.run(store, () => emit(event, ...args));
}) as typeof app.server.emit;

const org = await buildOrg(app, handle);
const manager = org.as.isms_manager;
await approveMethodology(org, startingMethodology('five-by-five'));
const controls = [...(await chooseEdition(org)).values()];
const risk = await buildRisk(manager, org.slug, { likelihood: 3, consequence: 4, ownerId: org.users.isms_manager.id });
await setTreatment(manager, org.slug, risk.id, {
  options: [{ option: 'modify', rationale: 'Reduce it' }],
  controls: controls.slice(0, 3).map((c) => ({ controlId: c.id, effect: 'likelihood' })),
});
for (let i = 0; i < 3; i++) {
  await manager.post(`/api/v1/orgs/${org.slug}/actions`, {
    title: `Action ${i}`,
    sourceType: 'risk',
    sourceId: risk.id,
  });
}
const address = await app.listen({ port: 0, host: '127.0.0.1' });
const session = await signIn(app, org.users.isms_manager.email, PASSWORD);
const cookie = session.headers.cookie!.split('=');

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu'],
});
const context = await browser.newContext({ baseURL: address });
await context.addCookies([{ name: cookie[0]!, value: cookie[1]!, url: address }]);
const pages = {
  risk: `/o/${org.slug}/risks/${risk.id}`,
  control: `/o/${org.slug}/controls/${controls[0]!.id}`,
  controls: `/o/${org.slug}/controls`,
  home: `/o/${org.slug}`,
};
const settle = async (page: Page) => {
  await page.waitForLoadState('networkidle');
  await new Promise((r) => setTimeout(r, 500));
};
const report = (what: string) => {
  // the app shell's own reads (session, organization) are not the page's
  const own = log.filter((e) => !/\/auth\/session|\/orgs\/[^/]+$/.test(e.url));
  const sum = (list: typeof log) => list.reduce((n, e) => n + e.statements, 0);
  console.log(`\n${what} (${kind}): ${log.length} requests, ${sum(log)} statements`);
  console.log(`  without the app shell's: ${own.length} requests, ${sum(own)} statements`);
  for (const e of log) console.log(`  ${String(e.statements).padStart(3)}  ${e.url}`);
  log.length = 0;
};
for (const [name, path] of Object.entries(pages)) {
  const page = await context.newPage();
  log.length = 0;
  await page.goto(path);
  await settle(page);
  report(`${name} page`);
  if (process.env.PAGE_SHOTS) {
    // PAGE_SHOTS=<dir>: the page as it opened, wide and narrow, to look at
    for (const width of [1440, 390]) {
      await page.setViewportSize({ width, height: 900 });
      await page.screenshot({ path: `${process.env.PAGE_SHOTS}/${name}-${width}.png`, fullPage: true });
    }
  }
  if (name === 'risk') {
    // a second visit within the app: to the register by the breadcrumb, back by the risk's link
    await page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('link').first().click();
    await settle(page);
    log.length = 0;
    await page.getByRole('link', { name: risk.ref, exact: true }).first().click();
    await settle(page);
    report('risk page, visited again');
  }
  await page.close();
}
await browser.close();
await app.close();
await handle.close();
