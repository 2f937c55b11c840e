import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPostgres, openSqlite, type DatabaseHandle, type DatabaseKind } from '../../src/db/connect.js';
import { migrateToLatest } from '../../src/db/migrate.js';
import { buildApp } from '../../src/server/app.js';
import type { App } from '../../src/server/types.js';
import { DIALECTS, createPostgresDatabase, tempDir } from '../helpers/databases.js';
import { caller } from '../helpers/http.js';

/** Nothing that matters lives in process memory: two app instances on one database behave as one. */
describe.each(DIALECTS)('two instances on one %s database', (kind: DatabaseKind) => {
  let handles: DatabaseHandle[] = [];
  let apps: App[] = [];
  let drop = async () => {};

  beforeAll(async () => {
    let open: () => DatabaseHandle;
    if (kind === 'sqlite') {
      const file = path.join(tempDir(), 'shared.sqlite');
      open = () => openSqlite(file);
    } else {
      const pg = await createPostgresDatabase();
      drop = pg.drop;
      open = () => openPostgres(pg.url, 3);
    }
    handles = [open(), open()];
    await migrateToLatest(handles[0]!.db);
    await migrateToLatest(handles[1]!.db); // the second start finds nothing to do
    apps = await Promise.all(
      handles.map((handle) => buildApp({ handle, webDir: '/nonexistent', auth: { maxFailuresPerAccount: 3 } })),
    );
  });
  afterAll(async () => {
    for (const app of apps) await app.close();
    for (const h of handles) await h.close();
    await drop();
  });

  it('shares setup, sessions, records, throttling and one unbroken audit chain', async () => {
    const [a, b] = apps as [App, App];
    const setup = await a.inject({
      method: 'POST',
      url: '/api/v1/setup',
      payload: {
        email: 'one@example.test',
        name: 'One',
        password: 'a-long-password-1',
        organizationName: 'Shared',
        organizationSlug: 'shared',
      },
    });
    expect(setup.statusCode).toBe(201);
    expect((await b.inject({ method: 'GET', url: '/api/v1/setup' })).json()).toEqual({ needed: false });

    const cookie = setup.cookies.find((c) => c.name === 'rampart_session')!;
    const headers = { cookie: `rampart_session=${cookie.value}`, 'x-csrf-token': setup.json().csrfToken };
    const onA = caller(a, headers);
    const onB = caller(b, headers);

    // Writes alternate between instances; each sees the other's records and the chain stays whole.
    const refs: string[] = [];
    for (let i = 0; i < 6; i++) {
      const res = await (i % 2 ? onB : onA).post('/api/v1/orgs/shared/actions', {
        title: `From ${i % 2 ? 'B' : 'A'} #${i}`,
      });
      expect(res.statusCode).toBe(201);
      refs.push(res.json().ref);
    }
    // Concurrent writes through both instances: every one lands, refs stay unique, the chain does not fork.
    const burst = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        (i % 2 ? onB : onA).post('/api/v1/orgs/shared/actions', { title: `Burst ${i}` }),
      ),
    );
    expect(burst.map((r) => r.statusCode)).toEqual(Array(20).fill(201));
    refs.push(...burst.map((r) => r.json().ref as string));
    expect(new Set(refs).size).toBe(26);
    expect((await onB.get('/api/v1/orgs/shared/actions')).json().total).toBe(26);
    expect((await onA.get('/api/v1/orgs/shared/audit/verify')).json()).toMatchObject({ ok: true });

    // Failed sign-ins counted on one instance throttle the account on the other.
    for (let i = 0; i < 3; i++) {
      const r = await a.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { email: 'one@example.test', password: 'wrong-password-x' },
      });
      expect(r.statusCode).toBe(401);
    }
    const throttled = await b.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: 'one@example.test', password: 'a-long-password-1' },
    });
    expect(throttled.statusCode).toBe(429);

    // Signing out on B ends the session on A.
    expect((await onB.post('/api/v1/auth/logout')).statusCode).toBe(204);
    expect((await onA.get('/api/v1/auth/session')).statusCode).toBe(401);
  });
});
