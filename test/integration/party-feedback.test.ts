import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../helpers/databases.js';
import { testEnv, type TestEnv } from '../helpers/app.js';
import { buildOrg, writeCounts, type TestOrg } from '../helpers/factories.js';
import { buildFeedback, buildParty } from '../helpers/context-factories.js';

const GHOST = '00000000-0000-4000-8000-000000000000';
const fields = (res: { json(): unknown }) => (res.json() as { errors: { field: string }[] }).errors.map((e) => e.field);

/** Feedback from interested parties (9.3.2 e): the register the management review's input e is compiled from. */
describe.each(DIALECTS)('party feedback register on %s', (kind) => {
  let env: TestEnv;
  let org: TestOrg;
  let other: TestOrg;
  beforeAll(async () => {
    env = await testEnv(kind);
    org = await buildOrg(env.app, env.handle);
    other = await buildOrg(env.app, env.handle);
  });
  afterAll(() => env?.close());

  const url = (path = '', o = org) => `/api/v1/orgs/${o.slug}/party-feedback${path}`;

  it('records feedback numbered FB-nnn with its party, answers it, lists it newest first and archives it', async () => {
    const party = await buildParty(org.as.contributor, org.slug, { name: 'Key customer' });
    const older = await buildFeedback(org.as.contributor, org.slug, {
      summary: 'FB-test asks for SSO',
      kind: 'request_for_change',
      partyId: party.id,
      receivedOn: '2026-02-01',
    });
    expect(older.ref).toMatch(/^FB-\d{3}$/);
    expect(older.status).toBe('received');
    const newer = await buildFeedback(org.as.contributor, org.slug, {
      summary: 'FB-test complains about outage',
      receivedOn: '2026-04-01',
    });
    const listed = (await org.as.viewer.get(url('?q=FB-test'))).json();
    expect(listed.items.map((f: { id: string }) => f.id)).toEqual([newer.id, older.id]);
    expect((await org.as.viewer.get(url(`?q=FB-test&partyId=${party.id}`))).json().total).toBe(1);
    expect((await org.as.viewer.get(url('?q=FB-test&kind=complaint'))).json().total).toBe(1);

    const answered = await org.as.contributor.patch(url(`/${older.id}`), {
      status: 'answered',
      response: 'SSO is on the roadmap for Q3',
      respondedOn: '2026-02-10',
    });
    expect(answered.statusCode).toBe(200);
    expect(answered.json()).toMatchObject({ status: 'answered', respondedOn: '2026-02-10', version: 2 });
    expect((await org.as.contributor.del(url(`/${newer.id}`))).statusCode).toBe(403);
    expect((await org.as.isms_manager.del(url(`/${newer.id}`))).statusCode).toBe(204);
    expect((await org.as.viewer.get(url('?q=FB-test'))).json().total).toBe(1);
    expect(
      (await org.as.viewer.post(url(), { summary: 'x', kind: 'other', receivedOn: '2026-01-01' })).statusCode,
    ).toBe(403);
  });

  it('refuses bad input naming the field and writes nothing', async () => {
    const foreignParty = await buildParty(other.as.admin, other.slug);
    const fb = await buildFeedback(org.as.contributor, org.slug, { receivedOn: '2026-05-10' });
    const before = await writeCounts(env.handle);
    const cases: [Record<string, unknown>, string][] = [
      [{ kind: 'complaint', receivedOn: '2026-01-01' }, 'body.summary'],
      [{ summary: 'x', kind: 'praise', receivedOn: '2026-01-01' }, 'body.kind'],
      [{ summary: 'x', kind: 'complaint', receivedOn: '2026-13-45' }, 'body.receivedOn'],
      [{ summary: 'x', kind: 'complaint', receivedOn: '2026-01-01', partyId: GHOST }, 'body.partyId'],
      [{ summary: 'x', kind: 'complaint', receivedOn: '2026-01-01', partyId: foreignParty.id }, 'body.partyId'],
      [{ summary: 'x', kind: 'complaint', receivedOn: '2026-01-01', status: 'lost' }, 'body.status'],
      [{ summary: 'x', kind: 'complaint', receivedOn: '2026-03-01', respondedOn: '2026-02-01' }, 'body.respondedOn'],
    ];
    for (const [body, field] of cases) {
      const res = await org.as.contributor.post(url(), body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(fields(res)).toContain(field);
    }
    // the answer before the feedback: refused from either side of the pair
    const early = await org.as.contributor.patch(url(`/${fb.id}`), { respondedOn: '2026-05-01' });
    expect(fields(early)).toEqual(['body.respondedOn']);
    await org.as.contributor.patch(url(`/${fb.id}`), { respondedOn: '2026-05-12' });
    const before2 = await writeCounts(env.handle);
    const moved = await org.as.contributor.patch(url(`/${fb.id}`), { receivedOn: '2026-06-01' });
    expect(fields(moved)).toEqual(['body.receivedOn']);
    expect(await writeCounts(env.handle)).toEqual(before2);
    expect(before2.auditEvents).toBe(before.auditEvents + 1);
  });

  it('keeps one organization’s feedback from another: a foreign id is 404 and nothing is written', async () => {
    const theirs = await buildFeedback(other.as.admin, other.slug, { summary: 'Bravo only feedback' });
    const before = await writeCounts(env.handle);
    expect((await org.as.admin.get(url(`/${theirs.id}`))).statusCode).toBe(404);
    expect((await org.as.admin.patch(url(`/${theirs.id}`), { status: 'closed' })).statusCode).toBe(404);
    expect((await org.as.admin.del(url(`/${theirs.id}`))).statusCode).toBe(404);
    const mine = (await org.as.admin.get(url('?pageSize=100'))).json();
    expect(JSON.stringify(mine)).not.toContain('Bravo only feedback');
    expect(await writeCounts(env.handle)).toEqual(before);
    expect((await other.as.admin.get(url(`/${theirs.id}`, other))).json().status).toBe('received');
  });
});
