import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEnv, type TestEnv } from '../helpers/app.js';
import { DIALECTS } from '../helpers/databases.js';
import { buildOrg, type TestOrg } from '../helpers/factories.js';
import { approveMethodology, startingMethodology } from '../helpers/risk-factories.js';

/** Paths follow their collection's plural; the singular ones that came first still answer the same, deprecated. */
const MOVED = [
  ['/risk-methodology/current', '/risk-methodologies/current'],
  ['/risk-methodology/starting-set', '/risk-methodologies/starting-set'],
  ['/risk-treatment-plan', '/risk-treatment-plans/live'],
] as const;

describe.each(DIALECTS)('plural paths on %s', (kind) => {
  let env: TestEnv;
  let org: TestOrg;
  beforeAll(async () => {
    env = await testEnv(kind);
    org = await buildOrg(env.app, env.handle);
    await approveMethodology(org, startingMethodology('three-by-three'));
  });
  afterAll(() => env?.close());

  const get = (path: string) => org.as.viewer.get(`/api/v1/orgs/${org.slug}${path}`);

  it('the plural path answers what the singular one does', async () => {
    for (const [old, path] of MOVED) {
      const [a, b] = [await get(old), await get(path)];
      expect(b.statusCode, path).toBe(200);
      expect(a.statusCode, old).toBe(200);
      expect(b.json(), path).toEqual(a.json());
    }
    expect((await get('/risk-methodologies/current')).json().current).toMatchObject({ versionNo: 1 });
    expect((await get('/risk-treatment-plans/live?pageSize=500')).statusCode).toBe(400);
  });

  it('the OpenAPI document marks only the singular paths deprecated', async () => {
    const doc = (await org.as.viewer.get('/api/openapi.json')).json() as {
      paths: Record<string, { get: { deprecated?: boolean } }>;
    };
    for (const [old, path] of MOVED) {
      expect(doc.paths[`/api/v1/orgs/{org}${old}`]!.get.deprecated, old).toBe(true);
      expect(doc.paths[`/api/v1/orgs/{org}${path}`]!.get.deprecated, path).toBeUndefined();
    }
  });
});
