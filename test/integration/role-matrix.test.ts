import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { can } from '../../src/schema/auth/permissions.js';
import { ROLES } from '../../src/schema/auth/roles.js';
import { testEnv, type TestEnv } from '../helpers/app.js';
import { DIALECTS } from '../helpers/databases.js';
import { buildOrg, writeCounts, type TestOrg } from '../helpers/factories.js';
import { anonymous } from '../helpers/http.js';
import { isApiDocs, loadRouteCatalog, routeKey, send, validBody, validRequest } from '../helpers/routes.js';

/**
 * permissions.ts is the one declaration of who may do what; this proves the server enforces exactly it: for every
 * role and every route with a permission, allowed exactly when can(role, permission).
 */
const catalog = await loadRouteCatalog();
const guarded = catalog.filter((r) => r.permission);
const publicRoutes = catalog.filter((r) => r.access === 'public');
const userRoutes = catalog.filter((r) => r.access === 'user');

describe.each(DIALECTS)('role matrix on %s', (kind) => {
  let env: TestEnv;
  let org: TestOrg;
  beforeAll(async () => {
    env = await testEnv(kind);
    org = await buildOrg(env.app, env.handle);
  });
  afterAll(() => env?.close());

  const lastOrgEvent = () =>
    env.handle.db
      .selectFrom('auditEvents')
      .selectAll()
      .where('orgId', '=', org.id)
      .orderBy('seq', 'desc')
      .limit(1)
      .executeTakeFirstOrThrow();

  it.each(guarded.map((r) => [routeKey(r), r] as const))(
    '%s: allowed exactly for the roles permissions.ts names',
    async (_key, route) => {
      for (const role of ROLES) {
        const { url, body } = await validRequest(route, { env, org, role });
        const before = await writeCounts(env.handle);
        const res = await send(org.as[role], route.method, url, body);
        const what = `${role} ${route.method} ${url} → ${res.statusCode} ${res.body.slice(0, 300)}`;
        if (can(role, route.permission!)) {
          expect(res.statusCode, what).toBeGreaterThanOrEqual(200);
          expect(res.statusCode, what).toBeLessThan(300);
          continue;
        }
        expect(res.statusCode, what).toBe(403);
        expect(res.headers['content-type'], what).toContain('application/problem+json');
        expect(res.json().type, what).toBe('https://rampart.dev/problems/forbidden');
        expect(await writeCounts(env.handle), `${what}: a denial writes its audit event and nothing else`).toEqual({
          ...before,
          auditEvents: before.auditEvents + 1,
        });
        const event = await lastOrgEvent();
        expect(event.type).toBe('authz.denied');
        expect(event.actorId).toBe(org.users[role].id);
        expect(JSON.parse(event.payload)).toEqual({
          method: route.method,
          path: url.split('?')[0],
          permission: route.permission,
          role,
        });
      }
    },
  );

  it.each(publicRoutes.map((r) => [routeKey(r), r] as const))(
    'public %s answers without a session',
    async (_key, route) => {
      const invitationBody = route.url.startsWith('/api/v1/invitations/')
        ? await validBody(route, { env, org, role: 'admin' })
        : undefined;
      const body =
        invitationBody ??
        (route.url === '/api/v1/auth/login'
          ? { email: org.users.viewer.email, password: 'a-long-test-password-42' }
          : route.url === '/api/v1/setup' && route.method === 'POST'
            ? {
                email: 'late@example.test',
                name: 'Late',
                password: 'a-long-test-password-42',
                organizationName: 'Late',
              }
            : undefined);
      const res = await anonymous(env.app).request(route.method as 'GET', route.url, body);
      expect(res.statusCode, res.body.slice(0, 200)).not.toBe(401);
      expect(res.statusCode).not.toBe(403);
      expect(res.statusCode).toBeLessThan(500);
      // setup is public but closed once a user exists
      if (route.url === '/api/v1/setup' && route.method === 'POST') expect(res.statusCode).toBe(409);
      // joining through an invitation link creates the account
      else if (route.url === '/api/v1/invitations/redeem') expect(res.statusCode).toBe(201);
      else expect(res.statusCode).toBe(200);
    },
  );

  it.each(userRoutes.map((r) => [routeKey(r), r] as const))(
    'user route %s answers 401 without a session',
    async (_key, route) => {
      const before = await writeCounts(env.handle);
      const res = await anonymous(env.app).request(
        route.method as 'GET',
        route.url,
        route.method === 'GET' ? undefined : {},
      );
      expect(res.statusCode).toBe(401);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json().type).toBe('https://rampart.dev/problems/unauthenticated');
      expect(await writeCounts(env.handle)).toEqual(before);
    },
  );

  it('organization routes answer 401 without a session, before any lookup', async () => {
    for (const route of guarded) {
      const url = route.url.replace(':org', org.slug).replace(/:(\w+)/g, '00000000-0000-4000-8000-000000000000');
      const res = await anonymous(env.app).request(
        route.method as 'GET',
        url,
        route.method === 'GET' || route.method === 'DELETE' ? undefined : {},
      );
      expect(res.statusCode, `${route.method} ${url}`).toBe(401);
    }
  });

  it('the API reader is the only undeclared surface and is public', async () => {
    const docs = catalog.filter(isApiDocs);
    expect(docs.length).toBeGreaterThan(0);
    const res = await anonymous(env.app).get('/api/docs/json');
    expect(res.statusCode).toBe(200);
  });
});
