import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../helpers/databases.js';
import { testEnv, type TestEnv } from '../helpers/app.js';
import { buildOrg, writeCounts, type TestOrg } from '../helpers/factories.js';
import { buildAsset } from '../helpers/asset-factories.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
type Item = { id: string; ref: string; name: string } & Record<string, unknown>;

describe.each(DIALECTS)('importing assets and their dependencies on %s', (kind) => {
  let env: TestEnv;
  let org: TestOrg;
  beforeAll(async () => {
    env = await testEnv(kind);
    org = await buildOrg(env.app, env.handle);
  });
  afterAll(() => env?.close());

  const url = (path = '') => `/api/v1/orgs/${org.slug}${path}`;
  const importCsv = (csv: string | Buffer, dryRun: boolean, type = 'text/csv', as = org.as.contributor) =>
    as.request('POST', url(`/assets/import?dryRun=${dryRun}`), csv, { 'content-type': type });

  describe('import of an inventory from another tool (no references)', () => {
    const inventory = (tag: string) =>
      [
        'Name,Type,Confidentiality,Integrity,Availability,Owner,Location,Status',
        `${tag} CRM,Software,High,Medium,Medium,,EU cloud,In use`,
        `${tag} Office Wi-Fi,service,low,medium,high,,Leeds office,in_use`,
        `${tag} Badge system,hardware,Medium,Very high,Low,,Leeds office,Planned`,
      ].join('\n');

    it('creates on the first run, changes nothing on the second, and updates by name case-insensitively', async () => {
      const tag = `inv${Date.now()}`;
      const first = await importCsv(inventory(tag), false);
      expect(first.json()).toMatchObject({ applied: true, rows: 3, created: 3, updated: 0, errors: [] });
      const listed = (await org.as.viewer.get(url(`/assets?q=${tag}`))).json().items as Item[];
      expect(listed.find((i) => i.name === `${tag} CRM`)).toMatchObject({
        type: 'software',
        confidentiality: 'high',
        value: 'high',
        valueDerived: true,
        status: 'in_use',
      });

      const before = await writeCounts(env.handle);
      const second = await importCsv(inventory(tag), false);
      expect(second.json()).toMatchObject({ applied: true, created: 0, updated: 0, unchanged: 3 });
      expect(await writeCounts(env.handle)).toEqual(before);

      const changed = inventory(tag).replace(`${tag} CRM,Software,High`, `${tag} crm,Software,Very high`);
      expect((await importCsv(changed, false)).json()).toMatchObject({ created: 0, updated: 1, unchanged: 2 });
      const crm = (await org.as.viewer.get(url(`/assets?q=${tag} crm`))).json().items as Item[];
      expect(crm).toHaveLength(1);
      expect(crm[0]).toMatchObject({ name: `${tag} crm`, confidentiality: 'very_high', value: 'very_high' });
    });

    it('imports an exported XLSX again without duplicating, and a Reference still wins over the name', async () => {
      const tag = `xl${Date.now()}`;
      const a = await buildAsset(org.as.contributor, org.slug, {
        name: `${tag} Payroll files`,
        confidentiality: 'high',
      });
      const exported = await org.as.viewer.get(url(`/assets/export.xlsx?q=${tag}`));
      expect(exported.statusCode).toBe(200);
      const again = await importCsv(exported.rawPayload, false, XLSX);
      expect(again.json()).toMatchObject({ applied: true, created: 0, unchanged: 1 });

      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet('Inventory');
      ws.addRow(['Reference', 'Name', 'Type']);
      ws.addRow([a.ref, `${tag} Payroll files renamed`, 'information']);
      const renamed = await importCsv(Buffer.from(await wb.xlsx.writeBuffer()), false, XLSX);
      expect(renamed.json()).toMatchObject({ updated: 1, created: 0 });
      expect((await org.as.viewer.get(url(`/assets/${a.id}`))).json().name).toBe(`${tag} Payroll files renamed`);
    });

    it('reports an ambiguous name, a name twice in the file and a record described twice, on their lines, and writes nothing', async () => {
      const tag = `amb${Date.now()}`;
      const x1 = await buildAsset(org.as.contributor, org.slug, { name: `${tag} Laptop` });
      const x2 = await buildAsset(org.as.contributor, org.slug, { name: `${tag} LAPTOP` });
      const single = await buildAsset(org.as.contributor, org.slug, { name: `${tag} Printer` });
      const csv = [
        'Reference,Name,Type',
        `,${tag} laptop,hardware`,
        `,${tag} New phone,hardware`,
        `,${tag} new PHONE,hardware`,
        `${single.ref},${tag} Printer,hardware`,
        `,${tag} printer,hardware`,
        `,${tag} Fine,hardware`,
      ].join('\n');
      const before = await writeCounts(env.handle);
      const dry = (await importCsv(csv, true)).json();
      const at = (line: number) => dry.errors.filter((e: { line: number }) => e.line === line);
      expect(at(2)).toEqual([
        { line: 2, field: 'name', message: expect.stringMatching(new RegExp(`${x1.ref}|${x2.ref}`)) },
      ]);
      expect(at(2)[0].message).toContain('2 current records');
      expect(at(3)).toEqual([]);
      expect(at(4)).toEqual([{ line: 4, field: 'name', message: expect.stringContaining('line 3') }]);
      expect(at(5)).toEqual([]);
      expect(at(6)).toEqual([
        { line: 6, field: 'name', message: expect.stringContaining(`${single.ref} is already described on line 5`) },
      ]);
      expect(at(7)).toEqual([]);
      const real = await importCsv(csv, false);
      expect(real.statusCode).toBe(400);
      expect(real.json().errors.map((e: { field: string }) => e.field)).toEqual(
        expect.arrayContaining(['rows[2].name', 'rows[4].name', 'rows[6].name']),
      );
      expect(await writeCounts(env.handle)).toEqual(before);
    });

    it('matches only current assets: an archived one with the same name is left alone', async () => {
      const tag = `arch${Date.now()}`;
      const old = await buildAsset(org.as.contributor, org.slug, { name: `${tag} Old NAS`, type: 'hardware' });
      await org.as.isms_manager.del(url(`/assets/${old.id}`));
      const res = await importCsv(`Name,Type\n${tag} old nas,hardware\n`, false);
      expect(res.json()).toMatchObject({ created: 1, updated: 0 });
      expect((await org.as.viewer.get(url(`/assets/${old.id}`))).json().name).toBe(`${tag} Old NAS`);
    });

    it('leaves registers without a match rule alone: actions rows without a Reference always create', async () => {
      const csv = 'Title\nSame action twice\n';
      const a = await org.as.contributor.request('POST', url('/actions/import?dryRun=false'), csv, {
        'content-type': 'text/csv',
      });
      const b = await org.as.contributor.request('POST', url('/actions/import?dryRun=false'), csv, {
        'content-type': 'text/csv',
      });
      expect([a.json().created, b.json().created]).toEqual([1, 1]);
    });
  });

  it('imports dependencies by asset reference', async () => {
    const a = await buildAsset(org.as.contributor, org.slug, { name: 'Import source' });
    const b = await buildAsset(org.as.contributor, org.slug, { name: 'Import target' });
    const csv = `Supporting asset,Supported asset,Description\n${a.ref} — Import source,${b.ref},hosts\n`;
    const res = await org.as.contributor.request('POST', url('/asset-dependencies/import?dryRun=false'), csv, {
      'content-type': 'text/csv',
    });
    expect(res.json()).toMatchObject({ applied: true, created: 1 });
    const self = `Supporting asset,Supported asset\n${a.ref},${a.ref}\n`;
    const bad = await org.as.contributor.request('POST', url('/asset-dependencies/import?dryRun=false'), self, {
      'content-type': 'text/csv',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('rows[2].supportedAssetId');
  });
});
