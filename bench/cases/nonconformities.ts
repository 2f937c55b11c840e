// The nonconformity register at the issue's scale: 5,000 nonconformities found over two years, seeded through the
// import's write path (insertRecord with a WriteBatch: references reserved per chunk, audit events appended in one
// batch), a third of them linked to a control. Measures the register's first page, a filtered page, its XLSX
// export and the trends over two years for management review.
import { sql } from 'kysely';
import type { OrgContext } from '../../src/core/context.js';
import { nonconformitiesModule } from '../../src/core/improvement/nonconformities.module.js';
import { REGISTERS } from '../../src/core/modules.js';
import { writeRows, type PlannedRow } from '../../src/core/register/register-import-write.js';
import { newId, nowIso } from '../../src/core/util/ids.js';
import type { ChangesOf } from '../../src/core/register/register-module.js';
import {
  GRADED_SOURCES,
  NC_CAUSE_CATEGORIES,
  NC_SOURCES,
  type nonconformityRegister,
} from '../../src/schema/improvement/nonconformity.register.js';
import { ISMS_REQUIREMENT_KEYS } from '../../src/schema/internal-audit/isms-requirements.js';
import type { BenchModule } from './types.js';

const NCS = Number(process.env.BENCH_NONCONFORMITIES ?? 5000);
const DAY = 86_400_000;
const daysAgo = (n: number) => new Date(Date.now() - n * DAY).toISOString().slice(0, 10);
const twoYearsAgo = () => {
  const d = new Date();
  d.setUTCFullYear(d.getUTCFullYear() - 2);
  return d.toISOString().slice(0, 10);
};

/** One nonconformity: found on a day of the last two years; the older ones further along in their handling. */
function row(n: number, userId: string): PlannedRow {
  const age = (n * 7919) % 728; // spread over two years, not in ref order
  const source = NC_SOURCES[n % NC_SOURCES.length]!;
  const values: ChangesOf<typeof nonconformityRegister.fields> = {
    title: `Nonconformity ${n} about ${['access reviews', 'backups', 'supplier checks', 'awareness', 'change control'][n % 5]}`,
    description: 'Found in the bench fixture.',
    source,
    requirementKey: n % 4 === 0 ? null : ISMS_REQUIREMENT_KEYS[n % ISMS_REQUIREMENT_KEYS.length],
    grade: GRADED_SOURCES.includes(source) || n % 3 === 0 ? (n % 5 === 0 ? 'major' : 'minor') : null,
    foundBy: userId,
    foundOn: daysAgo(age),
    ownerId: userId,
  };
  // the handling fields of each step reached; the status follows from them after the insert
  if (age > 10) Object.assign(values, { correctionText: 'Corrected at once.', correctionDoneOn: daysAgo(age - 2) });
  if (age > 20)
    Object.assign(values, { correctiveActionNeeded: true, decisionCriterion: 'Impact', decidedOn: daysAgo(age - 5) });
  if (age > 40)
    Object.assign(values, {
      whatWentWrong: 'A step was skipped.',
      causeCategory: NC_CAUSE_CATEGORIES[n % NC_CAUSE_CATEGORIES.length],
      rootCause: 'No reminder.',
      analysedOn: daysAgo(age - 15),
    });
  if (age > 60 && n % 5 !== 0) Object.assign(values, { closedBy: userId, closedOn: daysAgo(age - 20 - (n % 40)) });
  return { line: n, values };
}

export const nonconformitiesBench: BenchModule = {
  name: 'nonconformities',
  async seed({ handle, org, userId }) {
    const ctx: OrgContext = {
      db: handle.db,
      org: { ...org, name: 'Bench Org' },
      role: 'admin',
      actor: { kind: 'user', userId, label: 'bench' },
      registers: REGISTERS,
    };
    const rows = Array.from({ length: NCS }, (_, i) => row(i + 1, userId));
    const out = await writeRows(ctx, nonconformitiesModule, rows, { commit: true, maxIssues: 1 });
    if (out.issues.length) throw new Error(`nonconformities: ${JSON.stringify(out.issues[0])}`);
    // every nonconformity is created reported; its status follows from the steps recorded, in one update per state
    const states: [string, 'correctionDoneOn' | 'decidedOn' | 'analysedOn' | 'closedOn'][] = [
      ['corrected', 'correctionDoneOn'],
      ['decided', 'decidedOn'],
      ['analysed', 'analysedOn'],
      ['closed', 'closedOn'],
    ];
    for (const [status, field] of states)
      await handle.db
        .updateTable('nonconformities')
        .set({ status })
        .where('orgId', '=', org.id)
        .where(field, 'is not', null)
        .execute();
    const ncs = await handle.db.selectFrom('nonconformities').select('id').where('orgId', '=', org.id).execute();
    const controls = await handle.db.selectFrom('controls').select('id').where('orgId', '=', org.id).execute();
    let links = 0;
    if (controls.length) {
      const now = nowIso();
      const linked = ncs.filter((_, i) => i % 3 === 0);
      for (let i = 0; i < linked.length; i += 500) {
        const chunk = linked.slice(i, i + 500).map((nc, j) => ({
          id: newId(),
          orgId: org.id,
          fromType: 'nonconformity',
          fromId: nc.id,
          toType: 'control',
          toId: controls[(i + j) % Math.min(controls.length, 40)]!.id,
          kind: 'concerns',
          createdAt: now,
          createdBy: userId,
        }));
        await handle.db.insertInto('links').values(chunk).execute();
        links += chunk.length;
      }
    }
    // as the assets bench: PostgreSQL's autovacuum would have analysed the tables after such a load (without it the
    // first trends request plans its joins for empty tables); SQLite is measured as an installation runs it
    if (handle.kind === 'postgres') await sql`ANALYZE`.execute(handle.db);
    return `${out.created} nonconformities over two years (write batches of 200), ${links} linked to a control`;
  },
  cases({ org, c }) {
    const base = `/api/v1/orgs/${org.slug}/nonconformities`;
    return [
      { name: `nonconformities: list, first page (25 of ${NCS})`, targetMs: 60, run: () => c.get(base) },
      {
        name: 'nonconformities: filter status+source, sort found on',
        targetMs: 60,
        run: () => c.get(`${base}?status=analysed,decided&source=internal_audit,incident&sort=foundOn&order=desc`),
      },
      {
        // bound by exceljs's CPU time, as the assets export
        name: `nonconformities: XLSX export of ${NCS}`,
        targetMs: 6000,
        runs: 3,
        run: () => c.get(`${base}/export.xlsx`),
      },
      {
        name: 'nonconformities: trends over two years, by month',
        targetMs: 500,
        runs: 5,
        run: () => c.get(`${base}/trends?from=${twoYearsAgo()}&by=month`),
      },
    ];
  },
};
