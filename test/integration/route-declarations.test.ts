import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allowedRoles, PERMISSIONS } from '../../src/schema/auth/permissions.js';
import { testEnv, type TestEnv } from '../helpers/app.js';
import { DIALECTS } from '../helpers/databases.js';
import { isApiDocs, isOrgRoute, routeKey } from '../helpers/routes.js';

/** Every route says who may call it, in the one vocabulary of permissions.ts. */
describe.each(DIALECTS)('route declarations on %s', (kind) => {
  let env: TestEnv;
  beforeAll(async () => {
    env = await testEnv(kind);
  });
  afterAll(() => env?.close());

  const routes = () => env.app.routeCatalog.filter((r) => !isApiDocs(r));

  it('the catalog holds the API', () => {
    expect(routes().length).toBeGreaterThan(10);
    expect(routes().map(routeKey)).toContain('POST /api/v1/orgs/:org/actions');
  });

  it('every route declares exactly one of permission / access', () => {
    const bad = routes()
      .filter((r) => (r.permission === undefined) === (r.access === undefined))
      .map(routeKey);
    expect(bad, 'routes declaring neither or both').toEqual([]);
  });

  it('every access is public or user', () => {
    const bad = routes()
      .filter((r) => r.access !== undefined && r.access !== 'public' && r.access !== 'user')
      .map(routeKey);
    expect(bad).toEqual([]);
  });

  it('every permission exists in PERMISSIONS', () => {
    const bad = routes()
      .filter((r) => r.permission !== undefined && !allowedRoles(r.permission))
      .map((r) => `${routeKey(r)} → ${r.permission}`);
    expect(bad, `unknown permissions; known entities: ${Object.keys(PERMISSIONS).join(', ')}`).toEqual([]);
  });

  it('every organization route declares a permission, not an access', () => {
    const bad = routes()
      .filter((r) => isOrgRoute(r) && (!r.permission || r.access))
      .map(routeKey);
    expect(bad).toEqual([]);
  });

  it('only the API reader goes undeclared, and it is read-only', () => {
    const docs = env.app.routeCatalog.filter(isApiDocs);
    expect(docs.every((r) => r.method === 'GET')).toBe(true);
  });
});
