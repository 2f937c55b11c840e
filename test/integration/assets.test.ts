import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../src/db/connect.js';
import { loadDemo } from '../../src/core/demo/demo.service.js';
import { ASSET_TYPES } from '../../src/schema/risks/asset.register.js';
import { STARTER_THREATS, STARTER_VULNERABILITIES } from '../../src/schema/risks/threat-catalog.js';
import { DIALECTS, openTestDatabase } from '../helpers/databases.js';
import { testEnv, type TestEnv } from '../helpers/app.js';
import { buildOrg, writeCounts, type TestOrg } from '../helpers/factories.js';
import { buildAsset, buildDependency } from '../helpers/asset-factories.js';
import { buildProcess } from '../helpers/leadership-factories.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
type Item = { id: string; ref: string; name: string } & Record<string, unknown>;

describe.each(DIALECTS)('assets and their dependencies on %s', (kind) => {
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
  const names = async (q: string) =>
    ((await org.as.viewer.get(url(`/assets${q}`))).json().items as Item[]).map((i) => i.name);

  it('creates assets with AST references, in use by default, with the value derived from C/I/A', async () => {
    const process = await buildProcess(org.as.contributor, org.slug, { name: 'Payroll operations' });
    const a = await buildAsset(org.as.contributor, org.slug, {
      name: 'Payroll database',
      type: 'information',
      ownerId: org.users.isms_manager.id,
      custodian: 'Platform team',
      location: 'Cloud region eu-west',
      confidentiality: 'very_high',
      integrity: 'high',
      availability: 'medium',
      processId: process.id,
    });
    expect(a.ref).toMatch(/^AST-\d{3}$/);
    expect(a).toMatchObject({ status: 'in_use', value: 'very_high', valueDerived: true, custodian: 'Platform team' });
    const got = (await org.as.viewer.get(url(`/assets/${a.id}`))).json();
    expect(got.related[process.id]).toMatchObject({
      type: 'isms_process',
      ref: process.ref,
      title: 'Payroll operations',
    });
    // nothing to derive from: no value
    expect(await buildAsset(org.as.contributor, org.slug, { type: 'site' })).toMatchObject({
      value: null,
      valueDerived: true,
    });
  });

  it('keeps a derived value in step with C/I/A until someone sets it, and hands it back when cleared', async () => {
    const a = await buildAsset(org.as.contributor, org.slug, { confidentiality: 'low', integrity: 'medium' });
    expect(a.value).toBe('medium');
    const patch = (body: Record<string, unknown>) =>
      org.as.contributor.request('PATCH', url(`/assets/${a.id}`), body).then((r) => r.json());
    expect(await patch({ availability: 'very_high' })).toMatchObject({ value: 'very_high', valueDerived: true });
    // sending the value it already has does not pin it
    expect(await patch({ value: 'very_high', availability: 'low' })).toMatchObject({
      value: 'medium',
      valueDerived: true,
    });
    expect(await patch({ value: 'high' })).toMatchObject({ value: 'high', valueDerived: false });
    expect(await patch({ confidentiality: 'very_high' })).toMatchObject({ value: 'high', valueDerived: false });
    expect(await patch({ value: null })).toMatchObject({ value: 'very_high', valueDerived: true });
    const set = await buildAsset(org.as.contributor, org.slug, { confidentiality: 'low', value: 'very_high' });
    expect(set).toMatchObject({ value: 'very_high', valueDerived: false });
  });

  it('filters by type, owner, status and each of C/I/A and value; searches name, reference and description', async () => {
    const tag = `zx${Date.now()}`;
    const a = await buildAsset(org.as.contributor, org.slug, {
      name: `${tag} laptop`,
      type: 'hardware',
      ownerId: org.users.viewer.id,
      confidentiality: 'high',
      availability: 'low',
      status: 'being_retired',
    });
    const b = await buildAsset(org.as.contributor, org.slug, {
      name: `${tag} HR files`,
      type: 'information',
      confidentiality: 'low',
      integrity: 'very_high',
      description: 'Kept in the locked cabinet',
    });
    expect(await names(`?q=${tag}&type=hardware`)).toEqual([a.name]);
    expect(await names(`?q=${tag}&ownerId=${org.users.viewer.id}`)).toEqual([a.name]);
    expect(await names(`?q=${tag}&status=being_retired`)).toEqual([a.name]);
    expect(await names(`?q=${tag}&confidentiality=high,very_high`)).toEqual([a.name]);
    expect(await names(`?q=${tag}&integrity=very_high`)).toEqual([b.name]);
    expect(await names(`?q=${tag}&availability=low`)).toEqual([a.name]);
    expect(await names(`?q=${tag}&value=very_high`)).toEqual([b.name]);
    expect(await names('?q=locked cabinet')).toEqual([b.name]);
    expect(await names(`?q=${b.ref}`)).toEqual([b.name]);
    expect((await org.as.viewer.get(url('/assets?type=spaceship'))).json().errors[0].field).toMatch(/^query\.type/);
  });

  it('sorts by name case-insensitively by default, and C/I/A and value along the scale', async () => {
    const tag = `sorted${Date.now()}`;
    for (const [name, value] of [
      ['b', 'very_high'],
      ['A', 'low'],
      ['c', 'high'],
      ['D', 'medium'],
    ] as const) {
      await buildAsset(org.as.contributor, org.slug, { name: `${tag} ${name}`, value });
    }
    await buildAsset(org.as.contributor, org.slug, { name: `${tag} e` });
    expect(await names(`?q=${tag}`)).toEqual(['A', 'b', 'c', 'D', 'e'].map((n) => `${tag} ${n}`));
    expect(await names(`?q=${tag}&sort=value&order=asc`)).toEqual(['A', 'D', 'c', 'b', 'e'].map((n) => `${tag} ${n}`));
    expect(await names(`?q=${tag}&sort=value&order=desc`)).toEqual(['b', 'c', 'D', 'A', 'e'].map((n) => `${tag} ${n}`));
  });

  it('finds assets by every word typed, in any order (the typeahead), and sorts references by number', async () => {
    const tag = `ta${Date.now()}`;
    const net = await buildAsset(org.as.contributor, org.slug, {
      name: `${tag} Leeds office network and Wi-Fi`,
      type: 'hardware',
    });
    await buildAsset(org.as.contributor, org.slug, { name: `${tag} Leeds office`, type: 'site' });
    expect(await names(`?q=${tag} leeds net`)).toEqual([net.name]);
    expect(await names(`?q=${tag} wi-fi LEEDS`)).toEqual([net.name]);
    expect(await names(`?q=${tag} leeds`)).toHaveLength(2);
    expect(await names(`?q=${tag} leeds nowhere`)).toEqual([]);
    // past AST-999 the references must still come in number order, not as text (AST-1000 after AST-999)
    await env.handle.db
      .updateTable('refCounters')
      .set({ nextValue: 997 })
      .where('orgId', '=', org.id)
      .where('prefix', '=', 'AST')
      .execute();
    const refs: string[] = [];
    for (let i = 0; i < 3; i++)
      refs.push((await buildAsset(org.as.contributor, org.slug, { name: `${tag} numbered ${i}` })).ref);
    expect(refs).toEqual(['AST-998', 'AST-999', 'AST-1000']);
    const sorted = (
      (await org.as.viewer.get(url(`/assets?q=${tag} numbered&sort=ref&order=asc`))).json().items as Item[]
    ).map((i) => i.ref);
    expect(sorted).toEqual(refs);
    const desc = (
      (await org.as.viewer.get(url(`/assets?q=${tag} numbered&sort=ref&order=desc`))).json().items as Item[]
    ).map((i) => i.ref);
    expect(desc).toEqual([...refs].reverse());
  });

  it("shows an asset's dependencies from both ends with the asset at the other end", async () => {
    const host = await buildAsset(org.as.contributor, org.slug, {
      name: 'View host',
      type: 'hardware',
      confidentiality: 'high',
    });
    const app = await buildAsset(org.as.contributor, org.slug, { name: 'View app', type: 'software' });
    const user = await buildAsset(org.as.contributor, org.slug, { name: 'View users', type: 'people' });
    const d1 = await buildDependency(org.as.contributor, org.slug, host.id, app.id, { description: 'hosts' });
    await buildDependency(org.as.contributor, org.slug, app.id, user.id);
    expect((await org.as.isms_manager.del(url(`/assets/${user.id}`))).statusCode).toBe(204);
    const view = (await org.as.viewer.get(url(`/assets/${app.id}/dependencies`))).json();
    expect(view.dependsOn).toEqual([
      {
        id: d1.id,
        ref: d1.ref,
        description: 'hosts',
        version: 1,
        asset: {
          id: host.id,
          ref: host.ref,
          name: 'View host',
          type: 'hardware',
          status: 'in_use',
          value: 'high',
          archived: false,
        },
      },
    ]);
    expect(view.supports).toEqual([
      expect.objectContaining({ asset: expect.objectContaining({ id: user.id, archived: true }) }),
    ]);
    expect((await org.as.viewer.get(url('/assets/00000000-0000-4000-8000-000000000000/dependencies'))).statusCode).toBe(
      404,
    );
  });

  it('names the field of bad input and writes nothing', async () => {
    const before = await writeCounts(env.handle);
    const cases: [Record<string, unknown>, string][] = [
      [{ type: 'hardware' }, 'body.name'],
      [{ name: 'x' }, 'body.type'],
      [{ name: 'x', type: 'car' }, 'body.type'],
      [{ name: 'x', type: 'site', confidentiality: 'extreme' }, 'body.confidentiality'],
      [{ name: 'x', type: 'site', value: 4 }, 'body.value'],
      [{ name: 'x', type: 'site', status: 'lost' }, 'body.status'],
      [{ name: 'x', type: 'site', ownerId: '00000000-0000-4000-8000-000000000000' }, 'body.ownerId'],
      [{ name: 'x', type: 'site', processId: '00000000-0000-4000-8000-000000000000' }, 'body.processId'],
      [{ name: 'x', type: 'site', valueDerived: false }, 'body.valueDerived'],
      [{ name: 'x'.repeat(201), type: 'site' }, 'body.name'],
    ];
    for (const [body, field] of cases) {
      const res = await org.as.contributor.post(url('/assets'), body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().errors.map((e: { field: string }) => e.field)).toContain(field);
    }
    expect(await writeCounts(env.handle)).toEqual(before);
  });

  it('records which asset supports which and lists them from either end', async () => {
    const server = await buildAsset(org.as.contributor, org.slug, { name: 'Database cluster', type: 'hardware' });
    const db = await buildAsset(org.as.contributor, org.slug, { name: 'Payroll DB', type: 'software' });
    const app = await buildAsset(org.as.contributor, org.slug, { name: 'PayFlow app', type: 'service' });
    const d1 = await buildDependency(org.as.contributor, org.slug, server.id, db.id, { description: 'runs on' });
    const d2 = await buildDependency(org.as.contributor, org.slug, db.id, app.id);
    expect(d1.ref).toMatch(/^ADEP-\d{3}$/);
    const list = (await org.as.viewer.get(url(`/asset-dependencies?assetId=${db.id}`))).json();
    expect(list.items.map((i: Item) => i.id).sort()).toEqual([d1.id, d2.id].sort());
    expect(list.related[server.id]).toMatchObject({ type: 'asset', ref: server.ref, title: 'Database cluster' });
    expect(
      (await org.as.viewer.get(url(`/asset-dependencies?supportingAssetId=${db.id}`)))
        .json()
        .items.map((i: Item) => i.id),
    ).toEqual([d2.id]);
    // contributors remove a dependency as they add one
    expect((await org.as.contributor.del(url(`/asset-dependencies/${d2.id}`))).statusCode).toBe(204);
    expect(
      (await org.as.viewer.get(url(`/asset-dependencies?assetId=${db.id}`))).json().items.map((i: Item) => i.id),
    ).toEqual([d1.id]);
    // and may record it again once removed
    await buildDependency(org.as.contributor, org.slug, db.id, app.id);
  });

  it('refuses an asset supporting itself, a second dependency for the same pair, and an archived asset', async () => {
    const a = await buildAsset(org.as.contributor, org.slug);
    const b = await buildAsset(org.as.contributor, org.slug);
    const before = await writeCounts(env.handle);
    const self = await org.as.contributor.post(url('/asset-dependencies'), {
      supportingAssetId: a.id,
      supportedAssetId: a.id,
    });
    expect(self.statusCode).toBe(400);
    expect(self.json().errors[0].field).toBe('body.supportedAssetId');
    expect(await writeCounts(env.handle)).toEqual(before);
    const first = await buildDependency(org.as.contributor, org.slug, a.id, b.id);
    const dup = await org.as.contributor.post(url('/asset-dependencies'), {
      supportingAssetId: a.id,
      supportedAssetId: b.id,
    });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().detail).toContain(first.ref);
    await buildDependency(org.as.contributor, org.slug, b.id, a.id); // the other direction is another dependency
    const c = await buildAsset(org.as.contributor, org.slug);
    // moving an existing dependency onto a pair already recorded is a conflict too
    const move = await org.as.contributor.request(
      'PATCH',
      url(`/asset-dependencies/${(await buildDependency(org.as.contributor, org.slug, c.id, b.id)).id}`),
      { supportingAssetId: a.id },
    );
    expect(move.statusCode).toBe(409);
    expect((await org.as.isms_manager.del(url(`/assets/${b.id}`))).statusCode).toBe(204);
    const archived = await org.as.contributor.post(url('/asset-dependencies'), {
      supportingAssetId: c.id,
      supportedAssetId: b.id,
      description: 'x',
    });
    expect(archived.statusCode).toBe(400);
    expect(archived.json().errors[0]).toMatchObject({
      field: 'body.supportedAssetId',
      message: expect.stringContaining(b.ref),
    });
    // contributors may not archive assets
    expect((await org.as.contributor.del(url(`/assets/${a.id}`))).statusCode).toBe(403);
  });

  it("never reaches another organization's assets", async () => {
    const other = await buildOrg(env.app, env.handle);
    const theirs = await buildAsset(other.as.admin, other.slug, { name: 'Their secret asset' });
    const mine = await buildAsset(org.as.contributor, org.slug);
    const before = await writeCounts(env.handle);
    const dep = await org.as.contributor.post(url('/asset-dependencies'), {
      supportingAssetId: mine.id,
      supportedAssetId: theirs.id,
    });
    expect(dep.statusCode).toBe(400);
    expect(dep.json().errors).toContainEqual({
      field: 'body.supportedAssetId',
      message: expect.stringContaining('No asset'),
    });
    expect((await org.as.viewer.get(url(`/assets/${theirs.id}`))).statusCode).toBe(404);
    expect((await org.as.viewer.get(url(`/assets/${theirs.id}/dependencies`))).statusCode).toBe(404);
    expect(
      (await org.as.contributor.request('PATCH', url(`/assets/${theirs.id}`), { name: 'mine now' })).statusCode,
    ).toBe(404);
    expect(await names('?q=Their secret asset')).toEqual([]);
    expect((await org.as.viewer.get(url(`/asset-dependencies?assetId=${theirs.id}`))).json().items).toEqual([]);
    // an inventory row naming their asset does not match it: it creates one here (dry run)
    const dry = await importCsv('Name,Type\nTheir secret asset,software\n', true);
    expect(dry.json()).toMatchObject({ created: 1, updated: 0, unchanged: 0 });
    expect(await writeCounts(env.handle)).toEqual(before);
  });

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

  it('lets viewers and auditors read and export, not write', async () => {
    for (const role of ['viewer', 'auditor'] as const) {
      expect((await org.as[role].get(url('/assets'))).statusCode).toBe(200);
      expect((await org.as[role].get(url('/assets/export.csv'))).statusCode).toBe(200);
      expect((await org.as[role].post(url('/assets'), { name: 'Nope', type: 'site' })).statusCode).toBe(403);
      expect((await org.as[role].post(url('/asset-dependencies'), {})).statusCode).toBe(403);
    }
  });
});

