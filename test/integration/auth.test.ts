import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyChain } from '../../src/core/audit/audit-verify.js';
import { sha256Hex } from '../../src/core/util/ids.js';
import { testEnv, type TestEnv } from '../helpers/app.js';
import { DIALECTS } from '../helpers/databases.js';
import { buildOrg, buildUser, PASSWORD, writeCounts, type TestOrg } from '../helpers/factories.js';
import { caller, signIn } from '../helpers/http.js';

/** Sessions, throttling and CSRF (ASVS L2): API tokens are in api-tokens.test.ts. */
describe.each(DIALECTS)('authentication on %s', (kind) => {
  let env: TestEnv;
  let org: TestOrg;
  beforeAll(async () => {
    env = await testEnv(kind);
    org = await buildOrg(env.app, env.handle);
  });
  afterAll(() => env?.close());

  const login = (
    e: TestEnv,
    email: string,
    password: string,
    opts: { cookie?: string; csrf?: string; ip?: string } = {},
  ) =>
    e.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email, password },
      remoteAddress: opts.ip,
      headers: { ...(opts.cookie ? { cookie: opts.cookie } : {}), ...(opts.csrf ? { 'x-csrf-token': opts.csrf } : {}) },
    });
  const sessionCookie = (res: Awaited<ReturnType<typeof login>>) =>
    res.cookies.find((c) => c.name === 'rampart_session')!;
  const whoAmI = (e: TestEnv, cookie: string) =>
    e.app.inject({ method: 'GET', url: '/api/v1/auth/session', headers: { cookie } });

  it('login sets an httpOnly SameSite cookie whose value is not what the database stores', async () => {
    const user = await buildUser(env.handle);
    const res = await login(env, user.email, PASSWORD);
    expect(res.statusCode).toBe(200);
    const c = sessionCookie(res);
    expect(c).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(res.json()).toMatchObject({ user: { id: user.id, email: user.email }, csrfToken: expect.any(String) });
    const rows = await env.handle.db.selectFrom('sessions').selectAll().where('userId', '=', user.id).execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]!.id).toBe(sha256Hex(c.value));
    expect(rows[0]!.id).not.toContain(c.value);
  });

  it('logging in again rotates the session id; the old cookie stops working', async () => {
    const user = await buildUser(env.handle);
    const first = await signIn(env.app, user.email, PASSWORD);
    expect((await first.get('/api/v1/auth/session')).statusCode).toBe(200);
    // a tab still holding an old session signs in again without its CSRF token (sign-in is public): it works and rotates
    const second = await login(env, user.email, PASSWORD, { cookie: first.headers.cookie });
    expect(second.statusCode).toBe(200);
    const next = `rampart_session=${sessionCookie(second).value}`;
    expect(next).not.toBe(first.headers.cookie);
    expect((await first.get('/api/v1/auth/session')).statusCode).toBe(401);
    expect((await whoAmI(env, next)).statusCode).toBe(200);
    // a dead cookie in the browser does not stand in the way of signing in
    const third = await login(env, user.email, PASSWORD, { cookie: first.headers.cookie });
    expect(third.statusCode).toBe(200);
    expect(sessionCookie(third).value).not.toBe(sessionCookie(second).value);
  });

  it('logout revokes the session on the server, not just the cookie', async () => {
    const user = await buildUser(env.handle);
    const c = await signIn(env.app, user.email, PASSWORD);
    const res = await c.post('/api/v1/auth/logout');
    expect(res.statusCode).toBe(204);
    expect((await c.get('/api/v1/auth/session')).statusCode).toBe(401);
    expect((await c.post('/api/v1/orgs', { name: 'After logout' })).statusCode).toBe(401);
    const row = await env.handle.db
      .selectFrom('sessions')
      .select('revokedAt')
      .where('userId', '=', user.id)
      .executeTakeFirstOrThrow();
    expect(row.revokedAt).not.toBeNull();
    const event = await env.handle.db
      .selectFrom('auditEvents')
      .selectAll()
      .where('type', '=', 'auth.logout')
      .where('actorId', '=', user.id)
      .executeTakeFirst();
    expect(event?.orgId).toBeNull();
  });

  it('sessions end after the idle timeout and after the absolute timeout', async () => {
    const e = await testEnv(kind, { sessionIdleMinutes: 5, sessionMaxHours: 1 });
    try {
      const user = await buildUser(e.handle);
      const cookie = `rampart_session=${sessionCookie(await login(e, user.email, PASSWORD)).value}`;
      const ago = (min: number) => new Date(Date.now() - min * 60_000).toISOString();
      const set = (values: { lastSeenAt?: string; expiresAt?: string }) =>
        e.handle.db.updateTable('sessions').set(values).where('userId', '=', user.id).execute();
      await set({ lastSeenAt: ago(4) });
      expect((await whoAmI(e, cookie)).statusCode).toBe(200);
      // the request above counted as activity
      const seen = await e.handle.db
        .selectFrom('sessions')
        .select('lastSeenAt')
        .where('userId', '=', user.id)
        .executeTakeFirstOrThrow();
      expect(Date.now() - Date.parse(seen.lastSeenAt)).toBeLessThan(60_000);
      await set({ lastSeenAt: ago(6) });
      expect((await whoAmI(e, cookie)).statusCode).toBe(401);

      const cookie2 = `rampart_session=${sessionCookie(await login(e, user.email, PASSWORD)).value}`;
      expect((await whoAmI(e, cookie2)).statusCode).toBe(200);
      await e.handle.db
        .updateTable('sessions')
        .set({ expiresAt: ago(1) })
        .where('id', '=', sha256Hex(cookie2.split('=')[1]!))
        .execute();
      expect((await whoAmI(e, cookie2)).statusCode).toBe(401);
    } finally {
      await e.close();
    }
  });

  it('throttles an account from a client after too many failures, even with the right password, and says when to retry', async () => {
    const e = await testEnv(kind, { maxFailuresPerAccount: 3, maxFailuresPerIp: 1000 });
    try {
      const user = await buildUser(e.handle);
      const other = await buildUser(e.handle);
      for (let i = 0; i < 3; i += 1) expect((await login(e, user.email, 'wrong-password-000')).statusCode).toBe(401);
      const res = await login(e, user.email, PASSWORD);
      expect(res.statusCode).toBe(429);
      expect(res.json().type).toBe('https://rampart.dev/problems/rate-limited');
      expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
      expect(res.cookies).toHaveLength(0);
      // with a differently written email too
      expect((await login(e, ` ${user.email.toUpperCase()} `, PASSWORD)).statusCode).toBe(429);
      // other accounts from the same address are not affected
      expect((await login(e, other.email, PASSWORD)).statusCode).toBe(200);
      const throttled = await e.handle.db
        .selectFrom('auditEvents')
        .select('payload')
        .where('type', '=', 'auth.login_throttled')
        .execute();
      expect(throttled.map((r) => JSON.parse(r.payload))).toEqual([
        { email: user.email, scope: 'account_client', failures: 3, windowMinutes: 15 },
      ]);
    } finally {
      await e.close();
    }
  });

  it('throttles an IP address after too many failures across accounts', async () => {
    const e = await testEnv(kind, { maxFailuresPerAccount: 1000, maxFailuresPerIp: 3 });
    try {
      const user = await buildUser(e.handle);
      for (let i = 0; i < 3; i += 1)
        expect((await login(e, `nobody-${i}@example.test`, 'wrong-password-000', { ip: '10.9.9.9' })).statusCode).toBe(
          401,
        );
      const blocked = await login(e, user.email, PASSWORD, { ip: '10.9.9.9' });
      expect(blocked.statusCode).toBe(429);
      expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
      expect((await login(e, user.email, PASSWORD, { ip: '10.9.9.10' })).statusCode).toBe(200);
    } finally {
      await e.close();
    }
  });

  it('a wrong password and an unknown email get the same answer', async () => {
    const user = await buildUser(env.handle);
    const wrong = await login(env, user.email, 'wrong-password-000');
    const unknown = await login(env, 'nobody-here@example.test', 'wrong-password-000');
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(unknown.json()).toEqual(wrong.json());
  });

  it('a cookie-session write needs the right x-csrf-token; nothing is written without it', async () => {
    const c = org.as.contributor;
    const url = `/api/v1/orgs/${org.slug}/actions`;
    const cookieOnly = { cookie: c.headers.cookie! };
    const before = await writeCounts(env.handle);
    for (const headers of [
      cookieOnly,
      { ...cookieOnly, 'x-csrf-token': 'wrong' },
      { ...cookieOnly, 'x-csrf-token': '' },
    ]) {
      const res = await caller(env.app, headers).post(url, { title: 'forged' });
      expect(res.statusCode).toBe(403);
      expect(res.json().type).toBe('https://rampart.dev/problems/csrf');
    }
    const action = (await c.post(url, { title: 'real' })).json();
    const after = await writeCounts(env.handle);
    expect(after.actions).toBe(before.actions + 1);
    for (const [method, payload] of [
      ['PATCH', { title: 'forged' }],
      ['DELETE', undefined],
    ] as const) {
      const res = await caller(env.app, cookieOnly).request(method, `${url}/${action.id}`, payload);
      expect(res.statusCode).toBe(403);
    }
    expect((await caller(env.app, cookieOnly).post('/api/v1/auth/logout')).statusCode).toBe(403);
    expect((await c.get('/api/v1/auth/session')).statusCode).toBe(200);
    expect(await writeCounts(env.handle)).toEqual(after);
    const stored = await c.get(`${url}/${action.id}`);
    expect(stored.json()).toMatchObject({ title: 'real', archivedAt: null, version: 1 });
  });

  it('login failures and successes are in the instance audit chain', async () => {
    const user = await buildUser(env.handle);
    await login(env, user.email, 'wrong-password-000', { ip: '10.7.7.7' });
    await login(env, user.email, PASSWORD, { ip: '10.7.7.8' });
    const events = await env.handle.db
      .selectFrom('auditEvents')
      .selectAll()
      .where('type', 'in', ['auth.login_failed', 'auth.login_succeeded'])
      .where('payload', 'like', `%${user.email}%`)
      .orderBy('seq')
      .execute();
    expect(events.map((e) => [e.type, e.orgId, e.chainKey, e.ip])).toEqual([
      ['auth.login_failed', null, 'instance', '10.7.7.7'],
      ['auth.login_succeeded', null, 'instance', '10.7.7.8'],
    ]);
    expect(JSON.parse(events[0]!.payload)).toEqual({ email: user.email, reason: 'bad_credentials' });
    expect(events[1]!.actorId).toBe(user.id);
    expect(await verifyChain(env.handle.db, null)).toMatchObject({ ok: true });
  });
});
