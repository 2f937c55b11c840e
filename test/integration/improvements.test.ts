import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES } from '../../src/schema/auth/roles.js';
import { DIALECTS } from '../helpers/databases.js';
import { testEnv, type TestEnv } from '../helpers/app.js';
import { buildOrg, writeCounts, type TestOrg } from '../helpers/factories.js';

type Rec = { id: string; ref: string; version: number; status: string } & Record<string, unknown>;
const fields = (res: { json(): { errors?: { field: string }[] } }) => (res.json().errors ?? []).map((e) => e.field);

describe.each(DIALECTS)('improvements (10.1) on %s', (kind) => {
  let env: TestEnv;
  let org: TestOrg;
  let other: TestOrg;
  beforeAll(async () => {
    env = await testEnv(kind);
    org = await buildOrg(env.app, env.handle);
    other = await buildOrg(env.app, env.handle);
  });
  afterAll(() => env?.close());

  const url = (path = '', o = org) => `/api/v1/orgs/${o.slug}/improvements${path}`;
  const suggest = async (role: (typeof ROLES)[number] = 'viewer', o = org) => {
    const res = await o.as[role].post(url('/suggest', o), { title: `Idea from ${role}`, description: 'Why not' });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as Rec;
  };

  it('lets every role suggest, numbered IMP-nnn, suggested by the caller', async () => {
    for (const role of ROLES) {
      const imp = await suggest(role);
      expect(imp.ref).toMatch(/^IMP-\d{3}$/);
      expect(imp).toMatchObject({ status: 'suggested', source: 'suggestion', suggestedBy: org.users[role].id });
    }
    // the generic create stays with editors
    expect((await org.as.viewer.post(url(), { title: 'Direct' })).statusCode).toBe(403);
  });

  it('follows a suggestion through evaluation, a planned action, implementation and review', async () => {
    const imp = await suggest();
    const c = org.as.contributor;
    const evaluated = await c.post(url(`/${imp.id}/evaluation`), {
      expectedVersion: imp.version,
      worthPursuing: true,
      evaluationNote: 'Saves an hour a week',
    });
    expect(evaluated.json()).toMatchObject({
      status: 'evaluated',
      worthPursuing: true,
      evaluatedBy: org.users.contributor.id,
    });
    const action = await c.post(`/api/v1/orgs/${org.slug}/actions`, {
      title: 'Automate the access review export',
      sourceType: 'improvement',
      sourceId: imp.id,
    });
    expect(action.statusCode).toBe(201);
    const planned = (await c.get(url(`/${imp.id}`))).json() as Rec;
    expect(planned.status).toBe('planned');
    // not implemented while its action is open: refused naming the action, nothing written
    const early = await c.post(url(`/${imp.id}/implemented`), {
      expectedVersion: planned.version,
      ismsChange: 'Access review procedure, step 3',
    });
    expect(early.statusCode).toBe(409);
    expect(early.json().errors).toEqual([{ field: 'actions', message: `Still open: ${action.json().ref}` }]);
    expect(((await c.get(url(`/${imp.id}`))).json() as Rec).version).toBe(planned.version);
    const done = await c.patch(`/api/v1/orgs/${org.slug}/actions/${action.json().id}`, {
      status: 'done',
      outcome: 'The export runs on its own every month',
      expectedVersion: action.json().version,
    });
    expect(done.statusCode, done.body).toBe(200);
    const implemented = await c.post(url(`/${imp.id}/implemented`), {
      expectedVersion: planned.version,
      ismsChange: 'Access review procedure, step 3',
    });
    expect(implemented.json()).toMatchObject({ status: 'implemented', ismsChange: 'Access review procedure, step 3' });
    const reviewed = await c.post(url(`/${imp.id}/review`), {
      expectedVersion: (implemented.json() as Rec).version,
      effective: true,
      effectivenessNote: 'Two reviews done in half the time',
    });
    expect(reviewed.json()).toMatchObject({ status: 'reviewed', effective: true });
  });

  it('rejects a suggestion not worth pursuing, then refuses actions and steps out of turn', async () => {
    const imp = await suggest();
    const c = org.as.contributor;
    const rejected = await c.post(url(`/${imp.id}/evaluation`), {
      expectedVersion: imp.version,
      worthPursuing: false,
      evaluationNote: 'Already covered by the SIEM',
    });
    expect(rejected.json().status).toBe('rejected');
    const before = await writeCounts(env.handle);
    const action = await c.post(`/api/v1/orgs/${org.slug}/actions`, {
      title: 'x',
      sourceType: 'improvement',
      sourceId: imp.id,
    });
    expect(action.statusCode).toBe(409);
    expect(fields(action)).toEqual(['body.sourceId']);
    const review = await c.post(url(`/${imp.id}/review`), {
      expectedVersion: (rejected.json() as Rec).version,
      effective: true,
      effectivenessNote: 'x',
    });
    expect(review.statusCode).toBe(409);
    expect(fields(review)).toEqual(['status']);
    expect(await writeCounts(env.handle)).toEqual(before);
  });

  it('keeps the steps to editors, refuses stale versions and other organizations', async () => {
    const imp = await suggest();
    const body = { expectedVersion: imp.version, worthPursuing: true, evaluationNote: 'ok' };
    expect((await org.as.viewer.post(url(`/${imp.id}/evaluation`), body)).statusCode).toBe(403);
    expect((await org.as.auditor.post(url(`/${imp.id}/evaluation`), body)).statusCode).toBe(403);
    const stale = await org.as.contributor.post(url(`/${imp.id}/evaluation`), { ...body, expectedVersion: 9 });
    expect(stale.statusCode).toBe(409);
    expect(fields(stale)).toEqual(['body.expectedVersion']);
    const theirs = await suggest('viewer', other);
    expect((await org.as.contributor.post(url(`/${theirs.id}/evaluation`), body)).statusCode).toBe(404);
  });

  it.runIf(kind === 'postgres')(
    'twenty parallel evaluations of one version: exactly one wins, the rest 409',
    async () => {
      const imp = await suggest();
      const res = await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          org.as.contributor.post(url(`/${imp.id}/evaluation`), {
            expectedVersion: imp.version,
            worthPursuing: i % 2 === 0,
            evaluationNote: `Evaluation ${i}`,
          }),
        ),
      );
      const codes = res.map((r) => r.statusCode);
      expect(codes.filter((s) => s === 200)).toHaveLength(1);
      expect(codes.filter((s) => s === 409)).toHaveLength(19);
    },
  );
});
