import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../helpers/databases.js';
import { testEnv, type TestEnv } from '../helpers/app.js';
import { buildAction, buildOrg, writeCounts, type TestOrg } from '../helpers/factories.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

describe.each(DIALECTS)('register import on %s', (kind) => {
  let env: TestEnv;
  let org: TestOrg;
  beforeAll(async () => {
    env = await testEnv(kind);
    org = await buildOrg(env.app, env.handle);
  });
  afterAll(() => env?.close());

  const importUrl = (dryRun: boolean) => `/api/v1/orgs/${org.slug}/actions/import?dryRun=${dryRun}`;
  const send = (body: string | Buffer, dryRun: boolean, type = 'text/csv') =>
    org.as.contributor.request('POST', importUrl(dryRun), body, { 'content-type': type });

  it('creates from CSV, then updates instead of duplicating when the exported file is imported again', async () => {
    const csv = `Title,Due date,Status,Owner,Priority\nPatch the VPN,2030-01-15,open,${org.users.contributor.email},high\n"Train staff, all teams",2030-02-01,in_progress,,low\n`;
    const dry = await send(csv, true);
    expect(dry.statusCode).toBe(200);
    expect(dry.json()).toMatchObject({ dryRun: true, applied: false, rows: 2, created: 2, updated: 0, errors: [] });
    const real = await send(csv, false);
    expect(real.json()).toMatchObject({ applied: true, created: 2 });

    const exported = await org.as.contributor.get(`/api/v1/orgs/${org.slug}/actions/export.csv?q=vpn`);
    const again = await send(exported.body, false);
    expect(again.json()).toMatchObject({ applied: true, created: 0, updated: 0, unchanged: 1 });
    expect(again.json().ignoredColumns).toEqual(expect.arrayContaining(['Created', 'Updated']));

    const edited = exported.body.replace('Patch the VPN', 'Patch the VPN gateway');
    expect((await send(edited, false)).json()).toMatchObject({ updated: 1, created: 0 });
    const list = await org.as.contributor.get(`/api/v1/orgs/${org.slug}/actions?q=vpn`);
    expect(list.json().items.map((i: { title: string }) => i.title)).toEqual(['Patch the VPN gateway']);
  });

  it('reports every bad row with its line and field, and writes nothing', async () => {
    const other = await buildAction(org.as.contributor, org.slug);
    const csv = [
      'Reference,Title,Due date,Status,Owner',
      ',Fine row,2030-01-01,open,',
      ',,2030-01-01,open,',
      ',Bad date,31/12/2030,open,',
      ',Bad status,2030-01-01,someday,',
      ',Stranger,2030-01-01,open,nobody@example.test',
      'ACT-999,Unknown ref,2030-01-01,open,',
      `${other.ref},Twice,,open,`,
      `${other.ref},Twice again,,open,`,
    ].join('\n');
    const before = await writeCounts(env.handle);
    const dry = await send(csv, true);
    expect(dry.statusCode).toBe(200);
    const lines = dry.json().errors.map((e: { line: number; field: string }) => `${e.line}:${e.field}`);
    expect(lines).toEqual(expect.arrayContaining(['3:title', '4:dueDate', '5:status', '6:ownerId', '7:ref', '9:ref']));
    const real = await send(csv, false);
    expect(real.statusCode).toBe(400);
    expect(real.headers['content-type']).toContain('application/problem+json');
    expect(real.json().errors.map((e: { field: string }) => e.field)).toContain('rows[4].dueDate');
    expect(await writeCounts(env.handle)).toEqual(before);
  });

  it('reads XLSX workbooks, including real date cells', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Actions');
    ws.addRow(['Title', 'Due date', 'Status']);
    ws.addRow(['From a workbook', new Date('2031-03-04T00:00:00Z'), 'open']);
    const body = Buffer.from(await wb.xlsx.writeBuffer());
    const res = await send(body, false, XLSX);
    expect(res.json()).toMatchObject({ applied: true, created: 1 });
    const list = await org.as.contributor.get(`/api/v1/orgs/${org.slug}/actions?q=workbook`);
    expect(list.json().items[0].dueDate).toBe('2031-03-04');
  });

  it('gives back exactly what was exported, text that looks like a formula included, in CSV and XLSX', async () => {
    const titles = [
      '=SUM(A1:A2) formula-like',
      '- a Markdown bullet',
      '+44 20 7946 0000 phone',
      '@security-team handle',
      "'=quoted already",
      "It's fine",
    ];
    for (const title of titles) await buildAction(org.as.contributor, org.slug, { title });
    const list = () =>
      org.as.contributor
        .get(`/api/v1/orgs/${org.slug}/actions?sort=ref&pageSize=100`)
        .then((r) => r.json().items.map((i: { title: string }) => i.title));
    const before = await list();
    expect(before).toEqual(expect.arrayContaining(titles));

    const csv = await org.as.contributor.get(`/api/v1/orgs/${org.slug}/actions/export.csv`);
    expect(csv.body).toContain("'=SUM(A1:A2)"); // still neutralized for spreadsheets
    expect((await send(csv.body, false)).json()).toMatchObject({
      applied: true,
      created: 0,
      updated: 0,
      unchanged: before.length,
    });
    const xlsx = await org.as.contributor.get(`/api/v1/orgs/${org.slug}/actions/export.xlsx`);
    expect((await send(xlsx.rawPayload, false, XLSX)).json()).toMatchObject({
      applied: true,
      created: 0,
      updated: 0,
      unchanged: before.length,
    });
    expect(await list()).toEqual(before);
  });

  it('rejects files it cannot read, and callers who may not import', async () => {
    expect((await send(Buffer.from('not a zip'), true, XLSX)).statusCode).toBe(400);
    expect((await send('', true)).statusCode).toBe(400);
    const json = await org.as.contributor.post(importUrl(true), { title: 'x' });
    expect(json.statusCode).toBe(400);
    const viewer = await org.as.viewer.request('POST', importUrl(true), 'Title\nx\n', { 'content-type': 'text/csv' });
    expect(viewer.statusCode).toBe(403);
  });
});
