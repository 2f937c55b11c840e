import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEnv, type TestEnv } from '../helpers/app.js';
import { DIALECTS } from '../helpers/databases.js';
import { buildAction, buildOrg, writeCounts, type TestOrg } from '../helpers/factories.js';

/** Links between records, walkable from both ends, never across organizations. */
describe.each(DIALECTS)('links on %s', (kind) => {
  let env: TestEnv;
  let org: TestOrg;
  let other: TestOrg;
  beforeAll(async () => {
    env = await testEnv(kind);
    org = await buildOrg(env.app, env.handle);
    other = await buildOrg(env.app, env.handle);
  });
  afterAll(() => env?.close());

  const url = (path = '') => `/api/v1/orgs/${org.slug}/links${path}`;
  const fields = (res: { json(): { errors?: { field: string }[] } }) => (res.json().errors ?? []).map((e) => e.field);
  const link = (fromId: string, toId: string, extra: Record<string, unknown> = {}) =>
    org.as.contributor.post(url(), { fromType: 'action', fromId, toType: 'action', toId, ...extra });

  it('links two actions and lists the link from both ends with references', async () => {
    const a = await buildAction(org.as.contributor, org.slug, { title: 'Patch servers' });
    const b = await buildAction(org.as.contributor, org.slug, { title: 'Verify patching' });
    const before = await writeCounts(env.handle);
    const res = await link(a.id, b.id, { kind: 'verifies' });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      fromType: 'action',
      fromId: a.id,
      fromRef: a.ref,
      toId: b.id,
      toRef: b.ref,
      kind: 'verifies',
    });
    expect(await writeCounts(env.handle)).toEqual({
      ...before,
      links: before.links + 1,
      auditEvents: before.auditEvents + 1,
    });
    const event = await env.handle.db
      .selectFrom('auditEvents')
      .selectAll()
      .where('entityId', '=', res.json().id)
      .executeTakeFirstOrThrow();
    expect(event.type).toBe('link.created');
    expect(JSON.parse(event.payload)).toEqual({ fromRef: a.ref, toRef: b.ref, kind: 'verifies' });

    for (const end of [a, b]) {
      const list = await org.as.viewer.get(url(`?type=action&id=${end.id}`));
      expect(list.statusCode).toBe(200);
      expect(list.json().items).toEqual([
        expect.objectContaining({
          id: res.json().id,
          fromType: 'action',
          fromId: a.id,
          fromRef: a.ref,
          toType: 'action',
          toId: b.id,
          toRef: b.ref,
          kind: 'verifies',
        }),
      ]);
    }
  });

  it('defaults the kind to relates_to', async () => {
    const a = await buildAction(org.as.contributor, org.slug);
    const b = await buildAction(org.as.contributor, org.slug);
    expect((await link(a.id, b.id)).json().kind).toBe('relates_to');
  });

  it('rejects a record of another organization, naming the field, and writes nothing', async () => {
    const mine = await buildAction(org.as.contributor, org.slug);
    const theirs = await buildAction(other.as.contributor, other.slug);
    const before = await writeCounts(env.handle);
    const to = await link(mine.id, theirs.id);
    expect(to.statusCode).toBe(400);
    expect(fields(to)).toEqual(['body.toId']);
    const from = await link(theirs.id, mine.id);
    expect(from.statusCode).toBe(400);
    expect(fields(from)).toEqual(['body.fromId']);
    expect(await writeCounts(env.handle)).toEqual(before);
    // nor does the other organization see a link to its record
    expect(
      (await other.as.admin.get(`/api/v1/orgs/${other.slug}/links?type=action&id=${theirs.id}`)).json().items,
    ).toEqual([]);
  });

  it('rejects unknown record types and unknown ids, naming the field', async () => {
    const a = await buildAction(org.as.contributor, org.slug);
    const before = await writeCounts(env.handle);
    const badTo = await org.as.contributor.post(url(), {
      fromType: 'action',
      fromId: a.id,
      toType: 'spaceship',
      toId: a.id,
    });
    expect(badTo.statusCode).toBe(400);
    expect(fields(badTo)).toEqual(['body.toType']);
    const badFrom = await org.as.contributor.post(url(), {
      fromType: 'spaceship',
      fromId: a.id,
      toType: 'action',
      toId: a.id,
    });
    expect(badFrom.statusCode).toBe(400);
    expect(fields(badFrom)).toEqual(['body.fromType']);
    const missing = await link(a.id, '00000000-0000-4000-8000-000000000000');
    expect(missing.statusCode).toBe(400);
    expect(fields(missing)).toEqual(['body.toId']);
    const notUuid = await link(a.id, 'ACT-001');
    expect(notUuid.statusCode).toBe(400);
    expect(fields(notUuid)).toEqual(['body.toId']);
    expect(await writeCounts(env.handle)).toEqual(before);
  });

  it('rejects a duplicate (409) and a link of a record to itself', async () => {
    const a = await buildAction(org.as.contributor, org.slug);
    const b = await buildAction(org.as.contributor, org.slug);
    expect((await link(a.id, b.id)).statusCode).toBe(201);
    const before = await writeCounts(env.handle);
    const dup = await link(a.id, b.id);
    expect(dup.statusCode).toBe(409);
    expect(dup.json().type).toBe('https://rampart.dev/problems/conflict');
    expect((await link(a.id, a.id)).statusCode).toBe(409);
    expect(await writeCounts(env.handle)).toEqual(before);
    // the same pair with another kind is another link
    expect((await link(a.id, b.id, { kind: 'blocks' })).statusCode).toBe(201);
  });

  it('deletes a link: gone from both ends, audited, and a second delete is 404', async () => {
    const a = await buildAction(org.as.contributor, org.slug);
    const b = await buildAction(org.as.contributor, org.slug);
    const created = (await link(a.id, b.id)).json();
    const before = await writeCounts(env.handle);
    expect((await org.as.contributor.del(url(`/${created.id}`))).statusCode).toBe(204);
    expect(await writeCounts(env.handle)).toEqual({
      ...before,
      links: before.links - 1,
      auditEvents: before.auditEvents + 1,
    });
    for (const end of [a, b])
      expect((await org.as.viewer.get(url(`?type=action&id=${end.id}`))).json().items).toEqual([]);
    const event = await env.handle.db
      .selectFrom('auditEvents')
      .selectAll()
      .where('entityId', '=', created.id)
      .where('type', '=', 'link.deleted')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(event.payload)).toEqual({ fromRef: a.ref, toRef: b.ref, kind: 'relates_to' });
    expect((await org.as.contributor.del(url(`/${created.id}`))).statusCode).toBe(404);
  });

  it('links survive archiving their records and still show the references', async () => {
    const a = await buildAction(org.as.contributor, org.slug);
    const b = await buildAction(org.as.contributor, org.slug);
    await link(a.id, b.id);
    expect((await org.as.admin.del(`/api/v1/orgs/${org.slug}/actions/${b.id}`)).statusCode).toBe(204);
    const list = await org.as.viewer.get(url(`?type=action&id=${a.id}`));
    expect(list.json().items).toEqual([expect.objectContaining({ toRef: b.ref })]);
  });
});
