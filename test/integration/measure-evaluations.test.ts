import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../helpers/databases.js';
import { testEnv, type TestEnv } from '../helpers/app.js';
import { buildAction, buildOrg, type TestOrg } from '../helpers/factories.js';
import { buildMeasure, measurementCounts, recordResult } from '../helpers/measure-factories.js';

const fields = (res: { json(): { errors?: { field: string }[] } }) => (res.json().errors ?? []).map((e) => e.field);

describe.each(DIALECTS)('evaluations of measurement periods (9.1) on %s', (kind) => {
  let env: TestEnv;
  let org: TestOrg;
  let other: TestOrg;
  beforeAll(async () => {
    env = await testEnv(kind);
    org = await buildOrg(env.app, env.handle);
    other = await buildOrg(env.app, env.handle);
  });
  afterAll(() => env?.close());

  const c = () => org.as.contributor;
  const url = (id: string, path = '') => `/api/v1/orgs/${org.slug}/measures/${id}${path}`;
  const evaluate = (id: string, body: Record<string, unknown>) =>
    c().post(url(id, '/evaluations'), { rag: 'red', note: 'Reviews slipped in the summer', ...body });

  it('evaluates a quarter of a monthly measure: its three months become immutable, earlier ones stay open', async () => {
    const m = await buildMeasure(c(), org.slug, { analysisFrequency: 'quarterly' });
    for (const [measuredOn, value] of [
      ['2026-06-30', 96],
      ['2026-07-31', 88],
      ['2026-08-31', 91],
      ['2026-09-30', 93],
    ] as const)
      await recordResult(c(), org.slug, m.id, { measuredOn, value });
    const action = await buildAction(c(), org.slug);
    const res = await evaluate(m.id, { periodKey: '2026-Q3', rag: 'amber', actionIds: [action.id] });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      periodKey: '2026-Q3',
      rag: 'amber',
      resultCount: 3,
      actionIds: [action.id],
      evaluatedBy: org.users.contributor.id,
    });

    const frozen = await recordResult(c(), org.slug, m.id, { measuredOn: '2026-08-31', value: 99, note: 'recount' });
    expect(frozen.statusCode).toBe(409);
    expect(fields(frozen)).toEqual(['body.periodKey']);
    const pushed = await c().post(`/api/v1/orgs/${org.slug}/measure-results/batch`, {
      results: [{ measure: m.ref, measuredOn: '2026-07-31', value: 1, note: 'x' }],
    });
    expect(pushed.statusCode).toBe(409);
    expect(fields(pushed)).toEqual(['body.results.0.periodKey']);
    // June is outside the quarter: still open to a correction
    const june = await recordResult(c(), org.slug, m.id, { measuredOn: '2026-06-30', value: 97, note: 'recount' });
    expect(june.statusCode).toBe(201);
    const list = (await c().get(url(m.id, '/results'))).json();
    expect(
      list.items.map((r: { periodKey: string; evaluatedAt: string | null }) => [r.periodKey, !!r.evaluatedAt]),
    ).toEqual([
      ['2026-09', true],
      ['2026-08', true],
      ['2026-07', true],
      ['2026-06', false],
    ]);
  });

  it('evaluates a period once, refuses a malformed or future period, unknown actions and a missing note, writing nothing', async () => {
    const m = await buildMeasure(c(), org.slug);
    expect((await evaluate(m.id, { periodKey: '2026-01' })).statusCode).toBe(201);
    const foreignAction = await buildAction(other.as.contributor, other.slug);
    const before = await measurementCounts(env.handle);
    const again = await evaluate(m.id, { periodKey: '2026-01' });
    expect(again.statusCode).toBe(409);
    expect(fields(again)).toEqual(['body.periodKey']);
    const cases: [Record<string, unknown>, string][] = [
      [{ periodKey: '2026-Q1' }, 'body.periodKey'],
      [{ periodKey: '2999-01' }, 'body.periodKey'],
      [{ periodKey: '2026-02', actionIds: [foreignAction.id] }, 'body.actionIds.0'],
      [{ periodKey: '2026-02', note: '  ' }, 'body.note'],
      [{ periodKey: '2026-02', rag: 'purple' }, 'body.rag'],
    ];
    for (const [body, field] of cases) {
      const res = await evaluate(m.id, body);
      expect(res.statusCode, field).toBe(400);
      expect(fields(res)).toEqual([field]);
    }
    expect(await measurementCounts(env.handle)).toEqual(before);
    const list = (await c().get(url(m.id, '/evaluations'))).json();
    expect(list.items.map((e: { periodKey: string }) => e.periodKey)).toEqual(['2026-01']);
  });

  it('raises a nonconformity from a red evaluation once, linked to the measure; an amber one is not raised', async () => {
    const m = await buildMeasure(c(), org.slug);
    const red = (await evaluate(m.id, { periodKey: '2026-03' })).json();
    const raised = await c().post(url(m.id, `/evaluations/${red.id}/raise`));
    expect(raised.statusCode, raised.body).toBe(201);
    const nc = (await c().get(`/api/v1/orgs/${org.slug}/nonconformities/${raised.json().nonconformity.id}`)).json();
    expect(nc).toMatchObject({ source: 'measurement', sourceType: 'measure', sourceId: m.id });
    expect((await c().get(url(m.id, '/evaluations'))).json().items[0].nonconformityId).toBe(nc.id);
    const twice = await c().post(url(m.id, `/evaluations/${red.id}/raise`));
    expect(twice.statusCode).toBe(409);
    const amber = (await evaluate(m.id, { periodKey: '2026-04', rag: 'amber' })).json();
    const notRed = await c().post(url(m.id, `/evaluations/${amber.id}/raise`));
    expect(notRed.statusCode).toBe(409);
    expect(fields(notRed)).toEqual(['rag']);
  });

  it('answers 404 for a measure or an evaluation of another organization, and a viewer may not evaluate', async () => {
    const foreign = await buildMeasure(other.as.contributor, other.slug);
    const mine = await buildMeasure(c(), org.slug);
    const foreignEval = (
      await other.as.contributor.post(`/api/v1/orgs/${other.slug}/measures/${foreign.id}/evaluations`, {
        periodKey: '2026-01',
        rag: 'red',
        note: 'x',
      })
    ).json();
    expect((await evaluate(foreign.id, { periodKey: '2026-01' })).statusCode).toBe(404);
    expect((await c().post(url(mine.id, `/evaluations/${foreignEval.id}/raise`))).statusCode).toBe(404);
    expect(
      (await org.as.viewer.post(url(mine.id, '/evaluations'), { periodKey: '2026-01', rag: 'red', note: 'x' }))
        .statusCode,
    ).toBe(403);
  });
});