describe.each(DIALECTS)('demo assets of Example Ltd on %s', (kind) => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await openTestDatabase(kind);
    await loadDemo(handle.db);
  });
  afterAll(() => handle?.close());

  it('has a few dozen assets of every type, the mobile phone of 27003, dependencies between them and the starting catalog', async () => {
    const org = await handle.db
      .selectFrom('organizations')
      .select('id')
      .where('slug', '=', 'example')
      .executeTakeFirstOrThrow();
    const assets = await handle.db.selectFrom('assets').selectAll().where('orgId', '=', org.id).execute();
    expect(assets.length).toBeGreaterThanOrEqual(24);
    expect(new Set(assets.map((a) => a.type))).toEqual(new Set(ASSET_TYPES));
    const phone = assets.find((a) => /mobile phone/i.test(a.name))!;
    expect(phone).toMatchObject({
      type: 'hardware',
      confidentiality: 'high',
      availability: 'high',
      value: 'high',
      valueDerived: 1,
    });
    const deps = await handle.db.selectFrom('assetDependencies').selectAll().where('orgId', '=', org.id).execute();
    expect(deps.length).toBeGreaterThanOrEqual(20);
    expect(deps.filter((d) => d.supportingAssetId === phone.id).length).toBeGreaterThanOrEqual(2);
    const threats = await handle.db.selectFrom('threats').select('starterKey').where('orgId', '=', org.id).execute();
    expect(threats.length).toBeGreaterThanOrEqual(STARTER_THREATS.length);
    const vulnerabilities = await handle.db
      .selectFrom('vulnerabilities')
      .select('id')
      .where('orgId', '=', org.id)
      .execute();
    expect(vulnerabilities.length).toBeGreaterThanOrEqual(STARTER_VULNERABILITIES.length);
  });
});
