import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REGISTER_MODULES } from '../../src/core/modules.js';
import { DIALECTS } from '../helpers/databases.js';
import { testEnv, type TestEnv } from '../helpers/app.js';
import { buildOrg, type TestOrg } from '../helpers/factories.js';
import { buildObjective, todayIso } from '../helpers/objective-factories.js';
import { objectiveCounts } from '../helpers/objective-counts.js';

/**
 * Objectives measured by measures (issue 16): runs once the measure register (i16-measures) is merged; until then
 * the measure-link routes are not registered and these tests are skipped.
 */
const noMeasures = !REGISTER_MODULES.some((m) => m.def.entity === 'measure');
const fields = (res: { json(): { errors?: { field: string }[] } }) =>
  (res.json().errors ?? []).map((e) => e.field).sort();

describe.each(DIALECTS)('objectives measured by measures on %s', (kind) => {
  let env: TestEnv;
  let org: TestOrg;
  let other: TestOrg;
  beforeAll(async () => {
    env = await testEnv(kind);
    org = await buildOrg(env.app, env.handle);
    other = await buildOrg(env.app, env.handle);
  });
  afterAll(() => env?.close());

  const url = (path = '') => `/api/v1/orgs/${org.slug}/objectives${path}`;
  const c = () => org.as.contributor;
  const measure = async (o: TestOrg, overrides: Record<string, unknown> = {}) => {
    const res = await o.as.contributor.post(`/api/v1/orgs/${o.slug}/measures`, {
      title: 'Phishing click rate',
      informationNeed: 'Do staff recognise phishing?',
      kind: 'effectiveness',
      unit: '%',
      targetValue: 5,
      targetDirection: 'at_most',
      frequency: 'monthly',
      ...overrides,
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: string; ref: string };
  };

  it.skipIf(noMeasures)('links a measure, then the objective may be active; the last one stays linked', async () => {
    const o = await buildObjective(c(), org.slug, {
      measurementMode: 'measures',
      targetValue: 5,
      targetDirection: 'at_most',
    });
    const m = await measure(org);
    const linked = await c().post(url(`/${o.id}/measures`), { measureId: m.id });
    expect(linked.statusCode, linked.body).toBe(201);
    expect(linked.json()).toMatchObject({ measureId: m.id, ref: m.ref, unitWarning: null });
    const active = await c().patch(url(`/${o.id}`), { lifecycle: 'active' });
    expect(active.statusCode, active.body).toBe(200);
    expect((await c().get(url(`/${o.id}/measures`))).json().items).toEqual([expect.objectContaining({ ref: m.ref })]);
    const unlink = await c().request('DELETE', url(`/${o.id}/measures/${m.id}`));
    expect(unlink.statusCode).toBe(409);
    expect(fields(unlink)).toEqual(['measures']);
  });

  it.skipIf(noMeasures)('says so when the measure is in another unit than the target', async () => {
    const o = await buildObjective(c(), org.slug, { measurementMode: 'measures', targetUnit: 'days' });
    const m = await measure(org, { unit: '%' });
    const res = await c().post(url(`/${o.id}/measures`), { measureId: m.id });
    expect(res.statusCode).toBe(201);
    expect(res.json().unitWarning).toMatch(/%.*days/);
  });

  it.skipIf(noMeasures)('refuses a measure of another organization, writing nothing', async () => {
    const o = await buildObjective(c(), org.slug, { measurementMode: 'measures' });
    const foreign = await measure(other);
    const before = await objectiveCounts(env.handle);
    const res = await c().post(url(`/${o.id}/measures`), { measureId: foreign.id });
    expect(res.statusCode).toBe(400);
    expect(fields(res)).toEqual(['body.measureId']);
    expect(await objectiveCounts(env.handle)).toEqual(before);
  });

  // read through core/objectives/measure-values.ts (measure_results, named at run time)
  it.skipIf(noMeasures)('takes its value and status from the first linked measure’s results', async () => {
    const o = await buildObjective(c(), org.slug, {
      measurementMode: 'measures',
      targetValue: 5,
      targetDirection: 'at_most',
      deadline: '2099-12-31',
    });
    const m = await measure(org);
    await c().post(url(`/${o.id}/measures`), { measureId: m.id });
    const res = await c().post(`/api/v1/orgs/${org.slug}/measures/${m.id}/results`, {
      measuredOn: todayIso(),
      value: 4.2,
    });
    expect(res.statusCode, res.body).toBe(201);
    const series = (await c().get(url(`/${o.id}/progress-series`))).json();
    expect(series.points).toEqual([expect.objectContaining({ value: 4.2, source: 'measure', status: 'achieved' })]);
  });
});
