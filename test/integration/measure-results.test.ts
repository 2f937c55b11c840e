import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../helpers/databases.js';
import { testEnv, type TestEnv } from '../helpers/app.js';
import { buildOrg, type TestOrg } from '../helpers/factories.js';
import { buildEvidence } from '../helpers/evidence-factories.js';
import { buildMeasure, derivedMeasure, measurementCounts, recordResult } from '../helpers/measure-factories.js';

const fields = (res: { json(): { errors?: { field: string }[] } }) => (res.json().errors ?? []).map((e) => e.field);

describe.each(DIALECTS)('measurement results by hand (9.1) on %s', (kind) => {
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
  const measureUrl = (id: string, path = '') => `/api/v1/orgs/${org.slug}/measures/${id}${path}`;

  it('stores a value in the period of its date, with its RAG, evidence and recorder, and moves the latest columns', async () => {
    const m = await buildMeasure(c(), org.slug);
    const evidence = await buildEvidence(c(), org.slug);
    const res = await recordResult(c(), org.slug, m.id, {
      measuredOn: '2026-11-03',
      value: 92.5,
      evidenceIds: [evidence.id],
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      periodKey: '2026-11',
      value: 92.5,
      rag: 'amber',
      source: 'manual',
      recordedBy: org.users.contributor.id,
      evidenceIds: [evidence.id],
      evaluatedAt: null,
    });
    const after = (await c().get(measureUrl(m.id))).json();
    expect(after).toMatchObject({ latestValue: 92.5, latestPeriod: '2026-11', latestRag: 'amber', version: m.version });
    // an earlier period does not move the latest columns back
    await recordResult(c(), org.slug, m.id, { measuredOn: '2026-10-03', value: 80 });
    expect((await c().get(measureUrl(m.id))).json()).toMatchObject({ latestPeriod: '2026-11', latestRag: 'amber' });
  });

  it('derives a value from base values by the formula, and keeps a division by zero as no value with a note', async () => {
    const m = await buildMeasure(c(), org.slug, derivedMeasure);
    const ok = await recordResult(c(), org.slug, m.id, { measuredOn: '2026-09-30', base: { reviewed: 19, total: 20 } });
    expect(ok.json()).toMatchObject({ value: 95, rag: 'green', baseValues: { reviewed: 19, total: 20 } });
    const zero = await recordResult(c(), org.slug, m.id, { measuredOn: '2026-10-30', base: { reviewed: 0, total: 0 } });
    expect(zero.statusCode).toBe(201);
    expect(zero.json()).toMatchObject({ value: null, rag: null, note: expect.stringMatching(/division by zero/) });
  });

  it('refuses a missing value, an undeclared base key, a period of another frequency and unknown evidence, naming each field, writing nothing', async () => {
    const m = await buildMeasure(c(), org.slug, derivedMeasure);
    const foreignEvidence = await buildEvidence(other.as.contributor, other.slug);
    const before = await measurementCounts(env.handle);
    const cases: [Record<string, unknown>, string][] = [
      [{ measuredOn: '2026-01-05' }, 'body.value'],
      [{ measuredOn: '2026-01-05', base: { reviewed: 1, typo: 2 } }, 'body.base'],
      [{ measuredOn: '2026-01-05', value: 1, periodKey: '2026-Q1' }, 'body.periodKey'],
      [{ measuredOn: '2026-01-05', value: 1, evidenceIds: [foreignEvidence.id] }, 'body.evidenceIds.0'],
      [{ measuredOn: '2026-02-30', value: 1 }, 'body.measuredOn'],
    ];
    for (const [body, field] of cases) {
      const res = await recordResult(c(), org.slug, m.id, body);
      expect(res.statusCode, field).toBe(400);
      expect(fields(res)).toEqual([field]);
    }
    expect(await measurementCounts(env.handle)).toEqual(before);
  });

  it('corrects a period by superseding its result, with a note; the same value again changes nothing', async () => {
    const m = await buildMeasure(c(), org.slug);
    const first = (await recordResult(c(), org.slug, m.id, { measuredOn: '2026-05-31', value: 96 })).json();
    const before = await measurementCounts(env.handle);
    const again = await recordResult(c(), org.slug, m.id, { measuredOn: '2026-05-31', value: 96 });
    expect(again.json().id).toBe(first.id);
    expect(await measurementCounts(env.handle)).toEqual(before);

    const noNote = await recordResult(c(), org.slug, m.id, { measuredOn: '2026-05-31', value: 89 });
    expect(noNote.statusCode).toBe(400);
    expect(fields(noNote)).toEqual(['body.note']);
    const fixed = await recordResult(c(), org.slug, m.id, {
      measuredOn: '2026-05-31',
      value: 89,
      note: 'Two reviews were counted twice',
    });
    expect(fixed.json()).toMatchObject({ value: 89, rag: 'red', supersededBy: null });
    const current = (await c().get(measureUrl(m.id, '/results'))).json();
    expect(current.items.map((r: { value: number }) => r.value)).toEqual([89]);
    const all = (await c().get(measureUrl(m.id, '/results?superseded=true'))).json();
    expect(all.items.find((r: { id: string }) => r.id === first.id).supersededBy).toBe(fixed.json().id);
    expect((await c().get(measureUrl(m.id))).json().latestRag).toBe('red');
  });

  it('lists results newest period first, paged, within from/to', async () => {
    const m = await buildMeasure(c(), org.slug, { frequency: 'quarterly' });
    for (const [measuredOn, value] of [
      ['2025-12-31', 90],
      ['2026-03-31', 91],
      ['2026-06-30', 97],
    ] as const)
      await recordResult(c(), org.slug, m.id, { measuredOn, value });
    const page = (await c().get(measureUrl(m.id, '/results?pageSize=2'))).json();
    expect(page).toMatchObject({ total: 3, pageSize: 2 });
    expect(page.items.map((r: { periodKey: string }) => r.periodKey)).toEqual(['2026-Q2', '2026-Q1']);
    const within = (await c().get(measureUrl(m.id, '/results?from=2026-01-01&to=2026-04-01'))).json();
    expect(within.items.map((r: { periodKey: string }) => r.periodKey)).toEqual(['2026-Q1']);
  });

  it('answers 404 for a measure of another organization and writes nothing; a viewer may read but not record', async () => {
    const foreign = await buildMeasure(other.as.contributor, other.slug);
    const before = await measurementCounts(env.handle);
    expect((await recordResult(c(), org.slug, foreign.id, { measuredOn: '2026-01-01', value: 1 })).statusCode).toBe(
      404,
    );
    expect((await c().get(measureUrl(foreign.id, '/results'))).statusCode).toBe(404);
    const mine = await buildMeasure(c(), org.slug);
    expect(
      (await recordResult(org.as.viewer, org.slug, mine.id, { measuredOn: '2026-01-01', value: 1 })).statusCode,
    ).toBe(403);
    expect((await org.as.viewer.get(measureUrl(mine.id, '/results'))).statusCode).toBe(200);
    expect((await measurementCounts(env.handle)).results).toBe(before.results);
  });
});
