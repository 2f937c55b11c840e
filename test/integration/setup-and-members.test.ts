import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app.js';
import { testEnv, type TestEnv } from '../helpers/app.js';
import { DIALECTS, openTestDatabase } from '../helpers/databases.js';
import { addMembership, buildOrg, buildUser, PASSWORD, writeCounts, type TestOrg } from '../helpers/factories.js';
import { anonymous, caller } from '../helpers/http.js';

describe.each(DIALECTS)('first-run setup on %s', (kind) => {
  it('is open on an empty database, signs the admin in, then closes for good', async () => {
    const handle = await openTestDatabase(kind);
    const app = await buildApp({ handle, webDir: '/nonexistent' });
    try {
      const anon = anonymous(app);
      expect((await anon.get('/api/v1/setup')).json()).toEqual({ needed: true });
      expect((await anon.get('/api/v1/orgs')).statusCode).toBe(401);

      const empty = await writeCounts(handle);
      const bad = await anon.post('/api/v1/setup', {
        email: 'not-an-email',
        name: '',
        password: 'short',
        organizationName: 'Acme',
      });
      expect(bad.statusCode).toBe(400);
      expect(
        bad
          .json()
          .errors.map((e: { field: string }) => e.field)
          .sort(),
      ).toEqual(['body.email', 'body.name', 'body.password']);
      expect(await writeCounts(handle)).toEqual(empty);

      const body = {
        email: 'Founder@Example.test',
        name: 'Founder',
        password: PASSWORD,
        organizationName: 'Acme Ltd',
        organizationSlug: 'acme',
      };
      const res = await anon.post('/api/v1/setup', body);
      expect(res.statusCode).toBe(201);
      const json = res.json();
      expect(json.user).toMatchObject({ email: 'founder@example.test', name: 'Founder', isSuperadmin: true });
      expect(json.organizations).toEqual([expect.objectContaining({ slug: 'acme', name: 'Acme Ltd', role: 'admin' })]);
      const cookie = res.cookies.find((c) => c.name === 'rampart_session');
      expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax' });
      const admin = caller(app, { cookie: `rampart_session=${cookie!.value}`, 'x-csrf-token': json.csrfToken });
      expect((await admin.get('/api/v1/orgs/acme')).json()).toMatchObject({ role: 'admin' });
      expect((await admin.post('/api/v1/orgs/acme/actions', { title: 'First action' })).statusCode).toBe(201);
      const types = await handle.db.selectFrom('auditEvents').select('type').orderBy('createdAt').execute();
      expect(types.map((t) => t.type)).toEqual(
        expect.arrayContaining([
          'user.created',
          'org.created',
          'member.added',
          'setup.completed',
          'auth.login_succeeded',
        ]),
      );

      expect((await anon.get('/api/v1/setup')).json()).toEqual({ needed: false });
      const after = await writeCounts(handle);
      const again = await anon.post('/api/v1/setup', {
        ...body,
        email: 'intruder@example.test',
        organizationSlug: 'intruder',
      });
      expect(again.statusCode).toBe(409);
      expect(again.json().type).toBe('https://rampart.dev/problems/conflict');
      expect(again.cookies).toHaveLength(0);
      expect(await writeCounts(handle)).toEqual(after);
      // the login of the founder still works, the intruder's does not
      const intruder = await anon.post('/api/v1/auth/login', { email: 'intruder@example.test', password: PASSWORD });
      expect(intruder.statusCode).toBe(401);
    } finally {
      await app.close();
      await handle.close();
    }
  });
});

describe.each(DIALECTS)('members on %s', (kind) => {
  let env: TestEnv;
  let org: TestOrg;
  beforeAll(async () => {
    env = await testEnv(kind);
    org = await buildOrg(env.app, env.handle);
  });
  afterAll(() => env?.close());

  const url = (path = '') => `/api/v1/orgs/${org.slug}/members${path}`;
  const lastEvent = () =>
    env.handle.db
      .selectFrom('auditEvents')
      .selectAll()
      .where('orgId', '=', org.id)
      .orderBy('seq', 'desc')
      .limit(1)
      .executeTakeFirstOrThrow();

  // Adding a member by e-mail is an invitation the person accepts: test/integration/invitations.test.ts.

  it('admin changes a role; the member list shows it', async () => {
    const user = await buildUser(env.handle);
    await addMembership(env.handle, org.id, user.id, 'viewer');
    const res = await org.as.admin.patch(url(`/${user.id}`), { role: 'isms_manager' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ userId: user.id, role: 'isms_manager' });
    const event = await lastEvent();
    expect(event.type).toBe('member.role_changed');
    expect(JSON.parse(event.payload)).toEqual({ email: user.email, from: 'viewer', to: 'isms_manager' });
    const list = await org.as.viewer.get(url());
    expect(list.json().items.find((m: { userId: string }) => m.userId === user.id).role).toBe('isms_manager');
  });

  it('admin removes a member, who then loses access', async () => {
    const user = await buildUser(env.handle);
    await addMembership(env.handle, org.id, user.id, 'contributor');
    const before = await writeCounts(env.handle);
    const res = await org.as.admin.del(url(`/${user.id}`));
    expect(res.statusCode).toBe(204);
    expect(await writeCounts(env.handle)).toEqual({
      ...before,
      memberships: before.memberships - 1,
      auditEvents: before.auditEvents + 1,
    });
    const event = await lastEvent();
    expect(event.type).toBe('member.removed');
    expect(JSON.parse(event.payload)).toEqual({ email: user.email, role: 'contributor' });
    const login = await env.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: user.email, password: PASSWORD },
    });
    expect(login.json().organizations).toEqual([]);
    expect((await org.as.admin.del(url(`/${user.id}`))).statusCode).toBe(404);
  });

  it('the last admin can be neither demoted nor removed; with a second admin both work', async () => {
    const solo = await buildOrg(env.app, env.handle);
    const adminId = solo.users.admin.id;
    const u = (p: string) => `/api/v1/orgs/${solo.slug}/members${p}`;
    const before = await writeCounts(env.handle);
    const demote = await solo.as.admin.patch(u(`/${adminId}`), { role: 'isms_manager' });
    expect(demote.statusCode).toBe(409);
    expect(demote.json().type).toBe('https://rampart.dev/problems/conflict');
    expect((await solo.as.admin.del(u(`/${adminId}`))).statusCode).toBe(409);
    expect(await writeCounts(env.handle)).toEqual(before);
    // keeping the role is not a demotion
    expect((await solo.as.admin.patch(u(`/${adminId}`), { role: 'admin' })).statusCode).toBe(200);

    expect((await solo.as.admin.patch(u(`/${solo.users.isms_manager.id}`), { role: 'admin' })).statusCode).toBe(200);
    expect((await solo.as.admin.patch(u(`/${adminId}`), { role: 'viewer' })).statusCode).toBe(200);
    // the remaining admin is now the last one
    expect((await solo.as.isms_manager.del(u(`/${solo.users.isms_manager.id}`))).statusCode).toBe(409);
    expect((await solo.as.isms_manager.del(u(`/${adminId}`))).statusCode).toBe(204);
  });

  it('members of a role without members.manage cannot change membership', async () => {
    const before = await writeCounts(env.handle);
    const res = await org.as.isms_manager.patch(url(`/${org.users.viewer.id}`), { role: 'admin' });
    expect(res.statusCode).toBe(403);
    expect((await writeCounts(env.handle)).memberships).toBe(before.memberships);
  });
});
