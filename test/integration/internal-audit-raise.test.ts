import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayIso } from '../../src/core/util/ids.js';
import { auditWithFinding, followUpPlan, raiseCounts } from '../helpers/audit-finding-factories.js';
import { testEnv, type TestEnv } from '../helpers/app.js';
import { chooseEdition } from '../helpers/control-factories.js';
import { DIALECTS } from '../helpers/databases.js';
import { buildOrg, type TestOrg } from '../helpers/factories.js';

/** A finding raised in one step (27001 9.2 → 10.2 / 10.1; 27003 9.2 i–l). */
describe.each(DIALECTS)('raising an audit finding as a nonconformity or an improvement on %s', (kind) => {
  let env: TestEnv;
  let org: TestOrg;
  beforeAll(async () => {
    env = await testEnv(kind);
    org = await buildOrg(env.app, env.handle);
  });
  afterAll(() => env?.close());

  const linksFrom = (type: string, id: string) =>
    env.handle.db
      .selectFrom('links')
      .select(['toType', 'toId', 'kind'])
      .where('orgId', '=', org.id)
      .where('fromType', '=', type)
      .where('fromId', '=', id)
      .execute();
  const eventsOf = (entityId: string) =>
    env.handle.db
      .selectFrom('auditEvents')
      .select(['type', 'payload'])
      .where('orgId', '=', org.id)
      .where('entityId', '=', entityId)
      .orderBy('seq')
      .execute();

  it('the lead auditor raises a minor nonconformity carrying the finding, its links and the follow-up plan agreed', async () => {
    const f = await auditWithFinding(org, 'minor_nc');
    const plan = followUpPlan();
    const res = await org.as.auditor.post(f.raiseUrl, {
      expectedVersion: f.item.version,
      ownerId: org.users.contributor.id,
      followUp: plan,
    });
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json();
    expect(body).toMatchObject({ kind: 'nonconformity', ref: expect.stringMatching(/^NC-\d+$/) });
    expect(body.item.raised).toEqual({ type: 'nonconformity', id: body.id, ref: body.ref });
    expect(body.item.followUp).toEqual({
      ...plan,
      agreedBy: { id: org.users.auditor.id, name: expect.any(String) },
      agreedOn: todayIso(),
    });
    expect(body.item.version).toBe(f.item.version + 1);

    const nc = (await org.as.viewer.get(`/api/v1/orgs/${org.slug}/nonconformities/${body.id}`)).json();
    expect(nc).toMatchObject({
      title: 'Leavers keep access to SaaS tools',
      source: 'internal_audit',
      sourceType: 'internal_audit',
      sourceId: f.audit.id,
      grade: 'minor',
      requirementKey: '9.2.2.a',
      foundBy: org.users.auditor.id,
      foundOn: todayIso(),
      ownerId: org.users.contributor.id,
      // due when the follow-up plan agreed with the lead auditor says
      dueDate: plan.dueOn,
      status: 'reported',
    });
    expect(nc.description).toContain('Three of ten leavers sampled');
    expect(nc.description).toContain(plan.correctiveAction);
    const links = await linksFrom('nonconformity', body.id);
    expect(links).toHaveLength(4);
    expect(links).toEqual(
      expect.arrayContaining([
        { toType: 'internal_audit', toId: f.audit.id, kind: 'raised_from' },
        { toType: 'evidence', toId: f.evidence.id, kind: 'concerns' },
        { toType: 'isms_process', toId: f.sample.id, kind: 'concerns' },
        { toType: 'isms_process', toId: f.object.id, kind: 'concerns' },
      ]),
    );
    const auditEvents = (await eventsOf(f.audit.id)).map((e) => e.type);
    expect(auditEvents.at(-1)).toBe('internal_audit.finding_raised');
    expect((await eventsOf(body.id)).map((e) => e.type)).toEqual(
      expect.arrayContaining(['record.created', 'nonconformity.raised']),
    );

    // the checklist and the findings show what was raised
    const checklist = (await org.as.viewer.get(`${f.a}/checklist`)).json();
    expect(checklist.items[0].raised).toEqual(body.item.raised);
    const findings = (await org.as.viewer.get(`${f.a}/findings`)).json();
    expect(findings.items[0]).toMatchObject({ raised: body.item.raised, followUp: body.item.followUp });
  });

  it('carries the control of a control item and its grade; a custom title replaces the item’s', async () => {
    const o = await buildOrg(env.app, env.handle);
    const control = (await chooseEdition(o)).get('5.15')!;
    const f = await auditWithFinding(o, 'not_assessed');
    const added = await o.as.auditor.post(`${f.a}/checklist`, { title: 'Access control', controlId: control.id });
    expect(added.statusCode, added.body).toBe(200);
    const item = (
      await o.as.auditor.patch(`${f.a}/checklist/${added.json().id}`, { conclusion: 'major_nc', expectedVersion: 1 })
    ).json();
    const res = await o.as.auditor.post(`${f.a}/checklist/${item.id}/raise`, {
      expectedVersion: item.version,
      ownerId: o.users.isms_manager.id,
      title: 'No access control policy',
      followUp: followUpPlan(),
    });
    expect(res.statusCode, res.body).toBe(201);
    const nc = (await o.as.viewer.get(`/api/v1/orgs/${o.slug}/nonconformities/${res.json().id}`)).json();
    expect(nc).toMatchObject({ title: 'No access control policy', grade: 'major', requirementKey: null });
    const links = await env.handle.db
      .selectFrom('links')
      .select(['toType', 'toId', 'kind'])
      .where('orgId', '=', o.id)
      .where('fromId', '=', nc.id)
      .execute();
    expect(links).toEqual(expect.arrayContaining([{ toType: 'control', toId: control.id, kind: 'concerns' }]));
  });

  it('an observation becomes an improvement (audit_observation) raised by the lead; an OFI by an ISMS manager', async () => {
    const obs = await auditWithFinding(org, 'observation');
    const res = await org.as.auditor.post(obs.raiseUrl, { expectedVersion: obs.item.version });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ kind: 'improvement', ref: expect.stringMatching(/^IMP-\d+$/) });
    expect(res.json().item.followUp).toBeNull();
    const imp = (await org.as.viewer.get(`/api/v1/orgs/${org.slug}/improvements/${res.json().id}`)).json();
    expect(imp).toMatchObject({
      source: 'audit_observation',
      sourceType: 'internal_audit',
      sourceId: obs.audit.id,
      suggestedBy: org.users.auditor.id,
      status: 'suggested',
      description: 'Three of ten leavers sampled still had access to the CRM',
    });
    expect(await linksFrom('improvement', imp.id)).toEqual(
      expect.arrayContaining([{ toType: 'internal_audit', toId: obs.audit.id, kind: 'raised_from' }]),
    );

    const ofi = await auditWithFinding(org, 'ofi');
    const byManager = await org.as.isms_manager.post(ofi.raiseUrl, {
      expectedVersion: ofi.item.version,
      ownerId: org.users.contributor.id,
    });
    expect(byManager.statusCode, byManager.body).toBe(201);
    const imp2 = (await org.as.viewer.get(`/api/v1/orgs/${org.slug}/improvements/${byManager.json().id}`)).json();
    expect(imp2).toMatchObject({ source: 'audit_ofi', ownerId: org.users.contributor.id });
  });

  it('only the lead auditor raises a nonconformity: an ISMS manager or admin gets 403 and nothing is written', async () => {
    const f = await auditWithFinding(org, 'minor_nc');
    const before = await raiseCounts(env.handle, org.id);
    for (const role of ['isms_manager', 'admin'] as const) {
      const res = await org.as[role].post(f.raiseUrl, {
        expectedVersion: f.item.version,
        ownerId: org.users.contributor.id,
        followUp: followUpPlan(),
      });
      expect(res.statusCode, res.body).toBe(403);
      expect(res.json().detail).toContain('lead auditor');
    }
    // the denials write no audit event either (the 403 comes from core, not the permission check)
    expect(await raiseCounts(env.handle, org.id)).toEqual(before);
  });

  it('an improvement is raised by the audit team or a manager: an auditor outside the team gets 403', async () => {
    const f = await auditWithFinding(org, 'observation', { leadAuditorId: org.users.admin.id });
    const before = await raiseCounts(env.handle, org.id);
    const outsider = await org.as.auditor.post(f.raiseUrl, { expectedVersion: f.item.version });
    expect(outsider.statusCode, outsider.body).toBe(403);
    expect(await raiseCounts(env.handle, org.id)).toEqual(before);
    const team = await org.as.admin.request('PUT', `${f.a}/team`, {
      members: [{ userId: org.users.auditor.id, role: 'auditor' }],
    });
    expect(team.statusCode, team.body).toBe(200);
    const member = await org.as.auditor.post(f.raiseUrl, { expectedVersion: f.item.version });
    expect(member.statusCode, member.body).toBe(201);
  });
});
