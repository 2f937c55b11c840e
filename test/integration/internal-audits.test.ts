import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ISMS_REQUIREMENTS } from '../../src/schema/internal-audit/isms-requirements.js';
import { testEnv, type TestEnv } from '../helpers/app.js';
import { chooseEdition } from '../helpers/control-factories.js';
import { DIALECTS } from '../helpers/databases.js';
import { buildOrg, type TestOrg } from '../helpers/factories.js';
import { buildAudit, buildProgramme } from '../helpers/internal-audit-factories.js';
import { buildProcess, buildRole } from '../helpers/leadership-factories.js';

const PARALLEL = 20;
const codesOf = (res: { statusCode: number }[]) => res.map((r) => r.statusCode).sort();

describe.each(DIALECTS)('internal audits: team, scope, independence, status, checklist (9.2) on %s', (kind) => {
  let env: TestEnv;
  let org: TestOrg;
  beforeAll(async () => {
    env = await testEnv(kind);
    org = await buildOrg(env.app, env.handle);
  });
  afterAll(() => env?.close());

  const url = (path: string) => `/api/v1/orgs/${org.slug}${path}`;
  const exceptionsOf = (auditId: string) =>
    env.handle.db.selectFrom('auditIndependenceExceptions').selectAll().where('auditId', '=', auditId).execute();
  const scopeLinks = (auditId: string) =>
    env.handle.db.selectFrom('links').selectAll().where('fromId', '=', auditId).where('kind', '=', 'scope').execute();

  it('refuses clauses that are not clauses of 4–10, naming body.clauses, and stores them in clause order', async () => {
    const bad = await org.as.auditor.post(url('/internal-audits'), { title: 'Bad', clauses: '6.1.2, A.5.1' });
    expect(bad.statusCode, bad.body).toBe(400);
    expect(bad.json().errors[0]).toMatchObject({ field: 'body.clauses' });
    const good = await buildAudit(org, { clauses: '8.2; 6.1.2' });
    expect(good.clauses).toBe('6.1.2, 8.2');
    expect(good.status).toBe('planned');
  });

  it('refuses a process in scope that the lead auditor owns (409 naming the field and the process), writes nothing, and accepts it with a justification', async () => {
    const process = await buildProcess(org.as.admin, org.slug, { ownerId: org.users.auditor.id });
    const audit = await buildAudit(org);
    const refused = await org.as.auditor.request('PUT', url(`/internal-audits/${audit.id}/scope-processes`), {
      processIds: [process.id],
    });
    expect(refused.statusCode, refused.body).toBe(409);
    expect(refused.json().errors[0].field).toBe('body.processIds');
    expect(refused.json().errors[0].message).toContain(process.ref);
    expect(await scopeLinks(audit.id)).toHaveLength(0);
    expect(await exceptionsOf(audit.id)).toHaveLength(0);

    const excepted = await org.as.auditor.request('PUT', url(`/internal-audits/${audit.id}/scope-processes`), {
      processIds: [process.id],
      independenceException: { justification: 'Only trained auditor for this process this year' },
    });
    expect(excepted.statusCode, excepted.body).toBe(200);
    expect(excepted.json().processes.map((p: { id: string }) => p.id)).toEqual([process.id]);
    expect(excepted.json().exceptions).toHaveLength(1);
    expect(excepted.json().exceptions[0]).toMatchObject({ objectRef: process.ref, reason: 'owner' });
    expect(await scopeLinks(audit.id)).toHaveLength(1);
  });

  it('refuses a team member assigned to a role linked to a process in scope, and records the justified exception', async () => {
    const process = await buildProcess(org.as.admin, org.slug);
    const role = await buildRole(org.as.isms_manager, org.slug);
    const asg = await org.as.isms_manager.post(url('/role-assignments'), {
      roleId: role.id,
      personId: org.users.contributor.id,
    });
    expect(asg.statusCode, asg.body).toBe(201);
    const link = await org.as.admin.post(url('/links'), {
      fromType: 'isms_role',
      fromId: role.id,
      toType: 'isms_process',
      toId: process.id,
    });
    expect(link.statusCode, link.body).toBe(201);
    const audit = await buildAudit(org);
    const scope = await org.as.auditor.request('PUT', url(`/internal-audits/${audit.id}/scope-processes`), {
      processIds: [process.id],
    });
    expect(scope.statusCode, scope.body).toBe(200);
    const team = { members: [{ userId: org.users.contributor.id, role: 'auditor' }] };
    const refused = await org.as.auditor.request('PUT', url(`/internal-audits/${audit.id}/team`), team);
    expect(refused.statusCode, refused.body).toBe(409);
    expect(refused.json().errors[0].field).toBe('body.members');
    expect(refused.json().errors[0].message).toContain(`assigned to ${role.ref}`);
    expect((await org.as.viewer.get(url(`/internal-audits/${audit.id}/team`))).json().members).toHaveLength(0);
    // an observer does not audit: no independence question
    const observer = await org.as.auditor.request('PUT', url(`/internal-audits/${audit.id}/team`), {
      members: [{ userId: org.users.contributor.id, role: 'observer' }],
    });
    expect(observer.statusCode, observer.body).toBe(200);
    const excepted = await org.as.auditor.request('PUT', url(`/internal-audits/${audit.id}/team`), {
      ...team,
      independenceException: { justification: 'Small team; the contributor only observes the others' },
    });
    expect(excepted.statusCode, excepted.body).toBe(200);
    expect(excepted.json().members).toEqual([expect.objectContaining({ userId: org.users.contributor.id })]);
    expect(excepted.json().exceptions[0]).toMatchObject({ field: 'body.members', objectRef: process.ref });
  });

  it('refuses a team member who is not a member of the organization, naming the entry', async () => {
    const audit = await buildAudit(org);
    const other = await buildOrg(env.app, env.handle);
    const res = await org.as.auditor.request('PUT', url(`/internal-audits/${audit.id}/team`), {
      members: [{ userId: other.users.admin.id, role: 'auditor' }],
    });
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().errors[0].field).toBe('body.members.0.userId');
  });

  it('moves planned → in_progress → reporting → completed, refuses other moves naming body.to', async () => {
    const audit = await buildAudit(org);
    const jump = await org.as.auditor.post(url(`/internal-audits/${audit.id}/transition`), {
      to: 'completed',
      expectedVersion: audit.version,
    });
    expect(jump.statusCode, jump.body).toBe(409);
    expect(jump.json().errors[0].field).toBe('body.to');
    const start = await org.as.auditor.post(url(`/internal-audits/${audit.id}/transition`), {
      to: 'in_progress',
      expectedVersion: audit.version,
    });
    expect(start.statusCode, start.body).toBe(200);
    const after = (await org.as.viewer.get(url(`/internal-audits/${audit.id}`))).json();
    expect(after.status).toBe('in_progress');
    expect(after.actualStart).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('of twenty transitions at once on the same version exactly one wins, the others 409, no 5xx', async () => {
    const audit = await buildAudit(org);
    const res = await Promise.all(
      Array.from({ length: PARALLEL }, () =>
        org.as.auditor.post(url(`/internal-audits/${audit.id}/transition`), {
          to: 'in_progress',
          expectedVersion: audit.version,
        }),
      ),
    );
    const codes = codesOf(res);
    expect(
      codes.filter((c) => c === 200),
      JSON.stringify(codes),
    ).toHaveLength(1);
    expect(codes.filter((c) => c === 409)).toHaveLength(PARALLEL - 1);
    const events = await env.handle.db
      .selectFrom('auditEvents')
      .select('seq')
      .where('entityId', '=', audit.id)
      .where('type', '=', 'internal_audit.status_changed')
      .execute();
    expect(events).toHaveLength(1);
  });

  it('generates the checklist from the criteria: requirements of the clauses, applicable controls, once', async () => {
    const o = await buildOrg(env.app, env.handle);
    const controls = await chooseEdition(o);
    const applicable = controls.get('8.1')!;
    const patched = await o.as.isms_manager.patch(`/api/v1/orgs/${o.slug}/controls/${applicable.id}`, {
      applicability: 'applicable',
      statedReason: 'Needed',
    });
    expect(patched.statusCode, patched.body).toBe(200);
    const audit = await buildAudit(o, { clauses: '6.1.2, 9', soaCriterion: true });
    const gen = (body = {}) =>
      o.as.auditor.post(`/api/v1/orgs/${o.slug}/internal-audits/${audit.id}/checklist/generate`, body);
    const first = await gen();
    expect(first.statusCode, first.body).toBe(200);
    const expected = ISMS_REQUIREMENTS.filter((q) => q.clause === '6.1.2' || q.clause.startsWith('9.'));
    const items = first.json().items as { source: string; requirementKey: string | null; controlRef: string | null }[];
    expect(items.filter((i) => i.source === 'requirement').map((i) => i.requirementKey)).toEqual(
      expected.map((q) => q.key),
    );
    expect(items.filter((i) => i.source === 'control').map((i) => i.controlRef)).toEqual(['8.1']);
    // again, and twenty at once: nothing is added twice, no 5xx
    const again = await Promise.all(Array.from({ length: PARALLEL }, () => gen()));
    expect(codesOf(again)).toEqual(Array(PARALLEL).fill(200));
    const after = (await o.as.viewer.get(`/api/v1/orgs/${o.slug}/internal-audits/${audit.id}/checklist`)).json();
    expect(after.items).toHaveLength(items.length);
  });

  it('records conclusions on the version read: of twenty auditors at once one wins; findings are counted by clause', async () => {
    const audit = await buildAudit(org, { clauses: '5.2' });
    const gen = await org.as.auditor.post(url(`/internal-audits/${audit.id}/checklist/generate`), {});
    const item = gen.json().items[0] as { id: string; version: number; clause: string };
    const res = await Promise.all(
      Array.from({ length: PARALLEL }, (_, i) =>
        org.as.auditor.patch(url(`/internal-audits/${audit.id}/checklist/${item.id}`), {
          conclusion: 'minor_nc',
          notes: `Note ${i}`,
          expectedVersion: item.version,
        }),
      ),
    );
    const codes = codesOf(res);
    expect(
      codes.filter((c) => c === 200),
      JSON.stringify(codes),
    ).toHaveLength(1);
    expect(codes.filter((c) => c === 409)).toHaveLength(PARALLEL - 1);
    const findings = (await org.as.viewer.get(url(`/internal-audits/${audit.id}/findings`))).json();
    expect(findings.items.map((i: { id: string }) => i.id)).toEqual([item.id]);
    expect(findings.byClause).toEqual([{ clause: '5.2', count: 1 }]);
  });

  it('refuses an object audited that the auditor owns (naming body.targetId), and links it with a justification', async () => {
    const o = await buildOrg(env.app, env.handle);
    const controls = await chooseEdition(o);
    const owned = controls.get('5.15')!;
    const own = await o.as.isms_manager.patch(`/api/v1/orgs/${o.slug}/controls/${owned.id}`, {
      ownerId: o.users.auditor.id,
    });
    expect(own.statusCode, own.body).toBe(200);
    const audit = await buildAudit(o);
    const base = `/api/v1/orgs/${o.slug}/internal-audits/${audit.id}/checklist`;
    const item = (await o.as.auditor.post(base, { title: 'Access control sampled' })).json();
    const body = { kind: 'object', targetType: 'control', targetId: owned.id };
    const refused = await o.as.auditor.post(`${base}/${item.id}/links`, body);
    expect(refused.statusCode, refused.body).toBe(409);
    expect(refused.json().errors[0].field).toBe('body.targetId');
    expect(refused.json().errors[0].message).toContain('5.15');
    const linked = await o.as.auditor.post(`${base}/${item.id}/links`, {
      ...body,
      independenceException: { justification: 'Control owner audits only the records of others' },
    });
    expect(linked.statusCode, linked.body).toBe(200);
    expect(linked.json().links).toEqual([expect.objectContaining({ kind: 'object', ref: '5.15' })]);
    // a control of another organization is not found, whatever the kind of link
    const foreignControl = [...(await chooseEdition(await buildOrg(env.app, env.handle))).values()][0]!;
    const foreign = await o.as.auditor.post(`${base}/${item.id}/links`, {
      kind: 'sample',
      targetType: 'control',
      targetId: foreignControl.id,
    });
    expect(foreign.statusCode, foreign.body).toBe(400);
    expect(foreign.json().errors[0].field).toBe('body.targetId');
  });

  it('refuses a new lead auditor who owns a process in scope (409 naming body.leadAuditorId), and changes nothing', async () => {
    const process = await buildProcess(org.as.admin, org.slug, { ownerId: org.users.isms_manager.id });
    const audit = await buildAudit(org);
    const scope = await org.as.auditor.request('PUT', url(`/internal-audits/${audit.id}/scope-processes`), {
      processIds: [process.id],
    });
    expect(scope.statusCode, scope.body).toBe(200);
    const res = await org.as.auditor.patch(url(`/internal-audits/${audit.id}`), {
      leadAuditorId: org.users.isms_manager.id,
    });
    expect(res.statusCode, res.body).toBe(409);
    expect(res.json().errors[0].field).toBe('body.leadAuditorId');
    expect(res.json().errors[0].message).toContain(process.ref);
    const after = (await org.as.viewer.get(url(`/internal-audits/${audit.id}`))).json();
    expect(after.leadAuditorId).toBe(org.users.auditor.id);
    expect(after.version).toBe(audit.version);
  });

  it('puts the programme’s key controls into every checklist, even without the SoA as a criterion', async () => {
    const o = await buildOrg(env.app, env.handle);
    const key = (await chooseEdition(o)).get('5.1')!;
    await buildProgramme(o, { keyControlIds: [key.id] });
    const audit = await buildAudit(o, { clauses: '4.1' });
    const res = await o.as.auditor.post(`/api/v1/orgs/${o.slug}/internal-audits/${audit.id}/checklist/generate`, {});
    expect(res.statusCode, res.body).toBe(200);
    const items = res.json().items as { source: string; controlRef: string | null }[];
    expect(items.filter((i) => i.source !== 'requirement')).toEqual([
      expect.objectContaining({ source: 'key_control', controlRef: '5.1' }),
    ]);
  });

  it('refuses processes and controls of another organization in the body, naming the entry, and writes nothing', async () => {
    const other = await buildOrg(env.app, env.handle);
    const foreignProcess = await buildProcess(other.as.admin, other.slug);
    const foreignControl = [...(await chooseEdition(other)).values()][0]!;
    const audit = await buildAudit(org);
    const scope = await org.as.auditor.request('PUT', url(`/internal-audits/${audit.id}/scope-processes`), {
      processIds: [foreignProcess.id],
    });
    expect(scope.statusCode, scope.body).toBe(400);
    expect(scope.json().errors[0].field).toBe('body.processIds.0');
    expect(await scopeLinks(audit.id)).toHaveLength(0);
    const item = await org.as.auditor.post(url(`/internal-audits/${audit.id}/checklist`), {
      title: 'Foreign control',
      controlId: foreignControl.id,
    });
    expect(item.statusCode, item.body).toBe(400);
    expect(item.json().errors[0].field).toBe('body.controlId');
    expect((await org.as.viewer.get(url(`/internal-audits/${audit.id}/checklist`))).json().items).toHaveLength(0);
  });
});
