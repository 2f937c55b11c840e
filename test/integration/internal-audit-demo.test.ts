import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nonconformitiesModule } from '../../src/core/improvement/nonconformities.module.js';
import { listRecords } from '../../src/core/register/register.service.js';
import type { OrgContext } from '../../src/core/context.js';
import { listReviews } from '../../src/core/improvement/nonconformity-steps.service.js';
import { coverageMatrix } from '../../src/core/internal-audit/audit-coverage.service.js';
import { auditFindings } from '../../src/core/internal-audit/audit-checklist-read.service.js';
import { listDistributions } from '../../src/core/internal-audit/audit-report.service.js';
import type { DatabaseHandle } from '../../src/db/connect.js';
import { auditFactsSchema } from '../../src/schema/internal-audit/internal-audit.register.js';
import { DIALECTS } from '../helpers/databases.js';
import { openDemo } from '../helpers/demo.js';

const count = (values: string[]) =>
  Object.fromEntries([...new Set(values)].sort().map((v) => [v, values.filter((x) => x === v).length]));

describe.each(DIALECTS)('demo internal audit, nonconformities and improvements of Example Ltd on %s', (kind) => {
  let handle: DatabaseHandle;
  let ctx: OrgContext;
  const user = async (email: string) =>
    (await handle.db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirstOrThrow()).id;
  beforeAll(async () => {
    ({ handle, ctx } = await openDemo(kind));
  });
  afterAll(() => handle?.close());

  it('has an approved three-year programme whose planned audits cover every clause 4–10 and every applicable control', async () => {
    const programme = await handle.db
      .selectFrom('auditProgrammes')
      .selectAll()
      .where('orgId', '=', ctx.org.id)
      .executeTakeFirstOrThrow();
    expect([programme.approvedVersion, programme.latestState]).toEqual([1, 'approved']);
    const matrix = await coverageMatrix(ctx);
    expect(matrix.programme).toMatchObject({ versionNo: 1, state: 'approved' });
    const years = (Date.parse(matrix.periodTo!) - Date.parse(matrix.periodFrom!)) / (365 * 86_400_000);
    expect(years).toBeCloseTo(3, 1);
    expect(matrix.audits).toHaveLength(6);
    expect(matrix.counts.uncovered).toBe(0);
    const clauses = matrix.rows.filter((r) => r.kind === 'clause');
    expect(clauses.map((r) => r.key)).toContain('10.2');
    // the first audit (completed) did clauses 4–6 and the organizational controls 5.1–5.18; the rest is planned
    expect(clauses.filter((r) => r.state === 'done').map((r) => r.key)).toEqual(
      clauses.filter((r) => /^[456]\./.test(r.key)).map((r) => r.key),
    );
    const controls = matrix.rows.filter((r) => r.kind === 'control');
    expect(controls.find((r) => r.key === '5.7')).toMatchObject({ state: 'done', doneBy: ['Y1-CORE'] });
    expect(controls.find((r) => r.key === '8.13')?.plannedBy).toHaveLength(6); // a key control: in every audit
    expect(controls.find((r) => r.key === '8.20')).toMatchObject({ state: 'planned', plannedBy: ['Y3-TECH'] });
  });

  it('has one completed audit with its checklist concluded, one minor nonconformity and two observations, and one planned audit', async () => {
    const audits = await handle.db
      .selectFrom('internalAudits')
      .selectAll()
      .where('orgId', '=', ctx.org.id)
      .orderBy('ref')
      .execute();
    expect(audits.map((a) => [a.plannedAuditKey, a.status])).toEqual([
      ['Y1-CORE', 'completed'],
      ['Y1-OPS', 'planned'],
    ]);
    const [done] = audits;
    const items = await handle.db
      .selectFrom('auditChecklistItems')
      .select('conclusion')
      .where('auditId', '=', done!.id)
      .execute();
    expect(items.length).toBeGreaterThan(50);
    expect(items.filter((i) => i.conclusion === 'not_assessed')).toEqual([]);
    const findings = await auditFindings(ctx, done!.id);
    expect(count(findings.items.map((i) => i.conclusion))).toEqual({ minor_nc: 1, observation: 2 });
    // sampled records and evidence on the items; no independence exception needed
    const links = await handle.db
      .selectFrom('auditChecklistLinks')
      .select('kind')
      .where('orgId', '=', ctx.org.id)
      .execute();
    expect(new Set(links.map((l) => l.kind))).toEqual(new Set(['evidence', 'sample', 'object']));
    const exceptions = await handle.db
      .selectFrom('auditIndependenceExceptions')
      .select('id')
      .where('orgId', '=', ctx.org.id)
      .execute();
    expect(exceptions).toEqual([]);
  });

  it('has the report approved by the lead auditor and distributed to top management', async () => {
    const audit = await handle.db
      .selectFrom('internalAudits')
      .selectAll()
      .where('orgId', '=', ctx.org.id)
      .where('status', '=', 'completed')
      .executeTakeFirstOrThrow();
    expect(audit.approvedVersion).toBe(1);
    const approvals = await handle.db
      .selectFrom('approvals')
      .select('signerId')
      .where('entityType', '=', 'internal_audit')
      .where('recordId', '=', audit.id)
      .execute();
    expect(approvals.map((a) => a.signerId)).toEqual([audit.leadAuditorId]);
    expect(audit.leadAuditorId).toBe(await user('auditor@example.com'));
    const version = await handle.db
      .selectFrom('recordVersions')
      .select('content')
      .where('recordId', '=', audit.id)
      .where('versionNo', '=', 1)
      .executeTakeFirstOrThrow();
    const facts = auditFactsSchema.parse(JSON.parse(version.content).facts);
    expect(facts.counts).toMatchObject({ minor_nc: 1, observation: 2 });
    expect(facts.findingsByClause.map((f) => f.clause)).toEqual(expect.arrayContaining(['6.2 d)', '4.2 b)']));
    expect(facts.findingsByControl.map((f) => f.control)).toEqual(['5.7']);
    const distributed = await listDistributions(ctx, audit.id);
    expect(distributed.items).toHaveLength(1);
    expect(distributed.items[0]!.members.map((m) => m.email)).toContain('approver@example.com'); // the management board
  });

  it('has four nonconformities in different states, the audit one raised from its finding', async () => {
    const ncs = await handle.db
      .selectFrom('nonconformities')
      .selectAll()
      .where('orgId', '=', ctx.org.id)
      .orderBy('ref')
      .execute();
    expect(count(ncs.map((n) => n.status))).toEqual({ actions_planned: 1, analysed: 1, closed: 1, reported: 1 });
    const fromAudit = ncs.find((n) => n.source === 'internal_audit')!;
    expect(fromAudit).toMatchObject({ grade: 'minor', requirementKey: '6.2.d', sourceType: 'internal_audit' });
    // raised in one step from the finding, with the follow-up plan agreed by the lead auditor
    const findings = await auditFindings(ctx, fromAudit.sourceId!);
    const minor = findings.items.find((i) => i.conclusion === 'minor_nc')!;
    expect(minor.raised).toEqual({ type: 'nonconformity', id: fromAudit.id, ref: fromAudit.ref });
    expect(minor.followUp?.agreedBy.id).toBe(await user('auditor@example.com'));
    expect(findings.items.filter((i) => i.conclusion === 'observation').map((i) => i.raised?.type)).toEqual([
      'improvement',
      'improvement',
    ]);
    const links = await handle.db
      .selectFrom('links')
      .select(['toType', 'kind'])
      .where('fromType', '=', 'nonconformity')
      .where('fromId', '=', fromAudit.id)
      .execute();
    expect(links).toEqual(
      expect.arrayContaining([
        { toType: 'internal_audit', kind: 'raised_from' },
        { toType: 'isms_process', kind: 'concerns' },
      ]),
    );
  });

  it('has one nonconformity reopened by an ineffective review made by someone who owns none of its actions', async () => {
    const reopened = await handle.db
      .selectFrom('nonconformities')
      .selectAll()
      .where('orgId', '=', ctx.org.id)
      .where('source', '=', 'control_activity')
      .executeTakeFirstOrThrow();
    expect(reopened.status).toBe('analysed');
    const reviews = await listReviews(ctx, reopened.id);
    expect(reviews.items.map((r) => r.effective)).toEqual([false]);
    const owners = await handle.db
      .selectFrom('actions')
      .select(['ownerId', 'status'])
      .where('sourceType', '=', 'nonconformity')
      .where('sourceId', '=', reopened.id)
      .execute();
    expect(owners.map((a) => a.status)).toEqual(['done']);
    expect(owners.map((a) => a.ownerId)).not.toContain(reviews.items[0]!.reviewedBy);
    const steps = await handle.db
      .selectFrom('auditEvents')
      .select('payload')
      .where('entityId', '=', reopened.id)
      .where('type', '=', 'nonconformity.step_recorded')
      .orderBy('seq')
      .execute();
    expect(steps.map((s) => JSON.parse(s.payload).statusTo)).toEqual([
      'corrected',
      'decided',
      'analysed',
      'analysed', // reopened: the review found the action not effective
    ]);
    // it is now past the date it was due: the one the register's "past due" filter shows
    const pastDue = await listRecords(ctx, nonconformitiesModule, { page: 1, pageSize: 25, overdue: true });
    expect(pastDue.items.map((n) => n.id)).toEqual([reopened.id]);
  });

  it('has three improvements in different states: two from the observations, one suggested by a viewer', async () => {
    const imps = await handle.db
      .selectFrom('improvements')
      .selectAll()
      .where('orgId', '=', ctx.org.id)
      .orderBy('ref')
      .execute();
    expect(imps.map((i) => [i.source, i.status])).toEqual([
      ['audit_observation', 'reviewed'],
      ['audit_observation', 'planned'],
      ['suggestion', 'suggested'],
    ]);
    expect(imps[2]!.suggestedBy).toBe(await user('viewer@example.com'));
    const manager = await user('manager@example.com');
    expect(imps.slice(0, 2).map((i) => [i.sourceType, i.ownerId])).toEqual([
      ['internal_audit', manager],
      ['internal_audit', manager],
    ]);
  });
});
