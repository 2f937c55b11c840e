import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { treatmentChecks } from '../../src/core/controls/checks.service.js';
import { compareSoa } from '../../src/core/controls/soa-compare.service.js';
import { planRows } from '../../src/core/controls/treatment-plan.service.js';
import { getTreatment } from '../../src/core/controls/treatment.service.js';
import type { OrgContext } from '../../src/core/context.js';
import type { DatabaseHandle } from '../../src/db/connect.js';
import { soaStatementSchema } from '../../src/schema/controls/soa.register.js';
import { DIALECTS } from '../helpers/databases.js';
import { openDemo } from '../helpers/demo.js';

describe.each(DIALECTS)('demo risk treatment and SoA of Example Ltd on %s', (kind) => {
  let handle: DatabaseHandle;
  let ctx: OrgContext;
  beforeAll(async () => {
    ({ handle, ctx } = await openDemo(kind));
  });
  afterAll(() => handle?.close());

  it('treats the mobile phone example with a policy, MDM, PINs, incident reporting and backup; the owner accepted the residual risk', async () => {
    const phone = await handle.db
      .selectFrom('risks')
      .select(['id', 'status', 'acceptable'])
      .where('orgId', '=', ctx.org.id)
      .where('title', 'like', '%mobile phone%')
      .executeTakeFirstOrThrow();
    const t = await getTreatment(ctx, phone.id);
    expect(t.options.map((o) => o.option)).toEqual(['modify']);
    expect(t.controls.map((c) => c.ref)).toEqual(['8.1', 'CUS-001', '8.5', '6.8', '8.13']);
    expect(t.controls.every((c) => c.applicability === 'applicable')).toBe(true);
    expect(phone.acceptable).toBe(0);
    expect(t.residualEvaluation?.acceptable).toBe(true);
    expect(t.acceptance).toMatchObject({ kind: 'within_criteria', state: 'valid' });
    expect(phone.status).toBe('accepted'); // the owner's acceptance sets it (issue 12)
  });

  it('decides every control of the 2022 edition, with an approved SoA version 1 and a draft version 2 that shows one change', async () => {
    const undecided = await handle.db
      .selectFrom('controls')
      .select('ref')
      .where('orgId', '=', ctx.org.id)
      .where('applicability', '=', 'undecided')
      .execute();
    expect(undecided).toEqual([]);
    const soa = await handle.db
      .selectFrom('statementsOfApplicability')
      .selectAll()
      .where('orgId', '=', ctx.org.id)
      .executeTakeFirstOrThrow();
    expect([soa.approvedVersion, soa.latestVersion, soa.latestState]).toEqual([1, 2, 'draft']);
    const v1 = await handle.db
      .selectFrom('recordVersions')
      .select('content')
      .where('recordId', '=', soa.id)
      .where('versionNo', '=', 1)
      .executeTakeFirstOrThrow();
    const statement = soaStatementSchema.parse(JSON.parse(v1.content).statement);
    expect(statement.rows).toHaveLength(94);
    expect(statement.rows.find((r) => r.ref === '8.30')).toMatchObject({
      applicability: 'excluded',
      exclusionReason: 'not_needed',
    });
    expect(statement.rows.find((r) => r.ref === '5.26')?.requirements.map((r) => r.title)).toEqual([
      'Notify personal-data breaches within 72 hours',
    ]);
    expect(statement.rows.find((r) => r.ref === '8.13')?.risks).toHaveLength(2);
    const diff = await compareSoa(ctx, soa.id, 1, 2);
    expect(diff.rows.map((r) => [r.ref, r.changes])).toEqual([['5.7', ['status']]]);
  });

  it('has an approved treatment plan, and consistency checks that find the untreated risks and the overdue action', async () => {
    const plan = await planRows(ctx, handle.db, { all: true });
    expect(plan.items.map((r) => r.title)).toEqual(
      expect.arrayContaining([expect.stringMatching(/mobile phone/), expect.stringMatching(/Ransomware/)]),
    );
    const phone = plan.items.find((r) => /mobile phone/.test(r.title))!;
    expect(phone.actions.map((a) => a.status)).toEqual(expect.arrayContaining(['done', 'in_progress', 'open']));
    expect(phone.actions.some((a) => a.overdue)).toBe(true);
    const checks = new Map((await treatmentChecks(ctx)).checks.map((c) => [c.key, c]));
    expect(checks.get('control_without_reason')!.count).toBe(0);
    expect(checks.get('exclusion_without_explanation')!.count).toBe(0);
    expect(checks.get('risk_without_owner_approval')!.items.map((i) => i.ref).length).toBeGreaterThanOrEqual(2);
    expect(checks.get('actions_overdue')!.count).toBeGreaterThanOrEqual(1);
    const rtp = await handle.db
      .selectFrom('riskTreatmentPlans')
      .select('approvedVersion')
      .where('orgId', '=', ctx.org.id)
      .executeTakeFirstOrThrow();
    expect(rtp.approvedVersion).toBe(1);
  });
});
