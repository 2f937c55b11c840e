import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEnv, type TestEnv } from '../helpers/app.js';
import { DIALECTS } from '../helpers/databases.js';
import { buildAction, buildOrg, type TestOrg } from '../helpers/factories.js';
import { anonymous } from '../helpers/http.js';
import { textFile, uploadRequest } from '../helpers/evidence-factories.js';
import { isApiDocs, isOrgRoute, MUTATING, routeKey } from '../helpers/routes.js';
import type { RouteEntry } from '../../src/server/types.js';

type Operation = {
  operationId?: string;
  requestBody?: unknown;
  responses: Record<string, { $ref?: string; content?: Record<string, { schema?: { $ref?: string } }> }>;
};
type Doc = {
  servers?: { url: string }[];
  info: { license?: { identifier?: string } };
  paths: Record<string, Record<string, Operation>>;
  components: {
    schemas: Record<string, { properties?: Record<string, unknown> }>;
    responses: Record<string, Operation['responses'][string]>;
  };
};

const openApiPath = (url: string) => url.replace(/:(\w+)/g, '{$1}');

/**
 * The OpenAPI document tells a client everything an operation can answer: a method name (operationId), every
 * problem status its kind of route can give (each a problem+json of the one Problem schema), and the success status
 * the route really answers (a real call per kind checks it).
 */
