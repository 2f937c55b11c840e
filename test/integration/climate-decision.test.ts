import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../helpers/databases.js';
import { testEnv, type TestEnv } from '../helpers/app.js';
import { buildOrg, writeCounts, type TestOrg } from '../helpers/factories.js';

describe.each(DIALECTS)('climate-change decision (Amd 1:2024) on %s', (kind) => {
  let env: TestEnv;
  let org: TestOrg;
  let other: TestOrg;
  beforeAll(async () => {
    env = await testEnv(kind);
    org = await buildOrg(env.app, env.handle);
    other = await buildOrg(env.app, env.handle);
  });
  afterAll(() => env?.close());

  const url = (o: TestOrg, path = '') => `/api/v1/orgs/${o.slug}/context/climate-decision${path}`;
  const put = (o: TestOrg, role: keyof TestOrg['as'], body: Record<string, unknown>) =>
    o.as[role].request('PUT', url(o), body);

  it('is "undecided" until recorded, then relevant or not, with reasoning, who and when; every change in the history', async () => {
    const first = await org.as.viewer.get(url(org));
    expect(first.statusCode).toBe(200);
    expect(first.json()).toEqual({
      status: 'undecided',
      relevant: null,
      reasoning: null,
      decidedBy: null,
      decidedOn: null,
      version: 0,
      updatedAt: null,
      updatedBy: null,
    });

    const decided = await put(org, 'isms_manager', {
      relevant: false,
      reasoning: 'Offices only, no own data centre',
      decidedBy: org.users.approver.id,
      decidedOn: '2030-03-01',
      expectedVersion: 0,
    });
    expect(decided.statusCode, decided.body).toBe(200);
    expect(decided.json()).toMatchObject({
      status: 'not_relevant',
      relevant: false,
      decidedBy: org.users.approver.id,
      decidedOn: '2030-03-01',
      version: 1,
      updatedBy: org.users.isms_manager.id,
    });

    const changed = await put(org, 'admin', {
      relevant: true,
      reasoning: 'Main cloud region exposed to heatwaves',
      decidedBy: org.users.approver.id,
      decidedOn: '2030-09-15',
      expectedVersion: 1,
    });
    expect(changed.json()).toMatchObject({ status: 'relevant', relevant: true, version: 2 });
    expect((await org.as.viewer.get(url(org))).json().status).toBe('relevant');

    const history = await org.as.viewer.get(url(org, '/history'));
    expect(history.statusCode).toBe(200);
    const items = history.json().items;
    expect(items).toHaveLength(2);
    expect(items[0]).toMatchObject({ relevant: true, decidedOn: '2030-09-15', actorLabel: org.users.admin.email });
    expect(items[0].changes).toMatchObject({
      relevant: { from: false, to: true },
      reasoning: { from: 'Offices only, no own data centre', to: 'Main cloud region exposed to heatwaves' },
    });
    expect(items[0].changes.decidedBy).toBeUndefined();
    expect(items[1]).toMatchObject({ relevant: false, actorLabel: org.users.isms_manager.email });
    const events = await org.as.admin.get(`/api/v1/orgs/${org.slug}/audit-events?type=climate_decision.recorded`);
    expect(events.json().total).toBe(2);
  });

  it('answers 409 on a stale version and writes nothing; the same decision again writes nothing either', async () => {
    const current = (await org.as.viewer.get(url(org))).json();
    const before = await writeCounts(env.handle);
    const stale = await put(org, 'admin', {
      relevant: false,
      reasoning: 'late',
      decidedBy: org.users.admin.id,
      decidedOn: '2030-01-01',
      expectedVersion: 0,
    });
    expect(stale.statusCode).toBe(409);
    const same = await put(org, 'admin', {
      relevant: current.relevant,
      reasoning: current.reasoning,
      decidedBy: current.decidedBy,
      decidedOn: current.decidedOn,
    });
    expect(same.statusCode).toBe(200);
    expect(same.json().version).toBe(current.version);
    expect(await writeCounts(env.handle)).toEqual(before);
  });

  it('checks its input: a decider who is not a member, a missing reasoning, an unknown field', async () => {
    const before = await writeCounts(env.handle);
    const stranger = await put(org, 'admin', {
      relevant: true,
      reasoning: 'x',
      decidedBy: other.users.admin.id,
      decidedOn: '2030-01-01',
    });
    expect(stranger.statusCode).toBe(400);
    expect(stranger.json().errors).toEqual([{ field: 'body.decidedBy', message: 'Not a member of this organization' }]);
    const blank = await put(org, 'admin', {
      relevant: true,
      reasoning: '   ',
      decidedBy: org.users.admin.id,
      decidedOn: '2030-01-01',
    });
    expect(blank.json().errors.map((e: { field: string }) => e.field)).toEqual(['body.reasoning']);
    const undecided = await put(org, 'admin', {
      reasoning: 'x',
      decidedBy: org.users.admin.id,
      decidedOn: '2030-01-01',
    });
    expect(undecided.json().errors.map((e: { field: string }) => e.field)).toEqual(['body.relevant']);
    expect(await writeCounts(env.handle)).toEqual(before);
  });

  it('belongs to one organization: another organization stays undecided and cannot be reached', async () => {
    expect((await other.as.viewer.get(url(other))).json().status).toBe('undecided');
    expect((await other.as.viewer.get(url(other, '/history'))).json().items).toEqual([]);
    expect((await other.as.admin.get(url(org))).statusCode).toBe(404);
    expect(
      (
        await other.as.admin.request('PUT', url(org), {
          relevant: true,
          reasoning: 'x',
          decidedBy: other.users.admin.id,
          decidedOn: '2030-01-01',
        })
      ).statusCode,
    ).toBe(404);
  });

  it('is recorded by managers only; contributors and viewers read it', async () => {
    const body = { relevant: true, reasoning: 'role check', decidedBy: org.users.admin.id, decidedOn: '2030-01-01' };
    expect((await put(org, 'contributor', body)).statusCode).toBe(403);
    expect((await put(org, 'approver', body)).statusCode).toBe(403);
    expect((await org.as.contributor.get(url(org))).statusCode).toBe(200);
  });
});
