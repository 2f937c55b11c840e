import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createToken } from '../../src/core/auth/tokens.js';
import { SYSTEM_ACTOR } from '../../src/core/context.js';
import { testEnv, type TestEnv } from '../helpers/app.js';
import { DIALECTS } from '../helpers/databases.js';
import { addMembership, buildOrg, buildUser, PASSWORD, writeCounts, type TestOrg } from '../helpers/factories.js';
import { caller, signIn } from '../helpers/http.js';
import { buildToken } from '../helpers/routes.js';
import { REGISTERS } from '../../src/core/modules.js';

/** API tokens: shown once, stored hashed, acting with the owner's current role in one organization. */
describe.each(DIALECTS)('API tokens on %s', (kind) => {
  let env: TestEnv;
  let org: TestOrg;
  beforeAll(async () => {
    env = await testEnv(kind);
    org = await buildOrg(env.app, env.handle);
  });
  afterAll(() => env?.close());

  const bearer = (token: string) => caller(env.app, { authorization: `Bearer ${token}` });
  const actions = () => `/api/v1/orgs/${org.slug}/actions`;
  const tokenRow = (id: string) =>
    env.handle.db.selectFrom('apiTokens').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

  it('is shown once and stored only as a hash', async () => {
    const res = await org.as.contributor.post(`/api/v1/orgs/${org.slug}/tokens`, { name: 'ci' });
    expect(res.statusCode).toBe(201);
    const created = res.json();
    expect(created.token).toMatch(/^rpt_[A-Za-z0-9_-]{40,}$/);
    expect(created.token.startsWith(created.prefix)).toBe(true);
    const row = await tokenRow(created.id);
    expect(row.tokenHash).not.toBe(created.token);
    expect(row.tokenHash).not.toContain(created.token.slice(4));
    expect(row.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    const list = await org.as.contributor.get(`/api/v1/orgs/${org.slug}/tokens`);
    expect(list.json().items.map((t: { id: string }) => t.id)).toContain(created.id);
    expect(list.body).not.toContain(created.token);
    expect(list.body).not.toContain(row.tokenHash);
    const event = await env.handle.db
      .selectFrom('auditEvents')
      .selectAll()
      .where('entityId', '=', created.id)
      .executeTakeFirstOrThrow();
    expect(event.type).toBe('token.created');
    expect(event.payload).not.toContain(created.token);
  });

  it('works as Authorization: Bearer, needs no CSRF token, and acts as its owner', async () => {
    const { token } = await buildToken(org.as.contributor, org.slug);
    const res = await bearer(token).post(actions(), { title: 'from CI' });
    expect(res.statusCode).toBe(201);
    expect(res.json().createdBy).toBe(org.users.contributor.id);
    const event = await env.handle.db
      .selectFrom('auditEvents')
      .selectAll()
      .where('entityId', '=', res.json().id)
      .executeTakeFirstOrThrow();
    expect(event).toMatchObject({ actorKind: 'token', actorId: org.users.contributor.id });
    expect((await bearer(token).get('/api/v1/auth/session')).json()).toMatchObject({
      user: { id: org.users.contributor.id },
      csrfToken: null,
    });
  });

  it("carries its owner's role: an auditor's or a viewer's token cannot create actions", async () => {
    const auditor = await buildToken(org.as.auditor, org.slug);
    expect((await bearer(auditor.token).get(`/api/v1/orgs/${org.slug}/audit-events`)).statusCode).toBe(200);
    const viewer = await createToken(
      { db: env.handle.db, org, role: 'viewer', actor: SYSTEM_ACTOR, registers: REGISTERS },
      { name: 'viewer via CLI' },
      org.users.viewer.id,
    );
    const before = await writeCounts(env.handle);
    expect((await bearer(auditor.token).post(actions(), { title: 'no' })).statusCode).toBe(403);
    expect((await bearer(viewer.token).post(actions(), { title: 'no' })).statusCode).toBe(403);
    expect((await bearer(viewer.token).get(actions())).statusCode).toBe(200);
    const after = await writeCounts(env.handle);
    expect(after).toEqual({ ...before, auditEvents: before.auditEvents + 2 });
  });

  it("follows the owner's current role, not the role at creation", async () => {
    const user = await buildUser(env.handle);
    await addMembership(env.handle, org.id, user.id, 'contributor');
    const { token } = await buildToken(await signIn(env.app, user.email, PASSWORD), org.slug);
    expect((await bearer(token).post(actions(), { title: 'while contributor' })).statusCode).toBe(201);
    expect(
      (await org.as.admin.patch(`/api/v1/orgs/${org.slug}/members/${user.id}`, { role: 'viewer' })).statusCode,
    ).toBe(200);
    expect((await bearer(token).post(actions(), { title: 'after demotion' })).statusCode).toBe(403);
  });

  it('never mints tokens nor creates organizations', async () => {
    const { token } = await buildToken(org.as.admin, org.slug);
    const before = await writeCounts(env.handle);
    expect((await bearer(token).post(`/api/v1/orgs/${org.slug}/tokens`, { name: 'child' })).statusCode).toBe(403);
    expect((await bearer(token).post('/api/v1/orgs', { name: 'Token org' })).statusCode).toBe(403);
    expect((await writeCounts(env.handle)).apiTokens).toBe(before.apiTokens);
    expect((await writeCounts(env.handle)).organizations).toBe(before.organizations);
  });

  it('is scoped to the organization it was made in', async () => {
    const other = await buildOrg(env.app, env.handle);
    await addMembership(env.handle, other.id, org.users.contributor.id, 'admin');
    const { token } = await buildToken(org.as.contributor, org.slug);
    expect((await bearer(token).get(`/api/v1/orgs/${org.slug}`)).statusCode).toBe(200);
    expect((await bearer(token).get(`/api/v1/orgs/${other.slug}`)).statusCode).toBe(404);
    expect((await bearer(token).post(`/api/v1/orgs/${other.slug}/actions`, { title: 'x' })).statusCode).toBe(404);
  });

  it('stops working when revoked', async () => {
    const t = await buildToken(org.as.contributor, org.slug);
    expect((await bearer(t.token).get(actions())).statusCode).toBe(200);
    expect((await org.as.contributor.del(`/api/v1/orgs/${org.slug}/tokens/${t.id}`)).statusCode).toBe(204);
    expect((await bearer(t.token).get(actions())).statusCode).toBe(401);
    expect((await tokenRow(t.id)).revokedAt).not.toBeNull();
  });

  it('cannot be revoked by another non-admin member, only by its owner or an admin', async () => {
    const t = await buildToken(org.as.contributor, org.slug);
    expect((await org.as.isms_manager.del(`/api/v1/orgs/${org.slug}/tokens/${t.id}`)).statusCode).toBe(404);
    expect((await bearer(t.token).get(actions())).statusCode).toBe(200);
    expect((await org.as.admin.del(`/api/v1/orgs/${org.slug}/tokens/${t.id}`)).statusCode).toBe(204);
    expect((await bearer(t.token).get(actions())).statusCode).toBe(401);
  });

  it('stops working when expired', async () => {
    const t = await buildToken(org.as.contributor, org.slug);
    expect((await bearer(t.token).get(actions())).statusCode).toBe(200);
    await env.handle.db
      .updateTable('apiTokens')
      .set({ expiresAt: new Date(Date.now() - 1000).toISOString() })
      .where('id', '=', t.id)
      .execute();
    expect((await bearer(t.token).get(actions())).statusCode).toBe(401);
    const past = await org.as.contributor.post(`/api/v1/orgs/${org.slug}/tokens`, {
      name: 'old',
      expiresAt: '2001-01-01',
    });
    expect(past.statusCode).toBe(400);
    expect(past.json().errors.map((e: { field: string }) => e.field)).toEqual(['body.expiresAt']);
  });

  it('stops working when its owner is removed from the organization', async () => {
    const user = await buildUser(env.handle);
    await addMembership(env.handle, org.id, user.id, 'contributor');
    const t = await buildToken(await signIn(env.app, user.email, PASSWORD), org.slug);
    expect((await bearer(t.token).get(actions())).statusCode).toBe(200);
    expect((await org.as.admin.del(`/api/v1/orgs/${org.slug}/members/${user.id}`)).statusCode).toBe(204);
    expect((await bearer(t.token).get(actions())).statusCode).toBe(401);
    expect((await tokenRow(t.id)).revokedAt).not.toBeNull();
    // even if the token row were left live, membership is what opens the organization
    await env.handle.db.updateTable('apiTokens').set({ revokedAt: null }).where('id', '=', t.id).execute();
    expect((await bearer(t.token).get(actions())).statusCode).toBe(404);
  });

  it('an unknown or malformed bearer is not signed in', async () => {
    for (const token of ['rpt_nope', 'not-a-token', `rpt_${'x'.repeat(500)}`]) {
      expect((await bearer(token).get(actions())).statusCode).toBe(401);
    }
  });
});
