import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../helpers/databases.js';
import { testEnv, type TestEnv } from '../helpers/app.js';
import { buildOrg, type TestOrg } from '../helpers/factories.js';
import { buildObjective, todayIso, type MadeObjective } from '../helpers/objective-factories.js';
import { objectiveCounts } from '../helpers/objective-counts.js';
import { buildRegisterRecord, registerOf } from '../helpers/routes.js';

const fields = (res: { json(): { errors?: { field: string }[] } }) =>
  (res.json().errors ?? []).map((e) => e.field).sort();

describe.each(DIALECTS)('objectives communicated and closed on %s', (kind) => {
  let env: TestEnv;
  let org: TestOrg;
  let other: TestOrg;
  beforeAll(async () => {
    env = await testEnv(kind);
    org = await buildOrg(env.app, env.handle);
    other = await buildOrg(env.app, env.handle);
  });
  afterAll(() => env?.close());

  const url = (path = '') => `/api/v1/orgs/${org.slug}/objectives${path}`;
  const c = () => org.as.contributor;
  const m = () => org.as.isms_manager;
  const close = (o: MadeObjective, body: Record<string, unknown> = {}) =>
    m().post(url(`/${o.id}/close`), { expectedVersion: o.version, outcome: 'achieved', note: 'Met in Q3', ...body });

  it('records to whom an objective and the whole set were communicated (6.2 d), each id checked', async () => {
    const o = await buildObjective(c(), org.slug);
    const party = await buildRegisterRecord(org.as.admin, org, registerOf('interested_party'));
    const role = await buildRegisterRecord(org.as.admin, org, registerOf('isms_role'));
    const audience = {
      roles: ['contributor'],
      memberIds: [org.users.viewer.id],
      interestedPartyIds: [party.id],
      ismsRoleIds: [role.id],
    };
    const one = await c().post(url(`/${o.id}/communications`), {
      communicatedOn: todayIso(),
      channel: 'meeting',
      audience,
      note: 'Kick-off',
    });
    expect(one.statusCode).toBe(201);
    expect(one.json()).toMatchObject({ objectiveId: o.id, channel: 'meeting', audience });
    const set = await c().post(url('/communications'), {
      communicatedOn: todayIso(),
      channel: 'intranet',
      audience: { roles: ['viewer', 'contributor'] },
    });
    expect(set.statusCode).toBe(201);
    expect(set.json()).toMatchObject({
      objectiveId: null,
      audience: { roles: ['viewer', 'contributor'], memberIds: [], interestedPartyIds: [], ismsRoleIds: [] },
    });
    expect((await c().get(url(`/${o.id}/communications`))).json().items).toHaveLength(1);
    const setList = (await org.as.viewer.get(url('/communications'))).json().items as { channel: string }[];
    expect(setList.map((x) => x.channel)).toEqual(['intranet']);
  });

  it('refuses an empty audience, a foreign member or party, and a future date, naming the field, writing nothing', async () => {
    const o = await buildObjective(c(), org.slug);
    const foreignParty = await buildRegisterRecord(other.as.admin, other, registerOf('interested_party'));
    const before = await objectiveCounts(env.handle);
    const send = (body: Record<string, unknown>) =>
      c().post(url(`/${o.id}/communications`), { communicatedOn: todayIso(), channel: 'email', ...body });
    const empty = await send({ audience: {} });
    expect(empty.statusCode).toBe(400);
    expect(fields(empty)).toEqual(['body.audience.roles']);
    const member = await send({ audience: { memberIds: [other.users.viewer.id] } });
    expect(member.statusCode).toBe(400);
    expect(fields(member)).toEqual(['body.audience.memberIds.0']);
    const party = await send({ audience: { interestedPartyIds: [foreignParty.id] } });
    expect(fields(party)).toEqual(['body.audience.interestedPartyIds.0']);
    const future = await send({ communicatedOn: '2999-01-01', audience: { roles: ['viewer'] } });
    expect(fields(future)).toEqual(['body.communicatedOn']);
    expect(await objectiveCounts(env.handle)).toEqual(before);
  });

  it('closes an objective as achieved with a note, by an ISMS manager; a contributor may not', async () => {
    const o = await buildObjective(c(), org.slug);
    const denied = await c().post(url(`/${o.id}/close`), {
      expectedVersion: o.version,
      outcome: 'achieved',
      note: 'x',
    });
    expect(denied.statusCode).toBe(403);
    const res = await close(o);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      lifecycle: 'achieved',
      closedNote: 'Met in Q3',
      closedBy: org.users.isms_manager.id,
      closedOn: todayIso(),
      version: o.version + 1,
    });
  });

  it('keeps a closed objective as decided: no edit, no progress, no new action, no second closing', async () => {
    const o = await buildObjective(c(), org.slug);
    const closed = (await close(o, { outcome: 'withdrawn', note: 'Superseded by OBJ-002' })).json() as MadeObjective;
    const before = await objectiveCounts(env.handle);
    const edit = await c().patch(url(`/${o.id}`), { title: 'Changed' });
    expect(edit.statusCode).toBe(409);
    expect(fields(edit)).toEqual(['lifecycle']);
    const progress = await c().post(url(`/${o.id}/progress`), { entryDate: todayIso(), value: 1 });
    expect(progress.statusCode).toBe(409);
    const action = await c().post(`/api/v1/orgs/${org.slug}/actions`, {
      title: 'Too late',
      sourceType: 'objective',
      sourceId: o.id,
    });
    expect(action.statusCode).toBe(409);
    expect(fields(action)).toEqual(['body.sourceId']);
    expect((await close(closed)).statusCode).toBe(409);
    expect(await objectiveCounts(env.handle)).toEqual(before);
  });

  it('re-imports an exported list of objectives, closed ones included, as unchanged', async () => {
    const fresh = await buildOrg(env.app, env.handle);
    const o = await buildObjective(fresh.as.contributor, fresh.slug, { title: 'Closed one', deadline: '2099-01-01' });
    await buildObjective(fresh.as.contributor, fresh.slug, { measurementMode: 'measures' });
    const closed = await fresh.as.isms_manager.post(`/api/v1/orgs/${fresh.slug}/objectives/${o.id}/close`, {
      expectedVersion: o.version,
      outcome: 'achieved',
      note: 'Done',
    });
    expect(closed.statusCode).toBe(200);
    const csv = (await fresh.as.contributor.get(`/api/v1/orgs/${fresh.slug}/objectives/export.csv`)).body;
    const res = await fresh.as.contributor.request(
      'POST',
      `/api/v1/orgs/${fresh.slug}/objectives/import?dryRun=false`,
      csv,
      { 'content-type': 'text/csv' },
    );
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ applied: true, created: 0, updated: 0, unchanged: 2, errors: [] });
  });

  it('refuses a stale close (409 on expectedVersion) and a close without a note (400)', async () => {
    const o = await buildObjective(c(), org.slug);
    await c().patch(url(`/${o.id}`), { title: 'Renamed' });
    const stale = await close(o);
    expect(stale.statusCode).toBe(409);
    expect(fields(stale)).toEqual(['body.expectedVersion']);
    const noNote = await close({ ...o, version: o.version + 1 }, { note: ' ' });
    expect(noNote.statusCode).toBe(400);
    expect(fields(noNote)).toEqual(['body.note']);
  });

  it('twenty managers closing the same version at once: exactly one closes it, one audit event', async () => {
    const o = await buildObjective(c(), org.slug);
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => close(o, { outcome: i % 2 ? 'missed' : 'achieved' })),
    );
    expect(results.filter((r) => r.statusCode === 200)).toHaveLength(1);
    expect(results.filter((r) => r.statusCode === 409)).toHaveLength(19);
    const events = await env.handle.db
      .selectFrom('auditEvents')
      .select('type')
      .where('entityId', '=', o.id)
      .where('type', '=', 'objective.closed')
      .execute();
    expect(events).toHaveLength(1);
  });
});
