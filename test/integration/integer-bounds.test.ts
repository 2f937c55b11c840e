import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INT_COLUMN_MAX, INT_COLUMN_MIN } from '../../src/schema/common/primitives.js';
import { testEnv, type TestEnv } from '../helpers/app.js';
import { DIALECTS } from '../helpers/databases.js';
import { buildOrg, type TestOrg } from '../helpers/factories.js';
import { isApiDocs, loadApi, makeParams, routeKey } from '../helpers/routes.js';

/**
 * Integer columns are 32-bit on PostgreSQL: every integer a request may carry (path, query, body, at any depth) is
 * bounded within that range in the contract itself, so a larger one is a 400 naming the field on both databases.
 */
const api = await loadApi();

type Node = {
  type?: string | string[];
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  [k: string]: unknown;
};

function unboundedIntegers(schema: unknown, where: string, out: string[]) {
  if (!schema || typeof schema !== 'object') return;
  if (Array.isArray(schema)) return schema.forEach((s, i) => unboundedIntegers(s, `${where}[${i}]`, out));
  const s = schema as Node;
  const types = [s.type].flat();
  if (types.includes('integer') || types.includes('number')) {
    const low = s.minimum ?? s.exclusiveMinimum;
    const high = s.maximum ?? s.exclusiveMaximum;
    if (
      types.includes('integer') &&
      (low === undefined || low < INT_COLUMN_MIN || high === undefined || high > INT_COLUMN_MAX)
    )
      out.push(`${where} [${low}, ${high}]`);
  }
  for (const [k, v] of Object.entries(s)) if (typeof v === 'object') unboundedIntegers(v, `${where}.${k}`, out);
}

describe('integer inputs', () => {
  it('every integer parameter and body field of every operation is within a 32-bit column', () => {
    const out: string[] = [];
    let seen = 0;
    for (const r of api.catalog.filter((x) => !isApiDocs(x))) {
      const op = api.operation(r);
      for (const p of op?.parameters ?? []) unboundedIntegers(p.schema, `${routeKey(r)} ${p.in}.${p.name}`, out);
      unboundedIntegers(op?.requestBody?.content['application/json']?.schema, `${routeKey(r)} body`, out);
      seen += JSON.stringify(op ?? {}).split('"integer"').length - 1;
    }
    expect(seen, 'the walk finds integers at all').toBeGreaterThan(50);
    expect(out).toEqual([]);
  });
});

describe.each(DIALECTS)('integers beyond a 32-bit column on %s', (kind) => {
  let env: TestEnv;
  let org: TestOrg;
  beforeAll(async () => {
    env = await testEnv(kind);
    org = await buildOrg(env.app, env.handle);
  });
  afterAll(() => env?.close());

  const call = async (route: string, method: string, url: (made: Record<string, string>) => string, body?: unknown) => {
    const made = { ...(await makeParams(route, { env, org, role: 'admin' })), org: org.slug };
    return org.as.admin.request(method as 'GET', url(made), body);
  };

  it('are a 400 naming the field in a query, a path and a body (they were a 500 on PostgreSQL)', async () => {
    const compare = await call(
      '/api/v1/orgs/:org/risk-methodologies/:id/versions/compare',
      'GET',
      (m) => `/api/v1/orgs/${m.org}/risk-methodologies/${m.id}/versions/compare?from=1&to=2147483648`,
    );
    expect(compare.statusCode).toBe(400);
    expect(compare.json().errors.map((e: { field: string }) => e.field)).toEqual(['query.to']);
    const preview = await call(
      '/api/v1/orgs/:org/risk-methodologies/:id/versions/:no/rescore-preview',
      'GET',
      (m) => `/api/v1/orgs/${m.org}/risk-methodologies/${m.id}/versions/2147483648/rescore-preview`,
    );
    expect(preview.statusCode).toBe(400);
    expect(preview.json().errors.map((e: { field: string }) => e.field)).toEqual(['path.no']);
    const publish = await call(
      '/api/v1/orgs/:org/documents/:id/publish',
      'POST',
      (m) => `/api/v1/orgs/${m.org}/documents/${m.id}/publish`,
      { versionNo: 2 ** 31 },
    );
    expect(publish.statusCode).toBe(400);
    expect(publish.json().errors.map((e: { field: string }) => e.field)).toEqual(['body.versionNo']);
  });
});