describe.each(DIALECTS)('OpenAPI operations on %s', (kind) => {
  let env: TestEnv;
  let doc: Doc;
  let org: TestOrg;
  beforeAll(async () => {
    env = await testEnv(kind);
    doc = env.app.swagger() as unknown as Doc;
    org = await buildOrg(env.app, env.handle);
  });
  afterAll(() => env?.close());

  const documented = () =>
    env.app.routeCatalog.filter((r) => !isApiDocs(r) && doc.paths[openApiPath(r.url)]?.[r.method.toLowerCase()]);
  const op = (r: Pick<RouteEntry, 'method' | 'url'>) => doc.paths[openApiPath(r.url)]![r.method.toLowerCase()]!;

  it('names the server and the licence', () => {
    expect(doc.servers?.length).toBeGreaterThan(0);
    expect(doc.info.license?.identifier).toBe('AGPL-3.0-or-later');
  });

  it('every $ref in the document points at something in it', () => {
    const refs = new Set<string>();
    const walk = (v: unknown) => {
      if (Array.isArray(v)) v.forEach(walk);
      else if (v && typeof v === 'object')
        for (const [k, x] of Object.entries(v)) {
          if (k === '$ref' && typeof x === 'string') refs.add(x);
          else walk(x);
        }
    };
    walk(doc);
    const resolve = (ref: string) =>
      ref
        .replace(/^#\//, '')
        .split('/')
        .reduce<unknown>(
          (at, key) => (at as Record<string, unknown> | undefined)?.[key.replace(/~1/g, '/').replace(/~0/g, '~')],
          doc,
        );
    expect([...refs].filter((r) => !r.startsWith('#/') || resolve(r) === undefined)).toEqual([]);
    expect(refs).toContain('#/components/schemas/Problem');
  });

  it('documents nearly every route of the catalog (only the reader, the web files and the document itself are hidden)', () => {
    expect(documented().length).toBeGreaterThan(300);
  });

  it('gives every operation an operationId, unique across the document', () => {
    const ids = documented().map((r) => op(r).operationId);
    expect(ids.filter((id) => !id || !/^[a-z][A-Za-z0-9]*$/.test(id))).toEqual([]);
    expect(new Set(ids).size).toBe(ids.length);
    expect(op({ method: 'GET', url: '/api/v1/orgs/:org/actions/:id' }).operationId).toBe('getOrgActionsById');
  });

  it('lists the problem answers each kind of route can give, each a problem+json of the shared Problem schema', () => {
    const missing: string[] = [];
    for (const r of documented()) {
      const o = op(r);
      const write = MUTATING.has(r.method);
      const hasParams = r.url.includes('/:');
      const expected = [400];
      if (r.access !== 'public') expected.push(401);
      if (r.permission || (r.access !== 'public' && write)) expected.push(403);
      if (hasParams || isOrgRoute(r)) expected.push(404, 414);
      if (write) expected.push(409);
      if (o.requestBody) expected.push(413, 415);
      if (r.url === '/api/v1/auth/login') expected.push(429);
      for (const status of expected) if (!o.responses[String(status)]) missing.push(`${routeKey(r)} ${status}`);
      for (const [status, res] of Object.entries(o.responses)) {
        if (Number(status) < 400) continue;
        const shared = doc.components.responses[res.$ref?.replace('#/components/responses/', '') ?? ''];
        expect(shared?.content?.['application/problem+json']?.schema?.$ref, `${routeKey(r)} ${status}`).toBe(
          '#/components/schemas/Problem',
        );
      }
    }
    expect(missing).toEqual([]);
    expect(Object.keys(doc.components.schemas.Problem?.properties ?? {})).toEqual(
      expect.arrayContaining(['type', 'title', 'status', 'detail', 'errors', 'errorsNotListed']),
    );
  });

  it('documents the success status each route really answers (201 on create, 202 on invite, 204 on delete)', async () => {
    const o = `/api/v1/orgs/${org.slug}`;
    const calls: { route: Pick<RouteEntry, 'method' | 'url'>; status: number }[] = [];
    const record = (method: string, url: string, status: number) => calls.push({ route: { method, url }, status });

    const action = await buildAction(org.as.admin, org.slug);
    record('POST', '/api/v1/orgs/:org/actions', 201);
    record('DELETE', '/api/v1/orgs/:org/actions/:id', (await org.as.admin.del(`${o}/actions/${action.id}`)).statusCode);
    record(
      'POST',
      '/api/v1/orgs/:org/members',
      (await org.as.admin.post(`${o}/members`, { email: `new-${Date.now()}@example.com`, role: 'viewer' })).statusCode,
    );
    const token = await org.as.admin.post(`${o}/tokens`, { name: 'robot' });
    record('POST', '/api/v1/orgs/:org/tokens', token.statusCode);
    record(
      'DELETE',
      '/api/v1/orgs/:org/tokens/:id',
      (await org.as.admin.del(`${o}/tokens/${token.json().id}`)).statusCode,
    );
    const [a, b] = [await buildAction(org.as.admin, org.slug), await buildAction(org.as.admin, org.slug)];
    const link = await org.as.admin.post(`${o}/links`, {
      fromType: 'action',
      fromId: a.id,
      toType: 'action',
      toId: b.id,
    });
    record('POST', '/api/v1/orgs/:org/links', link.statusCode);
    record(
      'DELETE',
      '/api/v1/orgs/:org/links/:id',
      (await org.as.admin.del(`${o}/links/${link.json().id}`)).statusCode,
    );
    record('GET', '/api/v1/orgs/:org/actions', (await org.as.viewer.get(`${o}/actions`)).statusCode);
    record('POST', '/api/v1/auth/logout', (await org.as.auditor.post('/api/v1/auth/logout')).statusCode);

    expect(calls.map((c) => c.status)).toEqual([201, 204, 202, 201, 204, 201, 204, 200, 204]);
    const undocumented = calls
      .filter((c) => !op(c.route).responses[String(c.status)])
      .map((c) => `${routeKey(c.route)} answered ${c.status}`);
    expect(undocumented).toEqual([]);
    // and no default 200 is claimed beside the real answer
    expect(op({ method: 'DELETE', url: '/api/v1/orgs/:org/actions/:id' }).responses['200']).toBeUndefined();
  });

  it('names a missing required field "Required", a wrong one by what is wrong', async () => {
    const o = `/api/v1/orgs/${org.slug}`;
    const missing = await org.as.admin.post(`${o}/actions`, {});
    expect(missing.statusCode).toBe(400);
    expect(missing.json().errors).toContainEqual({ field: 'body.title', message: 'Required' });
    const wrong = await org.as.admin.post(`${o}/actions`, { title: 12 });
    expect(wrong.json().errors).toHaveLength(1);
    expect(wrong.json().errors[0].field).toBe('body.title');
    expect(wrong.json().errors[0].message).not.toBe('Required');
    const query = await org.as.admin.get(`${o}/links?type=action`);
    expect(query.statusCode).toBe(400);
    expect(query.json().errors).toContainEqual({ field: 'query.id', message: 'Required' });
    const login = await anonymous(env.app).post('/api/v1/auth/login', { email: 'someone@example.com' });
    expect(login.json().errors).toContainEqual({ field: 'body.password', message: 'Required' });
    const upload = await uploadRequest(org.as.admin, org.slug, { description: 'no title' }, [textFile()]);
    expect(upload.statusCode).toBe(400);
    expect(upload.json().errors).toContainEqual({ field: 'body.title', message: 'Required' });
  });
});
