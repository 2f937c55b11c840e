import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../helpers/databases.js';
import { testEnv, type TestEnv } from '../helpers/app.js';
import { buildOrg, writeCounts, type TestOrg } from '../helpers/factories.js';
import { buildAsset, buildDependency } from '../helpers/asset-factories.js';
import { buildProcess } from '../helpers/leadership-factories.js';

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

  it('lets viewers and auditors read and export, not write', async () => {
    for (const role of ['viewer', 'auditor'] as const) {
      expect((await org.as[role].get(url('/assets'))).statusCode).toBe(200);
      expect((await org.as[role].get(url('/assets/export.csv'))).statusCode).toBe(200);
      expect((await org.as[role].post(url('/assets'), { name: 'Nope', type: 'site' })).statusCode).toBe(403);
      expect((await org.as[role].post(url('/asset-dependencies'), {})).statusCode).toBe(403);
    }
  });
});
