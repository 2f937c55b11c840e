// Speed targets with their figures: `npm run bench` (SQLite; also PostgreSQL when BENCH_DATABASE_URL or
// TEST_DATABASE_URL is set). Measures through the real HTTP stack (app.inject), after seeding a large organization.
// Exits 1 when a median is over its target.
import { performance } from 'node:perf_hooks';
import type { DatabaseKind } from '../src/db/connect.js';
import { SYSTEM_ACTOR } from '../src/core/context.js';
import { recordAudit } from '../src/core/audit/audit.service.js';
import { createOrg } from '../src/core/orgs/orgs.service.js';
import { createUser } from '../src/core/users/users.service.js';
import { newId, nowIso } from '../src/core/util/ids.js';
import { openTestDatabase } from '../test/helpers/databases.js';
import { buildApp } from '../src/server/app.js';
import { signIn } from '../test/helpers/http.js';

const ACTIONS = Number(process.env.BENCH_ACTIONS ?? 20_000);
const RUNS = 15;
const pgUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
if (pgUrl) process.env.TEST_DATABASE_URL = pgUrl;

interface Case { name: string; targetMs: number; run: () => Promise<{ statusCode: number }> }

async function bench(kind: DatabaseKind) {
  const handle = await openTestDatabase(kind);
  const app = await buildApp({ handle, webDir: '/nonexistent' });
  const user = await createUser(handle.db, { email: 'bench@example.test', name: 'Bench', password: 'bench-password-123', isSuperadmin: true }, SYSTEM_ACTOR);
  const org = await createOrg(handle.db, { name: 'Bench Org', slug: 'bench' }, user.id, SYSTEM_ACTOR);

  const t0 = performance.now();
  const statuses = ['open', 'in_progress', 'done', 'cancelled'];
  for (let i = 0; i < ACTIONS; i += 500) {
    const rows = Array.from({ length: Math.min(500, ACTIONS - i) }, (_, j) => {
      const n = i + j + 1;
      const now = nowIso();
      return {
        id: newId(), orgId: org.id, ref: `ACT-${String(n).padStart(5, '0')}`, version: 1, createdAt: now, createdBy: user.id, updatedAt: now, updatedBy: user.id, archivedAt: null,
        title: `Action number ${n} about ${['backups', 'access reviews', 'supplier checks', 'awareness'][n % 4]}`, description: null, resources: null,
        ownerId: n % 3 === 0 ? user.id : null, dueDate: new Date(Date.UTC(2025, 0, 1) + (n % 900) * 86_400_000).toISOString().slice(0, 10),
        evaluation: null, status: statuses[n % 4]!, priority: ['low', 'medium', 'high'][n % 3]!, outcome: null, sourceType: null, sourceId: null, completedAt: null,
      };
    });
    await handle.db.insertInto('actions').values(rows).execute();
  }
  await handle.db.insertInto('refCounters').values({ orgId: org.id, prefix: 'ACT', nextValue: ACTIONS }).execute();
  const AUDIT_EVENTS = 5000;
  await handle.db.transaction().execute(async (trx) => {
    for (let i = 0; i < AUDIT_EVENTS; i++) {
      await recordAudit(trx, { orgId: org.id, actor: SYSTEM_ACTOR, entityType: 'action', event: { type: 'record.archived', payload: { ref: `ACT-${i}` } } });
    }
  });
  const seedMs = performance.now() - t0;

  const c = await signIn(app, 'bench@example.test', 'bench-password-123');
  const base = '/api/v1/orgs/bench/actions';
  const cases: Case[] = [
    { name: 'list, first page (25), default sort', targetMs: 60, run: () => c.get(base) },
    { name: 'list, filter status+owner, sort title', targetMs: 60, run: () => c.get(`${base}?status=open,in_progress&ownerId=me&sort=title&order=asc`) },
    { name: 'list, search q=supplier', targetMs: 100, run: () => c.get(`${base}?q=supplier`) },
    { name: 'list, overdue only', targetMs: 60, run: () => c.get(`${base}?overdue=true`) },
    { name: 'list, deep page (page 400 of 25)', targetMs: 100, run: () => c.get(`${base}?page=400`) },
    { name: `CSV export of all ${ACTIONS} actions`, targetMs: 2000, run: () => c.get(`${base}/export.csv?pageSize=200`) },
    { name: 'create an action (with audit event)', targetMs: 40, run: () => c.post(base, { title: 'Bench create' }) },
    { name: `audit verify (${AUDIT_EVENTS}+ events)`, targetMs: 500, run: () => c.get('/api/v1/orgs/bench/audit/verify') },
  ];

  console.log(`\n${kind}: seeded ${ACTIONS} actions and ${AUDIT_EVENTS} audit events in ${(seedMs / 1000).toFixed(1)} s`);
  let over = 0;
  for (const k of cases) {
    const times: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const s = performance.now();
      const res = await k.run();
      times.push(performance.now() - s);
      if (res.statusCode >= 400) throw new Error(`${k.name}: HTTP ${res.statusCode}`);
    }
    times.sort((a, b) => a - b);
    const median = times[Math.floor(times.length / 2)]!;
    const p95 = times[Math.floor(times.length * 0.95)]!;
    const ok = median <= k.targetMs;
    if (!ok) over++;
    console.log(`  ${ok ? 'ok  ' : 'OVER'} ${k.name.padEnd(44)} median ${median.toFixed(1).padStart(7)} ms  p95 ${p95.toFixed(1).padStart(7)} ms  target ≤ ${k.targetMs} ms`);
  }
  await app.close();
  await handle.close();
  return over;
}

let over = 0;
for (const kind of (pgUrl ? ['sqlite', 'postgres'] : ['sqlite']) as DatabaseKind[]) over += await bench(kind);
if (!pgUrl) console.log('\n(PostgreSQL not measured: set BENCH_DATABASE_URL or TEST_DATABASE_URL)');
process.exit(over ? 1 : 0);
