import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES } from '../../src/schema/auth/roles.js';
import { testEnv, type TestEnv } from '../helpers/app.js';
import { buildAsset } from '../helpers/asset-factories.js';
import { DIALECTS } from '../helpers/databases.js';
import { buildOrg, type TestOrg } from '../helpers/factories.js';
import { buildRisk } from '../helpers/risk-factories.js';

type Page = { items: Record<string, unknown>[]; page: number; pageSize: number; total: number };

/** The lists outside the registers page like them and say their total; by default a page holds everything up to its bound. */
describe.each(DIALECTS)('members, tokens and a risk’s assets page on %s', (kind) => {
  let env: TestEnv;
  let org: TestOrg;
  let other: TestOrg;
  beforeAll(async () => {
    env = await testEnv(kind);
    org = await buildOrg(env.app, env.handle);
    other = await buildOrg(env.app, env.handle);
  });
  afterAll(() => env?.close());

  const url = (path: string, o: TestOrg = org) => `/api/v1/orgs/${o.slug}${path}`;
  const page = async (path: string, o: TestOrg = org): Promise<Page> => {
    const res = await o.as.admin.get(url(path, o));
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    return res.json() as Page;
  };
  /** Walks every page of `size` and checks they neither overlap nor miss anything. */
  const walk = async (path: string, size: number, key: string) => {
    const all = await page(path);
    const seen: unknown[] = [];
    for (let p = 1; p <= Math.ceil(all.total / size); p++) {
      const one = await page(`${path}?page=${p}&pageSize=${size}`);
      expect(one).toMatchObject({ page: p, pageSize: size, total: all.total });
      seen.push(...one.items.map((i) => i[key]));
    }
    expect(seen).toEqual(all.items.map((i) => i[key]));
    return all;
  };

  it('members: everyone by default with the total, and pages that add up to it', async () => {
    const all = await walk('/members', 2, 'userId');
    expect(all).toMatchObject({ page: 1, pageSize: 200, total: ROLES.length });
    expect(all.items).toHaveLength(ROLES.length);
  });

  it('tokens: pages and total, counting only what the caller may see', async () => {
    for (let i = 0; i < 3; i++)
      expect((await org.as.admin.post(url('/tokens'), { name: `t${i}` })).statusCode).toBe(201);
    expect((await org.as.contributor.post(url('/tokens'), { name: 'mine' })).statusCode).toBe(201);
    expect((await other.as.admin.post(url('/tokens', other), { name: 'theirs' })).statusCode).toBe(201);
    const all = await walk('/tokens', 3, 'id');
    expect(all.total).toBe(4);
    const viewer = (await org.as.contributor.get(url('/tokens?pageSize=1'))).json() as Page;
    expect(viewer).toMatchObject({ total: 1, pageSize: 1 });
    expect(viewer.items.map((t) => t.name)).toEqual(['mine']);
  });

  it('a risk’s assets: the whole set by default (up to the 500 a PUT takes), pages and total', async () => {
    const risk = await buildRisk(org.as.contributor, org.slug);
    const assets = [];
    for (let i = 0; i < 5; i++) assets.push(await buildAsset(org.as.contributor, org.slug));
    const put = await org.as.contributor.request('PUT', url(`/risks/${risk.id}/assets`), {
      assetIds: assets.map((a) => a.id),
    });
    expect(put.statusCode, put.body).toBe(200);
    expect(put.json()).toMatchObject({ page: 1, pageSize: 500, total: 5 });
    const all = await walk(`/risks/${risk.id}/assets`, 2, 'id');
    expect(all).toMatchObject({ pageSize: 500, total: 5 });
    expect(all.items.map((a) => a.id).sort()).toEqual(assets.map((a) => a.id).sort());
  });

  it('refuses page sizes beyond the bound, naming the field, and answers an empty page past the end', async () => {
    for (const [path, max] of [
      ['/members', 200],
      ['/tokens', 200],
    ] as const) {
      const res = await org.as.admin.get(url(`${path}?pageSize=${max + 1}`));
      expect(res.statusCode, path).toBe(400);
      expect(res.json().errors[0].field, path).toBe('query.pageSize');
      expect((await org.as.admin.get(url(`${path}?page=0`))).statusCode, path).toBe(400);
    }
    const risk = await buildRisk(org.as.contributor, org.slug);
    expect((await org.as.admin.get(url(`/risks/${risk.id}/assets?pageSize=501`))).json().errors[0].field).toBe(
      'query.pageSize',
    );
    expect(await page('/members?page=99')).toMatchObject({ items: [], page: 99, total: ROLES.length });
  });
});
