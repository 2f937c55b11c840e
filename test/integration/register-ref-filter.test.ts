import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEnv, type TestEnv } from '../helpers/app.js';
import { buildCustomControl, chooseEdition } from '../helpers/control-factories.js';
import { DIALECTS } from '../helpers/databases.js';
import { buildOrg, type TestOrg } from '../helpers/factories.js';
import { buildRisk } from '../helpers/risk-factories.js';

type Res = LightMyRequestResponse;

/** `?ref=` on every register list: exact references, case-insensitive, where `q` searches text. */
describe.each(DIALECTS)('register lists filtered by reference on %s', (kind) => {
  let env: TestEnv;
  let org: TestOrg;
  let other: TestOrg;
  beforeAll(async () => {
    env = await testEnv(kind);
    org = await buildOrg(env.app, env.handle);
    other = await buildOrg(env.app, env.handle);
    await chooseEdition(org);
    await chooseEdition(other);
  });
  afterAll(() => env?.close());

  const get = (path: string, o: TestOrg = org): Promise<Res> => o.as.viewer.get(`/api/v1/orgs/${o.slug}${path}`);
  const refs = async (path: string, o: TestOrg = org) => {
    const res = await get(path, o);
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    return {
      refs: (res.json().items as { ref: string }[]).map((r) => r.ref).sort(),
      total: res.json().total as number,
    };
  };

  it('finds exactly control 8.1, not 8.10–8.19, where q=8.1 finds them all', async () => {
    expect(await refs('/controls?ref=8.1')).toEqual({ refs: ['8.1'], total: 1 });
    expect((await refs('/controls?q=8.1&pageSize=200')).refs).toEqual(expect.arrayContaining(['8.1', '8.10', '8.19']));
  });

  it('takes several references separated by commas, ignores case and spaces, and combines with other filters', async () => {
    const custom = await buildCustomControl(org.as.isms_manager, org.slug);
    expect(custom.ref).toMatch(/^CUS-\d+$/);
    expect(await refs(`/controls?ref=${encodeURIComponent(` 5.1 ,8.1,${custom.ref.toLowerCase()},9.99`)}`)).toEqual({
      refs: [custom.ref, '5.1', '8.1'].sort(),
      total: 3,
    });
    expect((await refs('/controls?ref=5.1,8.1&source=custom')).refs).toEqual([]);
  });

  it('works on the risk register and stays inside the organization', async () => {
    const mine = await buildRisk(org.as.contributor, org.slug);
    await buildRisk(other.as.contributor, other.slug);
    expect(await refs(`/risks?ref=${mine.ref.toLowerCase()}`)).toEqual({ refs: [mine.ref], total: 1 });
    // the other organization's records share the reference, and its own list finds only its own
    const theirs = await refs(`/risks?ref=${mine.ref}`, other);
    expect(theirs.total).toBe(1);
    expect((await get(`/risks?ref=${mine.ref}`, other)).json().items[0].id).not.toBe(mine.id);
    expect((await refs('/risks?ref=RISK-999')).total).toBe(0);
  });

  it('refuses an empty or over-long list of references, naming the field', async () => {
    for (const q of ['ref=', 'ref=,,', `ref=${Array.from({ length: 51 }, (_, i) => `R-${i}`).join(',')}`]) {
      const res = await get(`/controls?${q}`);
      expect(res.statusCode, q).toBe(400);
      expect(res.json().errors[0].field, q).toBe('query.ref');
    }
  });
});
