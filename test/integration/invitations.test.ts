import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEnv, type TestEnv } from '../helpers/app.js';
import { DIALECTS } from '../helpers/databases.js';
import { buildOrg, buildUser, PASSWORD, writeCounts, type TestOrg } from '../helpers/factories.js';
import { anonymous, signIn } from '../helpers/http.js';

/** Adding a member by e-mail is an invitation: no answer tells whether the e-mail has an account. */
describe.each(DIALECTS)('invitations on %s', (kind) => {
  let env: TestEnv;
  let org: TestOrg;
  beforeAll(async () => {
    env = await testEnv(kind);
    org = await buildOrg(env.app, env.handle);
  });
  afterAll(() => env?.close());

  const invite = (email: string, role = 'contributor', o: TestOrg = org) =>
    o.as.admin.post(`/api/v1/orgs/${o.slug}/members`, { email, role });
  const memberRole = async (userId: string, orgId = org.id) =>
    (
      await env.handle.db
        .selectFrom('memberships')
        .select('role')
        .where('orgId', '=', orgId)
        .where('userId', '=', userId)
        .executeTakeFirst()
    )?.role ?? null;
  const orgEvents = (orgId: string, entityId: string) =>
    env.handle.db
      .selectFrom('auditEvents')
      .select(['type', 'payload', 'actorId'])
      .where('orgId', '=', orgId)
      .where('entityId', '=', entityId)
      .orderBy('seq')
      .execute();
  const shape = (body: Record<string, unknown>) => ({
    ...body,
    id: 'id',
    email: 'email',
    token: 'token',
    createdAt: 'at',
    expiresAt: 'at',
  });

  it('answers the same for an e-mail with an account and one without; nobody is a member before accepting', async () => {
    const existing = await buildUser(env.handle);
    const before = await writeCounts(env.handle);
    const a = await invite(existing.email.toUpperCase());
    const b = await invite(`nobody-${Date.now()}@example.test`);
    expect([a.statusCode, b.statusCode]).toEqual([202, 202]);
    expect(Object.keys(a.json()).sort()).toEqual(Object.keys(b.json()).sort());
    expect(shape(a.json())).toEqual(shape(b.json()));
    expect(a.json()).toMatchObject({ email: existing.email, role: 'contributor', invitedBy: `${org.name} admin` });
    expect(a.json().token).toMatch(/^[A-Za-z0-9_-]{40,}$/);
    // two invitations and their two events, no membership, no user
    expect(await writeCounts(env.handle)).toEqual({ ...before, auditEvents: before.auditEvents + 2 });
    expect(await memberRole(existing.id)).toBeNull();
    const created = await orgEvents(org.id, a.json().id);
    expect(created.map((e) => [e.type, JSON.parse(e.payload).email, e.actorId])).toEqual([
      ['invitation.created', existing.email, org.users.admin.id],
    ]);

    // the invited person sees it after signing in, and accepts
    const me = await signIn(env.app, existing.email, PASSWORD);
    const mine = await me.get('/api/v1/invitations');
    expect(mine.json().items).toEqual([
      expect.objectContaining({ id: a.json().id, orgName: org.name, orgSlug: org.slug, role: 'contributor' }),
    ]);
    const accepted = await me.post(`/api/v1/invitations/${a.json().id}/accept`, {});
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json()).toEqual({ orgSlug: org.slug, orgName: org.name, role: 'contributor', status: 'accepted' });
    expect(await memberRole(existing.id)).toBe('contributor');
    expect((await me.get(`/api/v1/orgs/${org.slug}`)).statusCode).toBe(200);
    expect((await me.get('/api/v1/invitations')).json().items).toEqual([]);
    expect((await orgEvents(org.id, a.json().id)).map((e) => e.type)).toEqual([
      'invitation.created',
      'invitation.accepted',
    ]);
    // accepted once: a second answer finds nothing
    expect((await me.post(`/api/v1/invitations/${a.json().id}/accept`, {})).statusCode).toBe(404);
    // already a member now: inviting again is a conflict on the field (the admin sees the member list anyway)
    const again = await invite(existing.email);
    expect(again.statusCode).toBe(409);
    expect(again.json().errors).toEqual([{ field: 'body.email', message: 'Already a member' }]);
  });

  it('an invitation can be answered only by the person it was sent to', async () => {
    const invited = await buildUser(env.handle);
    const intruder = await buildUser(env.handle);
    const inv = (await invite(invited.email, 'admin')).json();
    const other = await signIn(env.app, intruder.email, PASSWORD);
    const foreign = await buildOrg(env.app, env.handle);
    const before = await writeCounts(env.handle);
    expect((await other.get('/api/v1/invitations')).json().items).toEqual([]);
    expect((await other.post(`/api/v1/invitations/${inv.id}/accept`, {})).statusCode).toBe(404);
    expect((await other.post(`/api/v1/invitations/${inv.id}/decline`, {})).statusCode).toBe(404);
    // another organization's admin cannot revoke it either
    expect((await foreign.as.admin.del(`/api/v1/orgs/${foreign.slug}/invitations/${inv.id}`)).statusCode).toBe(404);
    expect(await writeCounts(env.handle)).toEqual(before);
    expect(await memberRole(intruder.id)).toBeNull();
    // the real person declines: still not a member, and the decision is audited
    const me = await signIn(env.app, invited.email, PASSWORD);
    expect((await me.post(`/api/v1/invitations/${inv.id}/decline`, {})).json().status).toBe('declined');
    expect(await memberRole(invited.id)).toBeNull();
    expect((await orgEvents(org.id, inv.id)).map((e) => e.type)).toEqual(['invitation.created', 'invitation.declined']);
  });

  it('a new person joins through the link once; a used, revoked or expired link stops working', async () => {
    const email = `new-${Date.now()}@example.test`;
    const inv = (await invite(email, 'viewer')).json();
    const anon = anonymous(env.app);
    expect((await anon.post('/api/v1/invitations/preview', { token: inv.token })).json()).toEqual({
      orgName: org.name,
      email,
      role: 'viewer',
      expiresAt: inv.expiresAt,
    });

    const before = await writeCounts(env.handle);
    const weak = await anon.post('/api/v1/invitations/redeem', {
      token: inv.token,
      name: 'New Person',
      password: 'aaaaaaaaaaaa',
    });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().errors[0].field).toBe('body.password');
    expect(await writeCounts(env.handle)).toEqual(before);

    const joined = await anon.post('/api/v1/invitations/redeem', {
      token: inv.token,
      name: 'New Person',
      password: PASSWORD,
    });
    expect(joined.statusCode).toBe(201);
    expect(joined.json().organizations).toEqual([expect.objectContaining({ slug: org.slug, role: 'viewer' })]);
    expect(joined.cookies.some((c) => c.name === 'rampart_session')).toBe(true);
    const events = await orgEvents(org.id, inv.id);
    expect(events.map((e) => [e.type, JSON.parse(e.payload)])).toEqual([
      ['invitation.created', { email, role: 'viewer', expiresAt: inv.expiresAt }],
      ['invitation.accepted', { email, role: 'viewer', newAccount: true }],
    ]);

    const used = await anon.post('/api/v1/invitations/redeem', {
      token: inv.token,
      name: 'Someone Else',
      password: 'another-long-password-9',
    });
    expect(used.statusCode).toBe(404);
    expect((await anon.post('/api/v1/invitations/preview', { token: inv.token })).statusCode).toBe(404);

    const revoked = (await invite(`revoked-${Date.now()}@example.test`)).json();
    expect(
      (await org.as.admin.get(`/api/v1/orgs/${org.slug}/invitations`)).json().items.map((i: { id: string }) => i.id),
    ).toContain(revoked.id);
    expect((await org.as.admin.del(`/api/v1/orgs/${org.slug}/invitations/${revoked.id}`)).statusCode).toBe(204);
    expect(
      (await anon.post('/api/v1/invitations/redeem', { token: revoked.token, name: 'Late', password: PASSWORD }))
        .statusCode,
    ).toBe(404);
    expect(
      (await org.as.admin.get(`/api/v1/orgs/${org.slug}/invitations`)).json().items.map((i: { id: string }) => i.id),
    ).not.toContain(revoked.id);

    const existing = await buildUser(env.handle);
    const expired = (await invite(existing.email)).json();
    await env.handle.db
      .updateTable('invitations')
      .set({ expiresAt: new Date(Date.now() - 1000).toISOString() })
      .where('id', '=', expired.id)
      .execute();
    const me = await signIn(env.app, existing.email, PASSWORD);
    expect((await me.get('/api/v1/invitations')).json().items).toEqual([]);
    expect((await me.post(`/api/v1/invitations/${expired.id}/accept`, {})).statusCode).toBe(404);
    expect(await memberRole(existing.id)).toBeNull();
    // an expired invitation does not block a new one
    expect((await invite(existing.email)).statusCode).toBe(202);
  });

  it('a link for an e-mail that has an account cannot make a second account: that person signs in and accepts', async () => {
    const existing = await buildUser(env.handle);
    const inv = (await invite(existing.email)).json();
    const before = await writeCounts(env.handle);
    const res = await anonymous(env.app).post('/api/v1/invitations/redeem', {
      token: inv.token,
      name: 'Impostor',
      password: 'a-different-long-password-7',
    });
    expect(res.statusCode).toBe(409);
    expect(await writeCounts(env.handle)).toEqual(before);
    await signIn(env.app, existing.email, PASSWORD);
  });

  it('admins inviting the same person at once make one pending invitation', async () => {
    const email = `racing-${Date.now()}@example.test`;
    const answers = await Promise.all(Array.from({ length: 10 }, () => invite(email)));
    expect(answers.map((r) => r.statusCode).sort()).toEqual([202, ...Array(9).fill(409)]);
    const rows = await env.handle.db
      .selectFrom('invitations')
      .select('id')
      .where('email', '=', email)
      .where('status', '=', 'pending')
      .execute();
    expect(rows).toHaveLength(1);
  });

  it('API tokens cannot answer invitations', async () => {
    const token = (await org.as.viewer.post(`/api/v1/orgs/${org.slug}/tokens`, { name: 'bot' })).json().token as string;
    const res = await env.app.inject({
      method: 'POST',
      url: '/api/v1/invitations/00000000-0000-4000-8000-000000000000/accept',
      payload: {},
      headers: { authorization: `Bearer ${token}` },
    });
    // bearer tokens belong to one organization's routes: refused here
    expect([401, 403]).toContain(res.statusCode);
  });
});
