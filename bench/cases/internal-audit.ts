// An internal audit's checklist at the scale: criteria all of clauses 4–10 (the 95 requirements) plus the
// SoA, over the 293 applicable controls seeded by the controls module (93 of the 2022 edition + 200 custom). The
// lead auditor is a member who owns none of the controls (the bench admin owns them all), so no independence
// exception is needed. Measures generating a checklist of 388 items on a fresh audit, and reading one back.
import { nowIso } from '../../src/core/util/ids.js';
import { createUser } from '../../src/core/users/users.service.js';
import { SYSTEM_ACTOR } from '../../src/core/context.js';
import { ok } from '../http-caller.js';
import type { BenchModule } from './types.js';

const GENERATE_RUNS = 5;

const auditIds: string[] = [];
let controls = 0;

export const internalAuditBench: BenchModule = {
  name: 'internal-audit',
  async seed({ handle, org, c }) {
    auditIds.length = 0; // a fresh database per dialect
    const o = `/api/v1/orgs/${org.slug}`;
    const lead = await createUser(
      handle.db,
      { email: 'bench-auditor@example.test', name: 'Bench Auditor', password: 'bench-password-123' },
      SYSTEM_ACTOR,
    );
    await handle.db
      .insertInto('memberships')
      .values({ orgId: org.id, userId: lead.id, role: 'auditor', createdAt: nowIso() })
      .execute();
    const applicable = await handle.db
      .selectFrom('controls')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('orgId', '=', org.id)
      .where('applicability', '=', 'applicable')
      .executeTakeFirstOrThrow();
    controls = Number(applicable.n);
    // one audit per measured generation (a second generation on the same audit adds nothing), one more to read
    for (let i = 0; i <= GENERATE_RUNS; i++) {
      const audit = await ok(
        await c.post(`${o}/internal-audits`, {
          title: `Whole-ISMS audit ${i + 1}`,
          clauses: '4, 5, 6, 7, 8, 9, 10',
          soaCriterion: true,
          leadAuditorId: lead.id,
        }),
        'audit',
      );
      auditIds.push(audit.id as string);
    }
    const first = await ok(await c.post(`${o}/internal-audits/${auditIds[0]}/checklist/generate`, {}), 'generate');
    return `${auditIds.length} audits of clauses 4–10 and the SoA (${controls} applicable controls), one checklist of ${first.added} items`;
  },
  cases({ org, c }) {
    const a = (id: string) => `/api/v1/orgs/${org.slug}/internal-audits/${id}`;
    let next = 1;
    return [
      {
        name: `audit checklist: generate (95 requirements + ${controls} controls)`,
        targetMs: 1000,
        runs: GENERATE_RUNS,
        run: () => c.post(`${a(auditIds[next++]!)}/checklist/generate`, {}),
      },
      {
        name: `audit checklist: read back (${95 + controls} items)`,
        targetMs: 300,
        run: () => c.get(`${a(auditIds[0]!)}/checklist`),
      },
    ];
  },
};
