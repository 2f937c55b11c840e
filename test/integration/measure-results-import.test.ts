import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../helpers/databases.js';
import { testEnv, type TestEnv } from '../helpers/app.js';
import { buildOrg, type TestOrg } from '../helpers/factories.js';
import { buildMeasure, derivedMeasure, measurementCounts } from '../helpers/measure-factories.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const fields = (res: { json(): { errors?: { field: string }[] } }) => (res.json().errors ?? []).map((e) => e.field);

describe.each(DIALECTS)('importing measurement results (9.1) on %s', (kind) => {
  let env: TestEnv;
  let org: TestOrg;
  beforeAll(async () => {
    env = await testEnv(kind);
    org = await buildOrg(env.app, env.handle);
  });
  afterAll(() => env?.close());

  const send = (body: string | Buffer, dryRun: boolean, type = 'text/csv') =>
    org.as.contributor.request('POST', `/api/v1/orgs/${org.slug}/measure-results/import?dryRun=${dryRun}`, body, {
      'content-type': type,
    });

  it('checks a CSV in a dry run without writing, then stores it with base columns, source import', async () => {
    const plain = await buildMeasure(org.as.contributor, org.slug);
    const derived = await buildMeasure(org.as.contributor, org.slug, derivedMeasure);
    const csv = [
      'Measure,Measured on,Value,reviewed,total,Note',
      `${plain.ref},2026-01-31,96,,,from the DMS report`,
      `${derived.ref.toLowerCase()},2026-01-31,,18,20,`,
    ].join('\n');
    const before = await measurementCounts(env.handle);
    const dry = await send(csv, true);
    expect(dry.statusCode, dry.body).toBe(200);
    expect(dry.json()).toEqual({ dryRun: true, rows: 2, stored: 2, superseded: 0, unchanged: 0 });
    expect(await measurementCounts(env.handle)).toEqual(before);
    const real = await send(csv, false);
    expect(real.json()).toMatchObject({ dryRun: false, stored: 2 });
    const results = (await org.as.viewer.get(`/api/v1/orgs/${org.slug}/measures/${derived.id}/results`)).json();
    expect(results.items[0]).toMatchObject({ value: 90, source: 'import', baseValues: { reviewed: 18, total: 20 } });
  });

  it('reads an XLSX workbook', async () => {
    const m = await buildMeasure(org.as.contributor, org.slug);
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Results');
    ws.addRow(['Measure', 'Measured on', 'Value']);
    ws.addRow([m.ref, new Date('2026-02-28T00:00:00Z'), 97.5]);
    const res = await send(Buffer.from(await wb.xlsx.writeBuffer()), false, XLSX);
    expect(res.statusCode, res.body).toBe(200);
    expect((await org.as.viewer.get(`/api/v1/orgs/${org.slug}/measures/${m.id}`)).json()).toMatchObject({
      latestPeriod: '2026-02',
      latestValue: 97.5,
    });
  });

  it('refuses the whole file naming the line and column, or a missing or unknown header, writing nothing', async () => {
    const m = await buildMeasure(org.as.contributor, org.slug);
    const before = await measurementCounts(env.handle);
    const bad = await send(
      `Measure,Measured on,Value\n${m.ref},2026-03-31,97\n${m.ref},31/03/2026,x\nMSR-999,2026-03-31,1\n`,
      false,
    );
    expect(bad.statusCode).toBe(400);
    expect(fields(bad)).toEqual(['rows[3].measuredOn', 'rows[3].value']);
    const unknown = await send(`Measure,Measured on,Value\n${m.ref},2026-03-31,97\nMSR-999,2026-03-31,1\n`, false);
    expect(fields(unknown)).toEqual(['rows[3].measure']);
    const headers = await send(`Measure,Value,Not a key!\n${m.ref},1,2\n`, false);
    expect(fields(headers).sort()).toEqual(['header.Not a key!', 'header.measuredOn']);
    expect(await measurementCounts(env.handle)).toEqual(before);
  });

  it('refuses broken, poisoned, oversized and foreign files with a 4xx problem, writing nothing', async () => {
    const m = await buildMeasure(org.as.contributor, org.slug);
    const cases: [string, string, string, number, string | null][] = [
      [
        'NUL in a cell',
        `Measure,Measured on,Value,Note\n${m.ref},2026-01-31,1,a\u0000b\n`,
        'text/csv',
        400,
        'rows[2].Note',
      ],
      ['JSON instead of a file', JSON.stringify({ results: [] }), 'application/json', 400, 'body'],
      ['empty file', '', 'text/csv', 400, 'body'],
      ['unterminated quote', 'Measure\n"never closed\n', 'text/csv', 400, 'body'],
      ['not a workbook', 'PK\u0003\u0004 garbage', XLSX, 400, 'body'],
      ['over 10 MiB', `Measure\n${'x'.repeat(10 * 1024 * 1024 + 1)}`, 'text/csv', 413, null],
      ['unsupported type', '%PDF-1.4', 'application/pdf', 415, null],
    ];
    for (const [label, payload, type, status, field] of cases) {
      const before = await measurementCounts(env.handle);
      const res = await send(payload, false, type);
      const what = `${label} → ${res.statusCode} ${res.body.slice(0, 200)}`;
      expect(res.statusCode, what).toBe(status);
      expect(res.headers['content-type'], what).toContain('application/problem+json');
      if (field) expect(fields(res), what).toContain(field);
      expect(await measurementCounts(env.handle), what).toEqual(before);
    }
  });
});
