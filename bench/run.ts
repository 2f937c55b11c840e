// Speed targets with their figures: `npm run bench` (SQLite; also PostgreSQL when BENCH_DATABASE_URL or
// TEST_DATABASE_URL is set). Measures through the real HTTP stack (app.inject), after every module of
// bench/cases/ has seeded one large organization. Exits 1 when a median is over its target.
// BENCH_ONLY=assets (comma list) runs only those modules.
import { performance } from 'node:perf_hooks';
import type { DatabaseKind } from '../src/db/connect.js';
import { SYSTEM_ACTOR } from '../src/core/context.js';
import { createOrg } from '../src/core/orgs/orgs.service.js';
import { createUser } from '../src/core/users/users.service.js';
import { openTestDatabase } from '../test/helpers/databases.js';
import { buildApp } from '../src/server/app.js';
import { signIn } from '../test/helpers/http.js';
import { actionsBench } from './cases/actions.js';
import { auditBench } from './cases/audit.js';
import { assetsBench } from './cases/assets.js';
import { risksBench } from './cases/risks.js';
import { controlsBench } from './cases/controls.js';
import { documentsBench } from './cases/documents.js';
import { internalAuditBench } from './cases/internal-audit.js';
import { nonconformitiesBench } from './cases/nonconformities.js';
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
  auditBench,
];

const RUNS = 15;
const pgUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
if (pgUrl) process.env.TEST_DATABASE_URL = pgUrl;
const only = process.env.BENCH_ONLY?.split(',').map((s) => s.trim());
const modules = only ? MODULES.filter((m) => only.includes(m.name)) : MODULES;

async function bench(kind: DatabaseKind) {
  const handle = await openTestDatabase(kind);
  const app = await buildApp({ handle, webDir: '/nonexistent' });
  const user = await createUser(
    handle.db,
    { email: 'bench@example.test', name: 'Bench', password: 'bench-password-123', isSuperadmin: true },
    SYSTEM_ACTOR,
  );
  const org = await createOrg(handle.db, { name: 'Bench Org', slug: 'bench' }, user.id, SYSTEM_ACTOR);
  const c = await signIn(app, 'bench@example.test', 'bench-password-123');
  const env: BenchEnv = { kind, handle, app, org, userId: user.id, c };

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
  await app.close();
  await handle.close();
  return over;
}

let over = 0;
for (const kind of (pgUrl ? ['sqlite', 'postgres'] : ['sqlite']) as DatabaseKind[]) over += await bench(kind);
if (!pgUrl) console.log('\n(PostgreSQL not measured: set BENCH_DATABASE_URL or TEST_DATABASE_URL)');
process.exit(over ? 1 : 0);
