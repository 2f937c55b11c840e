import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../helpers/databases.js';
import { testEnv, type TestEnv } from '../helpers/app.js';
import { buildOrg, writeCounts, type TestOrg } from '../helpers/factories.js';
import { buildMeasure, derivedMeasure } from '../helpers/measure-factories.js';

const fields = (res: { json(): { errors?: { field: string }[] } }) => (res.json().errors ?? []).map((e) => e.field);

describe.each(DIALECTS)('measures (9.1) on %s', (kind) => {
  let env: TestEnv;
  let org: TestOrg;
  beforeAll(async () => {
    env = await testEnv(kind);
    org = await buildOrg(env.app, env.handle);
  });
  afterAll(() => env?.close());

  const url = (path = '') => `/api/v1/orgs/${org.slug}/measures${path}`;
  const c = () => org.as.contributor;

  it('records a measure numbered MSR-nnn, active, with a decimal target and no result yet', async () => {
    const m = await buildMeasure(c(), org.slug, { targetValue: 99.5, amberThreshold: 97.25, ...derivedMeasure });
    expect(m.ref).toMatch(/^MSR-\d{3}$/);
    expect(m).toMatchObject({ status: 'active', targetValue: 99.5, amberThreshold: 97.25, latestValue: null });
    expect((await c().get(url(`/${m.id}`))).json().formula).toBe('reviewed / total * 100');
  });

  it('refuses a formula over undeclared keys, a malformed one, bad base measures and an amber threshold on the wrong side, naming each field and writing nothing', async () => {
    const before = await writeCounts(env.handle);
    const body = {
      title: 'Bad',
      informationNeed: 'Why?',
      kind: 'performance',
      targetValue: 5,
      targetDirection: 'at_most',
      amberThreshold: 3,
      frequency: 'monthly',
    };
    const unknownKey = await c().post(url(), { ...body, amberThreshold: 8, baseMeasures: 'a: A', formula: 'a / b' });
    expect(unknownKey.statusCode).toBe(400);
    expect(fields(unknownKey)).toEqual(['body.formula']);
    expect(unknownKey.json().errors[0].message).toMatch(/\bb\b.*not a base measure/);
    const several = await c().post(url(), { ...body, baseMeasures: 'not a line', formula: 'process.exit()' });
    expect(several.statusCode).toBe(400);
    expect(fields(several).sort()).toEqual(['body.amberThreshold', 'body.baseMeasures', 'body.formula']);
    expect(await writeCounts(env.handle)).toEqual(before);
  });

  it('checks the definition as a whole on update: a formula may not lose its base measures', async () => {
    const m = await buildMeasure(c(), org.slug, derivedMeasure);
    const res = await c().patch(url(`/${m.id}`), { baseMeasures: 'reviewed: Reviewed [count]' });
    expect(res.statusCode).toBe(400);
    expect(fields(res)).toEqual(['body.formula']);
  });

  it('keeps the server-set columns out of the bodies', async () => {
    for (const key of ['latestValue', 'latestRag', 'builtInKey']) {
      const res = await c().post(url(), { title: 'x', [key]: 'green' });
      expect(res.statusCode).toBe(400);
      expect(fields(res)).toContain(`body.${key}`);
    }
  });
});
