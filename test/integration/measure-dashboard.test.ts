import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../helpers/databases.js';
import { testEnv, type TestEnv } from '../helpers/app.js';
import { buildOrg, type TestOrg } from '../helpers/factories.js';
import { buildMeasure } from '../helpers/measure-factories.js';

describe.each(DIALECTS)('measurement dashboard (9.1) on %s', (kind) => {
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
  const dashboard = async (query = '', o = org) => {
    const res = await o.as.viewer.get(`/api/v1/orgs/${o.slug}/measures/dashboard${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };
  const push = (results: unknown[]) => c().post(`/api/v1/orgs/${org.slug}/measure-results/batch`, { results });

  it('shows every active measure with its latest RAG and its last periods, oldest first, and counts by RAG', async () => {
    const green = await buildMeasure(c(), org.slug, { title: 'Reviews on time' });
    const red = await buildMeasure(c(), org.slug, {
      title: 'Days to patch',
      kind: 'effectiveness',
      unit: 'days',
      targetValue: 5,
      targetDirection: 'at_most',
      amberThreshold: 8,
    });
    const quiet = await buildMeasure(c(), org.slug, { title: 'Not measured yet' });
    const retired = await buildMeasure(c(), org.slug, { title: 'Retired', status: 'retired' });
    const months = Array.from({ length: 14 }, (_, i) => `2025-${String((i % 12) + 1).padStart(2, '0')}-28`).map(
      (d, i) => (i < 12 ? d : `2026-${d.slice(5)}`),
    );
    expect(
      (
        await push([
          ...months.map((measuredOn, i) => ({ measure: green.ref, measuredOn, value: 95 + (i % 5) })),
          { measure: red.ref, measuredOn: '2026-01-31', value: 4 },
          { measure: red.ref, measuredOn: '2026-02-28', value: 12 },
        ])
      ).statusCode,
    ).toBe(200);

    const all = await dashboard('?periods=3');
    const ids = all.items.map((m: { id: string }) => m.id);
    expect(ids).toEqual([green.id, red.id, quiet.id]);
    expect(ids).not.toContain(retired.id);
    const [g, r, q] = all.items;
    expect(g.series.map((p: { periodKey: string }) => p.periodKey)).toEqual(['2025-12', '2026-01', '2026-02']);
    expect(g).toMatchObject({ latestPeriod: '2026-02', latestValue: 98, latestRag: 'green', targetValue: 95 });
    expect(r).toMatchObject({ latestRag: 'red', unit: 'days', targetDirection: 'at_most' });
    expect(r.series.map((p: { rag: string }) => p.rag)).toEqual(['green', 'red']);
    expect(q.series).toEqual([]);
    expect(all.counts).toEqual({ green: 1, amber: 0, red: 1, none: 1 });

    expect((await dashboard('?rag=red')).items.map((m: { id: string }) => m.id)).toEqual([red.id]);
    expect((await dashboard('?kind=effectiveness')).items.map((m: { id: string }) => m.id)).toEqual([red.id]);
    const window = await dashboard('?from=2025-03-01&to=2025-05-31');
    expect(window.items[0].series.map((p: { periodKey: string }) => p.periodKey)).toEqual([
      '2025-03',
      '2025-04',
      '2025-05',
    ]);
    expect((await dashboard('', other)).items).toEqual([]);
  });

  it('filters by the objective a measure informs, through a link either way', async () => {
    const informs = await buildMeasure(c(), org.slug);
    await buildMeasure(c(), org.slug);
    // an objective register may not exist on this branch: any linkable record stands in through the links table
    const objectiveId = crypto.randomUUID();
    await env.handle.db
      .insertInto('links')
      .values({
        id: crypto.randomUUID(),
        orgId: org.id,
        fromType: 'measure',
        fromId: informs.id,
        toType: 'objective',
        toId: objectiveId,
        kind: 'informs',
        createdAt: new Date().toISOString(),
        createdBy: null,
      })
      .execute();
    const res = await dashboard(`?objectiveId=${objectiveId}`);
    expect(res.items.map((m: { id: string }) => m.id)).toEqual([informs.id]);
  });

  it('refuses more than 60 periods and an unknown RAG, naming the parameter', async () => {
    const res = await org.as.viewer.get(`/api/v1/orgs/${org.slug}/measures/dashboard?periods=61&rag=blue`);
    expect(res.statusCode).toBe(400);
    expect(
      res
        .json()
        .errors.map((e: { field: string }) => e.field)
        .sort(),
    ).toEqual(['query.periods', 'query.rag']);
  });
});

describe.each(DIALECTS)('measurement results workbook (9.1) on %s', (kind) => {
  let env: TestEnv;
  let org: TestOrg;
  beforeAll(async () => {
    env = await testEnv(kind);
    org = await buildOrg(env.app, env.handle);
  });
  afterAll(() => env?.close());

  it('exports every current result within from/to, one row each, with real dates and numbers', async () => {
    const m = await buildMeasure(org.as.contributor, org.slug, { title: 'Reviews on time' });
    const push = (results: unknown[]) =>
      org.as.contributor.post(`/api/v1/orgs/${org.slug}/measure-results/batch`, { results });
    await push([
      { measure: m.ref, measuredOn: '2026-01-31', value: 96.5 },
      { measure: m.ref, measuredOn: '2026-02-28', value: 91 },
      { measure: m.ref, measuredOn: '2026-03-31', value: 99 },
    ]);
    await push([{ measure: m.ref, measuredOn: '2026-02-28', value: 92, note: 'recount' }]);
    const res = await org.as.viewer.request(
      'GET',
      `/api/v1/orgs/${org.slug}/measures/results.xlsx?from=2026-02-01&to=2026-12-31`,
    );
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    const header = (ws.getRow(1).values as unknown[]).slice(1);
    const col = (name: string) => header.indexOf(name) + 1;
    expect(ws.rowCount).toBe(3);
    expect([2, 3].map((r) => ws.getRow(r).getCell(col('Period')).value)).toEqual(['2026-02', '2026-03']);
    expect(ws.getRow(2).getCell(col('Value')).value).toBe(92);
    expect(ws.getRow(2).getCell(col('RAG')).value).toBe('amber');
    expect(ws.getRow(2).getCell(col('Measured on')).value).toBeInstanceOf(Date);
    expect(ws.getRow(2).getCell(col('Target')).value).toBe('≥ 95');
  });
});
