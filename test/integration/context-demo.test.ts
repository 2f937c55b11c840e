import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemo } from '../../src/core/demo/demo.service.js';
import { DIALECTS, openTestDatabase } from '../helpers/databases.js';
import type { DatabaseHandle } from '../../src/db/connect.js';

describe.each(DIALECTS)('demo context of Example Ltd on %s', (kind) => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await openTestDatabase(kind);
    await loadDemo(handle.db);
  });
  afterAll(() => handle?.close());

  it('has issues on both sides, the climate decision, parties and requirements that point at them', async () => {
    const org = await handle.db
      .selectFrom('organizations')
      .select('id')
      .where('slug', '=', 'example')
      .executeTakeFirstOrThrow();
    const issues = await handle.db.selectFrom('issues').selectAll().where('orgId', '=', org.id).execute();
    expect(issues.length).toBeGreaterThanOrEqual(10);
    expect(new Set(issues.map((i) => i.direction))).toEqual(new Set(['external', 'internal']));
    expect(issues.filter((i) => i.climateRelated === 1).length).toBeGreaterThanOrEqual(1);
    const decision = await handle.db
      .selectFrom('climateDecisions')
      .selectAll()
      .where('orgId', '=', org.id)
      .executeTakeFirstOrThrow();
    expect(decision.relevant).toBe(1);
    const parties = await handle.db
      .selectFrom('interestedParties')
      .select(['id', 'type'])
      .where('orgId', '=', org.id)
      .execute();
    expect(parties.length).toBeGreaterThanOrEqual(8);
    expect(parties.map((p) => p.type)).toEqual(
      expect.arrayContaining(['regulator', 'customer', 'supplier', 'shareholder', 'employee_user']),
    );
    const requirements = await handle.db
      .selectFrom('requirements')
      .select(['partyId', 'kind'])
      .where('orgId', '=', org.id)
      .execute();
    expect(requirements.length).toBeGreaterThanOrEqual(12);
    expect(requirements.every((r) => parties.some((p) => p.id === r.partyId))).toBe(true);
    expect(new Set(requirements.map((r) => r.kind))).toEqual(new Set(['legal', 'contractual', 'other']));
  });

  it('has a scope statement with version 1 approved by the approver and version 2 in progress', async () => {
    const org = await handle.db
      .selectFrom('organizations')
      .select('id')
      .where('slug', '=', 'example')
      .executeTakeFirstOrThrow();
    const scope = await handle.db
      .selectFrom('scopes')
      .selectAll()
      .where('orgId', '=', org.id)
      .executeTakeFirstOrThrow();
    expect(scope).toMatchObject({ approvedVersion: 1, latestVersion: 2, latestState: 'draft', stage: 'refined' });
    const versions = await handle.db
      .selectFrom('recordVersions')
      .select(['versionNo', 'state', 'content'])
      .where('recordId', '=', scope.id)
      .orderBy('versionNo')
      .execute();
    expect(versions.map((v) => v.state)).toEqual(['approved', 'draft']);
    expect(JSON.parse(versions[0]!.content).exclusions[0].reason).toBeTruthy();
    const approvals = await handle.db
      .selectFrom('approvals')
      .innerJoin('users', 'users.id', 'approvals.signerId')
      .select(['users.email', 'approvals.signerRole', 'approvals.versionNo'])
      .where('approvals.recordId', '=', scope.id)
      .execute();
    expect(approvals).toEqual([{ email: 'approver@example.com', signerRole: 'approver', versionNo: 1 }]);
  });

  it('has an approved methodology, evaluated risks with the mobile-phone example beyond acceptance, and two assessments', async () => {
    const org = await handle.db
      .selectFrom('organizations')
      .select('id')
      .where('slug', '=', 'example')
      .executeTakeFirstOrThrow();
    const methodology = await handle.db
      .selectFrom('riskMethodologies')
      .selectAll()
      .where('orgId', '=', org.id)
      .executeTakeFirstOrThrow();
    expect(methodology.approvedVersion).toBe(1);
    const risks = await handle.db.selectFrom('risks').selectAll().where('orgId', '=', org.id).execute();
    expect(risks.length).toBeGreaterThanOrEqual(10);
    const phone = risks.find((r) => /mobile phone/.test(r.title))!;
    expect(phone).toMatchObject({
      acceptable: 0,
      methodologyVersion: 1,
      affectsConfidentiality: 1,
      affectsAvailability: 1,
    });
    expect(new Set(risks.map((r) => r.level)).size).toBeGreaterThanOrEqual(3);
    expect(risks.some((r) => r.level === null)).toBe(true);
    const assessments = await handle.db
      .selectFrom('riskAssessments')
      .select(['status', 'riskCount'])
      .where('orgId', '=', org.id)
      .orderBy('startedOn')
      .execute();
    expect(assessments.map((a) => a.status)).toEqual(['closed', 'open']);
    expect(assessments[0]!.riskCount).toBe(risks.length);
  });
});
