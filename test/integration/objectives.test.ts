import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../helpers/databases.js';
import { testEnv, type TestEnv } from '../helpers/app.js';
import { buildOrg, type TestOrg } from '../helpers/factories.js';
import { createDocument } from '../helpers/document-factories.js';
import { buildObjective, type MadeObjective } from '../helpers/objective-factories.js';
import { buildRegisterRecord, registerOf } from '../helpers/routes.js';
import { objectiveCounts } from '../helpers/objective-counts.js';

const fields = (res: { json(): { errors?: { field: string }[] } }) =>
  (res.json().errors ?? []).map((e) => e.field).sort();

describe.each(DIALECTS)('information security objectives (6.2) on %s', (kind) => {
  let env: TestEnv;
  let org: TestOrg;
  beforeAll(async () => {
    env = await testEnv(kind);
    org = await buildOrg(env.app, env.handle);
  });
  afterAll(() => env?.close());

  const url = (path = '') => `/api/v1/orgs/${org.slug}/objectives${path}`;
  const c = () => org.as.contributor;

  it('sets an objective numbered OBJ-nnn, active, not measured until a value comes', async () => {
    const o = await buildObjective(c(), org.slug, { ownerId: org.users.contributor.id, deadline: '2099-12-31' });
    expect(o.ref).toMatch(/^OBJ-\d{3}$/);
    expect(o).toMatchObject({
      lifecycle: 'active',
      progressStatus: 'not_measured',
      latestValue: null,
      targetValue: 95,
    });
  });

  it('refuses an objective without a target (unless not practicable), naming each field, writing nothing', async () => {
    const before = await objectiveCounts(env.handle);
    const res = await c().post(url(), { title: 'Vague', level: 'organization', measurementMode: 'manual' });
    expect(res.statusCode).toBe(400);
    expect(fields(res)).toEqual(['body.targetDirection', 'body.targetValue']);
    const np = await c().post(url(), { title: 'Culture', level: 'organization', measurementMode: 'not_practicable' });
    expect(np.statusCode).toBe(400);
    expect(fields(np)).toEqual(['body.judgementMethod', 'body.notMeasurableReason']);
    expect(await objectiveCounts(env.handle)).toEqual(before);
  });

  it('takes a not-practicable objective with its reason and how it will be judged; it is never measured', async () => {
    const o = await buildObjective(c(), org.slug, {
      measurementMode: 'not_practicable',
      targetValue: null,
      targetDirection: null,
      notMeasurableReason: 'Security culture has no count that means anything',
      judgementMethod: 'Management review judges it from the staff survey and incident reports',
    });
    expect(o).toMatchObject({ progressStatus: 'not_measured', lifecycle: 'active' });
  });

  it('checks dates and the level: deadline after the start, a process only at process level, a named function', async () => {
    const process = await buildRegisterRecord(org.as.admin, org, registerOf('isms_process'));
    const before = await objectiveCounts(env.handle);
    const dates = await c().post(url(), {
      title: 'Backwards',
      level: 'organization',
      measurementMode: 'manual',
      targetValue: 1,
      targetDirection: 'at_least',
      startDate: '2026-06-01',
      deadline: '2026-01-01',
      processId: process.id,
    });
    expect(dates.statusCode).toBe(400);
    expect(fields(dates)).toEqual(['body.deadline', 'body.processId']);
    const noProcess = await c().post(url(), {
      title: 'Process',
      level: 'process',
      measurementMode: 'manual',
      targetValue: 1,
      targetDirection: 'at_least',
    });
    expect(fields(noProcess)).toEqual(['body.processId']);
    const noFunction = await c().post(url(), {
      title: 'Function',
      level: 'function',
      measurementMode: 'manual',
      targetValue: 1,
      targetDirection: 'at_least',
    });
    expect(fields(noFunction)).toEqual(['body.functionName']);
    expect(await objectiveCounts(env.handle)).toEqual(before);
    const ok = await buildObjective(c(), org.slug, { level: 'process', processId: process.id });
    expect(ok.processId).toBe(process.id);
  });

  it('serves a policy: a policy document is accepted, another kind of document is not', async () => {
    const policy = await createDocument(org, { type: 'policy' });
    const procedure = await createDocument(org, { type: 'procedure' });
    const ok = await buildObjective(c(), org.slug, { policyDocumentId: policy.id, policyObjective: 'framework' });
    expect(ok.policyDocumentId).toBe(policy.id);
    const res = await c().post(url(), {
      title: 'Not a policy',
      level: 'organization',
      measurementMode: 'manual',
      targetValue: 1,
      targetDirection: 'at_least',
      policyDocumentId: procedure.id,
    });
    expect(res.statusCode).toBe(400);
    expect(fields(res)).toEqual(['body.policyDocumentId']);
  });

  it('cascades from a more generic objective, never in a loop', async () => {
    const top = await buildObjective(c(), org.slug);
    const child = await buildObjective(c(), org.slug, { parentObjectiveId: top.id });
    const loop = await c().patch(url(`/${top.id}`), { parentObjectiveId: child.id });
    expect(loop.statusCode).toBe(400);
    expect(fields(loop)).toEqual(['body.parentObjectiveId']);
    const self = await c().patch(url(`/${top.id}`), { parentObjectiveId: top.id });
    expect(fields(self)).toEqual(['body.parentObjectiveId']);
  });

  it('measured by measures: starts as a draft, and is refused as active until a measure is linked', async () => {
    const draft = await buildObjective(c(), org.slug, { measurementMode: 'measures' });
    expect(draft.lifecycle).toBe('draft');
    const active = await c().post(url(), {
      title: 'Active at once',
      level: 'organization',
      measurementMode: 'measures',
      targetValue: 1,
      targetDirection: 'at_least',
      lifecycle: 'active',
    });
    expect(active.statusCode).toBe(409);
    expect(fields(active)).toEqual(['measures']);
    const patched = await c().patch(url(`/${draft.id}`), { lifecycle: 'active' });
    expect(patched.statusCode).toBe(409);
    expect(fields(patched)).toEqual(['measures']);
    const manual = await buildObjective(c(), org.slug);
    const switched = await c().patch(url(`/${manual.id}`), { measurementMode: 'measures' });
    expect(switched.statusCode).toBe(409);
  });

  it('keeps achieved, missed and withdrawn out of the generic update: they are decided by closing', async () => {
    const o = await buildObjective(c(), org.slug);
    const res = await c().patch(url(`/${o.id}`), { lifecycle: 'achieved' });
    expect(res.statusCode).toBe(400);
    expect(fields(res)).toEqual(['body.lifecycle']);
    const read = (await c().get(url(`/${o.id}`))).json() as MadeObjective;
    expect(read.lifecycle).toBe('active');
  });

  it('answers requirements, issues and risks through links walkable both ways', async () => {
    const o = await buildObjective(c(), org.slug);
    const requirement = await buildRegisterRecord(org.as.admin, org, registerOf('requirement'));
    const link = await c().post(`/api/v1/orgs/${org.slug}/links`, {
      fromType: 'objective',
      fromId: o.id,
      toType: 'requirement',
      toId: requirement.id,
      kind: 'answers',
    });
    expect(link.statusCode).toBe(201);
    const fromRequirement = await c().get(`/api/v1/orgs/${org.slug}/links?type=requirement&id=${requirement.id}`);
    expect(fromRequirement.json().items).toEqual([
      expect.objectContaining({ fromRef: o.ref, kind: 'answers', toRef: requirement.ref }),
    ]);
  });

  it('refuses a measured_by link through the generic links routes: the objective route checks it', async () => {
    const o = await buildObjective(c(), org.slug);
    const other = await buildObjective(c(), org.slug);
    const res = await c().post(`/api/v1/orgs/${org.slug}/links`, {
      fromType: 'objective',
      fromId: o.id,
      toType: 'objective',
      toId: other.id,
      kind: 'measured_by',
    });
    expect(res.statusCode).toBe(409);
    expect(fields(res)).toEqual(['body.kind']);
  });

  it('plans the work as tracker actions coming from the objective (6.2 f)', async () => {
    const o = await buildObjective(c(), org.slug);
    const res = await c().post(`/api/v1/orgs/${org.slug}/actions`, {
      title: 'Run the phishing simulation every quarter',
      sourceType: 'objective',
      sourceId: o.id,
      ownerId: org.users.contributor.id,
    });
    expect(res.statusCode).toBe(201);
    const listed = await c().get(`/api/v1/orgs/${org.slug}/actions?sourceType=objective&sourceId=${o.id}`);
    expect(listed.json().items).toHaveLength(1);
  });
});
