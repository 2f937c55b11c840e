import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pruneAllAuthRows, pruneAuthRows } from '../../src/core/auth/prune.js';
import { DEFAULT_AUTH_SETTINGS } from '../../src/core/auth/settings.js';
import { parseTrustProxy } from '../../src/cli/config.js';
import type { DatabaseHandle } from '../../src/db/connect.js';
import { buildApp } from '../../src/server/app.js';
import type { App } from '../../src/server/types.js';
import { testEnv, type TestEnv } from '../helpers/app.js';
import { DIALECTS } from '../helpers/databases.js';
import { buildUser, PASSWORD } from '../helpers/factories.js';

/** Every row in every table: a throttled request must not move it. */
async function totalRows(handle: DatabaseHandle): Promise<number> {
  let total = 0;
  for (const t of await handle.db.introspection.getTables()) {
    const row = await handle.db
      .selectFrom(t.name as 'users')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    total += Number(row.n);
  }
  return total;
}

const ago = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();

describe.each(DIALECTS)('sign-in abuse on %s', (kind) => {
  let env: TestEnv;
  beforeAll(async () => {
    env = await testEnv(kind, { maxFailuresPerAccount: 3, maxFailuresPerIp: 40 });
  });
  afterAll(() => env?.close());

  const login = (app: App, email: string, password: string, opts: { ip?: string; xff?: string } = {}) =>
    app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email, password },
      remoteAddress: opts.ip,
      headers: opts.xff ? { 'x-forwarded-for': opts.xff } : {},
    });
  const eventsFor = (email: string, type: string) =>
    env.handle.db
      .selectFrom('auditEvents')
      .select(['payload', 'ip'])
      .where('type', '=', type)
      .where('payload', 'like', `%${email}%`)
      .orderBy('seq')
      .execute();

  it('once throttled, 200 more attempts write nothing: one "throttled" event for the window, no rows', async () => {
    const user = await buildUser(env.handle);
    const ip = '203.0.113.10';
    for (let i = 0; i < 3; i += 1)
      expect((await login(env.app, user.email, `wrong-password-${i}`, { ip })).statusCode).toBe(401);
    const before = await totalRows(env.handle);
    for (let batch = 0; batch < 10; batch += 1) {
      const answers = await Promise.all(
        Array.from({ length: 20 }, (_, i) => login(env.app, user.email, i % 2 ? PASSWORD : 'wrong-password-x', { ip })),
      );
      expect(answers.map((r) => r.statusCode)).toEqual(Array(20).fill(429));
    }
    expect(await totalRows(env.handle)).toBe(before);
    expect(await eventsFor(user.email, 'auth.login_failed')).toHaveLength(3);
    const throttled = await eventsFor(user.email, 'auth.login_throttled');
    expect(throttled).toHaveLength(1);
    expect(JSON.parse(throttled[0]!.payload)).toEqual({
      email: user.email,
      scope: 'account_client',
      failures: 3,
      windowMinutes: 15,
    });
    expect(throttled[0]!.ip).toBe(ip);
  });

  it('an attacker throttled on an account does not lock its owner out from their own address', async () => {
    const user = await buildUser(env.handle);
    const statuses = [];
    for (let i = 0; i < 8; i += 1)
      statuses.push((await login(env.app, user.email, 'wrong-password-000', { ip: '198.51.100.66' })).statusCode);
    expect(statuses).toEqual([401, 401, 401, 429, 429, 429, 429, 429]);
    // even the right password is refused to the attacker's address…
    expect((await login(env.app, user.email, PASSWORD, { ip: '198.51.100.66' })).statusCode).toBe(429);
    // …and accepted from the owner's
    expect((await login(env.app, user.email, PASSWORD, { ip: '192.0.2.44' })).statusCode).toBe(200);
  });

  it('a client spraying many accounts is throttled, across its whole IPv6 /64', async () => {
    const e = await testEnv(kind, { maxFailuresPerAccount: 100, maxFailuresPerIp: 3 });
    try {
      const user = await buildUser(e.handle);
      for (let i = 1; i <= 3; i += 1)
        expect(
          (await login(e.app, `nobody-${i}@example.test`, 'wrong-password-000', { ip: `2001:db8:1:2::${i}` }))
            .statusCode,
        ).toBe(401);
      expect((await login(e.app, user.email, PASSWORD, { ip: '2001:db8:1:2:ffff::9' })).statusCode).toBe(429);
      expect((await login(e.app, user.email, PASSWORD, { ip: '2001:db8:1:3::1' })).statusCode).toBe(200);
    } finally {
      await e.close();
    }
  });

  it('behind one trusted proxy hop, a forged X-Forwarded-For entry changes neither the audited address nor the throttle key', async () => {
    const proxied = await buildApp({
      handle: env.handle,
      auth: { ...DEFAULT_AUTH_SETTINGS, maxFailuresPerAccount: 3, maxFailuresPerIp: 40 },
      trustProxy: parseTrustProxy('1'),
      webDir: '/nonexistent',
    });
    try {
      const user = await buildUser(env.handle);
      const statuses = [];
      for (let i = 0; i < 5; i += 1) {
        statuses.push(
          (
            await login(proxied, user.email, 'wrong-password-000', {
              ip: '10.0.0.2',
              xff: `198.18.0.${i}, 203.0.113.77`,
            })
          ).statusCode,
        );
      }
      expect(statuses).toEqual([401, 401, 401, 429, 429]);
      expect((await eventsFor(user.email, 'auth.login_failed')).map((ev) => ev.ip)).toEqual([
        '203.0.113.77',
        '203.0.113.77',
        '203.0.113.77',
      ]);
    } finally {
      await proxied.close();
    }
  });

  it('with the proxies named by address range, addresses they forward are believed and others are not', async () => {
    const proxied = await buildApp({
      handle: env.handle,
      auth: DEFAULT_AUTH_SETTINGS,
      trustProxy: parseTrustProxy('10.0.0.0/8, ::1'),
      webDir: '/nonexistent',
    });
    try {
      const user = await buildUser(env.handle);
      await login(proxied, user.email, 'wrong-password-000', {
        ip: '10.1.2.3',
        xff: '198.18.0.1, 203.0.113.88, 10.4.4.4',
      });
      await login(proxied, user.email, 'wrong-password-000', { ip: '192.0.2.99', xff: '203.0.113.88' });
      expect((await eventsFor(user.email, 'auth.login_failed')).map((ev) => ev.ip)).toEqual([
        '203.0.113.88',
        '192.0.2.99',
      ]);
    } finally {
      await proxied.close();
    }
  });

  it('prunes throttle counters past their window and dead sessions, in bounded batches', async () => {
    const e = await testEnv(kind);
    try {
      const user = await buildUser(e.handle);
      const db = e.handle.db;
      await db.deleteFrom('loginThrottle').execute();
      await db
        .insertInto('loginThrottle')
        .values([
          ...Array.from({ length: 5 }, (_, i) => ({
            keyKind: 'client',
            keyValue: `192.0.2.${i}`,
            failures: 4,
            windowStartedAt: ago(16),
          })),
          { keyKind: 'client', keyValue: '192.0.2.200', failures: 4, windowStartedAt: ago(1) },
        ])
        .execute();
      const session = (id: string, expiresAt: string, revokedAt: string | null) => ({
        id,
        userId: user.id,
        csrfToken: 'x',
        createdAt: ago(60),
        lastSeenAt: ago(60),
        expiresAt,
        revokedAt,
        ip: null,
        userAgent: null,
      });
      const future = new Date(Date.now() + 3_600_000).toISOString();
      await db
        .insertInto('sessions')
        .values([
          session(`expired-1-${kind}`, ago(5), null),
          session(`expired-2-${kind}`, ago(50), null),
          session(`revoked-${kind}`, future, ago(1)),
          session(`live-${kind}`, future, null),
        ])
        .execute();
      expect(await pruneAuthRows(db, DEFAULT_AUTH_SETTINGS, 2)).toEqual({ throttle: 2, sessions: 2 });
      await pruneAllAuthRows(db, DEFAULT_AUTH_SETTINGS, 2);
      expect((await db.selectFrom('loginThrottle').select('keyValue').execute()).map((r) => r.keyValue)).toEqual([
        '192.0.2.200',
      ]);
      expect(
        (await db.selectFrom('sessions').select('id').where('userId', '=', user.id).execute()).map((r) => r.id),
      ).toEqual([`live-${kind}`]);
    } finally {
      await e.close();
    }
  });
});

describe('RAMPART_TRUST_PROXY', () => {
  it('reads a hop count, addresses and ranges; "true" is one hop, never "believe everyone"', () => {
    expect(parseTrustProxy('0')).toBe(false);
    expect(parseTrustProxy('1')).toBe(1);
    expect(parseTrustProxy('true')).toBe(1);
    expect(parseTrustProxy('2')).toBe(2);
    expect(parseTrustProxy('10.0.0.0/8, 192.168.1.5,fd00::/8')).toEqual(['10.0.0.0/8', '192.168.1.5', 'fd00::/8']);
    expect(() => parseTrustProxy('10.0.0.0/33')).toThrow(/RAMPART_TRUST_PROXY/);
    expect(() => parseTrustProxy('proxy.example')).toThrow(/RAMPART_TRUST_PROXY/);
  });
});
