// Speed targets with their figures: `npm run bench` (SQLite; also PostgreSQL when BENCH_DATABASE_URL or
// TEST_DATABASE_URL is set). Measures over real HTTP (the app listens on a local port; connections are kept
// alive as a browser keeps them), after every module of bench/cases/ has seeded one large organization: each
// case's median, then each scenario's figures (50 users at once, a reader during an import…), then a cold start
// and the process's memory. Exits 1 when a median or a scenario's figure is over its target.
// BENCH_ONLY=assets (comma list) runs only those modules; BENCH_RISKS=20000 sizes the risk register.
import { performance } from 'node:perf_hooks';
import type { DatabaseKind } from '../src/db/connect.js';
import { SYSTEM_ACTOR } from '../src/core/context.js';
import { createOrg } from '../src/core/orgs/orgs.service.js';
import { createUser } from '../src/core/users/users.service.js';
import { openTestDatabase } from '../test/helpers/databases.js';
import { buildApp } from '../src/server/app.js';
import { closeConnections, httpSignIn } from './http-caller.js';
import { actionsBench } from './cases/actions.js';
import { auditBench } from './cases/audit.js';
import { assetsBench } from './cases/assets.js';
import { risksBench } from './cases/risks.js';
import { controlsBench } from './cases/controls.js';
import { documentsBench } from './cases/documents.js';
import { internalAuditBench } from './cases/internal-audit.js';
import { nonconformitiesBench } from './cases/nonconformities.js';
import { measurementBench } from './cases/measurement.js';
import { reviewInputsBench } from './cases/review-inputs.js';
import type { BenchEnv, BenchModule } from './cases/types.js';

/** In seeding order: a later module may build on what an earlier one made (risks on assets). */
const MODULES: BenchModule[] = [
  actionsBench,
  assetsBench,
  risksBench,
  controlsBench,
  documentsBench,
  // after controls: the checklist takes the 293 applicable controls, nonconformities link to some of them
  internalAuditBench,
  nonconformitiesBench,
  measurementBench,
  auditBench,
  // last: compiles from what every module above seeded
  reviewInputsBench,
];

const RUNS = 15;
const pgUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
if (pgUrl) process.env.TEST_DATABASE_URL = pgUrl;
const only = process.env.BENCH_ONLY?.split(',').map((s) => s.trim());
const modules = only ? MODULES.filter((m) => only.includes(m.name)) : MODULES;

async function bench(kind: DatabaseKind) {
  const handle = await openTestDatabase(kind);
  const app = await buildApp({ handle, webDir: '/nonexistent' });
  const origin = await app.listen({ host: '127.0.0.1', port: 0 });
  const user = await createUser(
    handle.db,
    { email: 'bench@example.test', name: 'Bench', password: 'bench-password-123', isSuperadmin: true },
    SYSTEM_ACTOR,
  );
  const org = await createOrg(handle.db, { name: 'Bench Org', slug: 'bench' }, user.id, SYSTEM_ACTOR);
  const signIn = (email: string, password: string) => httpSignIn(origin, email, password);
  const c = await signIn('bench@example.test', 'bench-password-123');
  const env: BenchEnv = { kind, handle, app, org, userId: user.id, c, signIn };

  console.log(`\n${kind}:`);
  for (const m of modules) {
    const t0 = performance.now();
    const what = await m.seed(env);
    console.log(`  seeded ${what} in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  }
  let over = 0;
  for (const m of modules) {
    for (const k of await m.cases(env)) {
      const times: number[] = [];
      for (let i = 0; i < (k.runs ?? RUNS); i++) {
        const s = performance.now();
        const res = await k.run();
        times.push(performance.now() - s);
        if (res.statusCode >= 400) throw new Error(`${k.name}: HTTP ${res.statusCode}`);
      }
      times.sort((a, b) => a - b);
      const median = times[Math.floor(times.length / 2)]!;
      const p95 = times[Math.min(times.length - 1, Math.floor(times.length * 0.95))]!;
      const ok = median <= k.targetMs;
      if (!ok) over++;
      console.log(
        `  ${ok ? 'ok  ' : 'OVER'} ${k.name.padEnd(52)} median ${median.toFixed(1).padStart(7)} ms  p95 ${p95.toFixed(1).padStart(7)} ms  target ≤ ${k.targetMs} ms`,
      );
    }
  }
  for (const m of modules) {
    for (const sc of (await m.scenarios?.(env)) ?? []) {
      const figures = await sc.run();
      const value = figures[sc.target.figure]!;
      const ok = value <= sc.target.max;
      if (!ok) over++;
      const shown = Object.entries(figures)
        .map(([k, v]) => `${k} ${v.toFixed(v < 10 ? 2 : 1)}`)
        .join(', ');
      console.log(
        `  ${ok ? 'ok  ' : 'OVER'} ${sc.name.padEnd(52)} ${shown}  target ${sc.target.figure} ≤ ${sc.target.max}`,
      );
    }
  }
  await app.close();
  closeConnections();
  console.log(`  ${await coldStart(handle, org.slug)}`);
  const { rss, heapUsed } = process.memoryUsage();
  console.log(
    `  memory after the run: rss ${(rss / 2 ** 20).toFixed(0)} MB, heap used ${(heapUsed / 2 ** 20).toFixed(0)} MB`,
  );
  await handle.close();
  return over;
}

/** A new app over the seeded database: from building it to the first page of risks answered over HTTP. */
async function coldStart(handle: Awaited<ReturnType<typeof openTestDatabase>>, slug: string): Promise<string> {
  const t0 = performance.now();
  const app = await buildApp({ handle, webDir: '/nonexistent' });
  const origin = await app.listen({ host: '127.0.0.1', port: 0 });
  const ready = performance.now() - t0;
  const c = await httpSignIn(origin, 'bench@example.test', 'bench-password-123');
  const res = await c.get(`/api/v1/orgs/${slug}/risks`);
  const first = performance.now() - t0;
  await app.close();
  closeConnections();
  if (res.statusCode !== 200) throw new Error(`cold start: HTTP ${res.statusCode}`);
  return `cold start: app listening in ${ready.toFixed(0)} ms, first risk page (after sign-in) at ${first.toFixed(0)} ms`;
}

let over = 0;
for (const kind of (pgUrl ? ['sqlite', 'postgres'] : ['sqlite']) as DatabaseKind[]) over += await bench(kind);
if (!pgUrl) console.log('\n(PostgreSQL not measured: set BENCH_DATABASE_URL or TEST_DATABASE_URL)');
process.exit(over ? 1 : 0);
