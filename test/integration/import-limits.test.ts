import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../helpers/databases.js';
import { testEnv, type TestEnv } from '../helpers/app.js';
import { buildOrg, writeCounts, type TestOrg } from '../helpers/factories.js';
import { sheetBomb, sheetOfRows, xlsxWithSheet } from '../helpers/zip-bombs.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const MB = 1024 * 1024;

/** A real one-sheet workbook to graft a hostile sheet into. */
async function smallWorkbook(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('Actions').addRow(['Title']);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The highest resident memory of this process (server and test alike) while `work` runs. */
async function peakRssGrowth<T>(work: () => Promise<T>): Promise<{ result: T; grewMb: number }> {
  const start = process.memoryUsage().rss;
  let peak = start;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
  try {
    const result = await work();
    peak = Math.max(peak, process.memoryUsage().rss);
    return { result, grewMb: (peak - start) / MB };
  } finally {
    clearInterval(timer);
  }
}

let bomb: Buffer;
let liar: Buffer;
let tooManyRows: Buffer;
beforeAll(async () => {
  const base = await smallWorkbook();
  // ~400 MB of sheet XML in a file of about a megabyte; the second declares 2 KB and inflates to the same.
  bomb = await xlsxWithSheet(base, await sheetBomb(400));
  liar = await xlsxWithSheet(base, await sheetBomb(400, 2048));
  tooManyRows = await xlsxWithSheet(base, sheetOfRows(50_001));
});

describe.each(DIALECTS)('import limits on %s', (kind) => {
  let env: TestEnv;
  let org: TestOrg;
  beforeAll(async () => {
    env = await testEnv(kind);
    org = await buildOrg(env.app, env.handle);
  });
  afterAll(() => env?.close());

  const send = (body: string | Buffer, type: string, dryRun = false) =>
    org.as.contributor.request('POST', `/api/v1/orgs/${org.slug}/actions/import?dryRun=${dryRun}`, body, {
      'content-type': type,
    });

  it('refuses an XLSX whose sheet inflates to hundreds of megabytes, without reading it, and keeps answering', async () => {
    expect(bomb.length).toBeLessThan(2 * MB);
    const before = await writeCounts(env.handle);
    const { result: res, grewMb } = await peakRssGrowth(async () => {
      const pending = send(bomb, XLSX);
      // another tenant's request is answered while the upload is being looked at
      expect((await env.app.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200);
      return pending;
    });
    expect(res.statusCode).toBe(413);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json().detail).toMatch(/too large to read: xl\/worksheets\/sheet1\.xml inflates to 400 MB/);
    expect(res.json().errors[0].field).toBe('body');
    expect(grewMb).toBeLessThan(150);
    expect(await writeCounts(env.handle)).toEqual(before);
  });

  it('refuses a sheet that inflates past the size it declares, and memory stays flat', async () => {
    const before = await writeCounts(env.handle);
    const { result: res, grewMb } = await peakRssGrowth(() => send(liar, XLSX, true));
    expect(res.statusCode).toBe(413);
    expect(res.json().errors).toEqual([
      { field: 'body', message: expect.stringMatching(/more than the 2048 bytes it declares/) },
    ]);
    expect(grewMb).toBeLessThan(150);
    expect(await writeCounts(env.handle)).toEqual(before);
    expect((await env.app.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200);
  });

  it('refuses more rows than an import takes, in XLSX and in CSV', async () => {
    const before = await writeCounts(env.handle);
    const xlsx = await send(tooManyRows, XLSX);
    expect(xlsx.statusCode).toBe(400);
    expect(xlsx.json().errors).toEqual([{ field: 'body', message: 'At most 50000 rows per import' }]);
    const csv = await send(`Title\n${'x\n'.repeat(50_001)}`, 'text/csv');
    expect(csv.statusCode).toBe(400);
    expect(csv.json().errors).toEqual([{ field: 'body', message: 'At most 50000 rows per import' }]);
    // empty lines are not rows: a file of blank lines holds none, and costs nothing to skip
    const blank = await send(`Title\nOne row\n${'\n'.repeat(2 * MB)}`, 'text/csv', true);
    expect(blank.json()).toMatchObject({ rows: 1, created: 1 });
    expect(await writeCounts(env.handle)).toEqual(before);
  });

  it('refuses more columns than an import takes', async () => {
    const res = await send(`${Array.from({ length: 250 }, (_, i) => `C${i}`).join(',')}\n`, 'text/csv');
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0]).toEqual({ field: 'body', message: 'At most 200 columns per import' });
  });
});
