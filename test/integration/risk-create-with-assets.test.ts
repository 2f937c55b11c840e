import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEnv, type TestEnv } from '../helpers/app.js';
import { buildAsset } from '../helpers/asset-factories.js';
import { DIALECTS } from '../helpers/databases.js';
import { buildOrg, writeCounts, type TestOrg } from '../helpers/factories.js';

type Linked = { id: string; ref: string; title: string };

/**
 * A risk is created with the assets it bears on in one call (issue 13, what an integrator hit): `assetIds` on the
 * create body, checked against the organization's current assets, written in the risk's transaction and audited as
 * linking them later is.
 */
describe.each(DIALECTS)('creating a risk with its assets on %s', (kind) => {
  let env: TestEnv;
  let org: TestOrg;
  beforeAll(async () => {
    env = await testEnv(kind);
    org = await buildOrg(env.app, env.handle);
  });
  afterAll(() => env?.close());
  const url = (path: string, o: TestOrg = org) => `/api/v1/orgs/${o.slug}${path}`;
  const auditOf = (entityId: string) =>
    env.handle.db
      .selectFrom('auditEvents')
      .select(['type', 'payload'])
      .where('orgId', '=', org.id)
      .where('entityId', '=', entityId)
      .orderBy('seq')
      .execute();

  it('links the assets in the same call, with the audit events of creating then linking', async () => {
    const server = await buildAsset(org.as.contributor, org.slug, { name: 'File server' });
    const laptop = await buildAsset(org.as.contributor, org.slug, { name: 'Laptops' });
    const res = await org.as.contributor.post(url('/risks'), {
      title: 'Ransomware on the file server',
      assetIds: [server.id, laptop.id],
    });
    expect(res.statusCode, res.body).toBe(201);
    const risk = res.json() as { id: string; ref: string; title: string };
    expect(risk).toMatchObject({ title: 'Ransomware on the file server', ref: expect.stringMatching(/^RISK-/) });
    expect(risk).not.toHaveProperty('assetIds');

    const assets = (await org.as.viewer.get(url(`/risks/${risk.id}/assets`))).json();
    expect(assets.total).toBe(2);
    expect((assets.items as Linked[]).map((a) => a.id).sort()).toEqual([server.id, laptop.id].sort());
    const events = await auditOf(risk.id);
    expect(events.map((e) => e.type)).toEqual(['record.created', 'risk.assets_set']);
    expect(JSON.parse(events[1]!.payload)).toEqual({
      ref: risk.ref,
      added: [server.ref, laptop.ref],
      removed: [],
    });
    // the asset's side lists the risk too
    const byAsset = (await org.as.viewer.get(url(`/risks?assetId=${server.id}`))).json();
    expect((byAsset.items as { id: string }[]).map((r) => r.id)).toEqual([risk.id]);
  });

  it('without assetIds (or with none) a risk is created as before, and nothing is linked', async () => {
    for (const body of [{ title: 'No assets' }, { title: 'Empty assets', assetIds: [] }]) {
      const res = await org.as.contributor.post(url('/risks'), body);
      expect(res.statusCode, res.body).toBe(201);
      const id = res.json().id as string;
      expect((await org.as.viewer.get(url(`/risks/${id}/assets`))).json().total).toBe(0);
      expect((await auditOf(id)).map((e) => e.type)).toEqual(['record.created']);
    }
  });

  it('an asset that is not a current asset of the organization refuses the whole request, naming it', async () => {
    const other = await buildOrg(env.app, env.handle);
    const theirs = await buildAsset(other.as.contributor, other.slug);
    const mine = await buildAsset(org.as.contributor, org.slug);
    const archived = await buildAsset(org.as.contributor, org.slug);
    expect((await org.as.isms_manager.request('DELETE', url(`/assets/${archived.id}`))).statusCode).toBe(204);
    const cases: [unknown, string][] = [
      [[mine.id, theirs.id], 'body.assetIds.1'],
      [[crypto.randomUUID()], 'body.assetIds.0'],
      [[mine.id, archived.id], 'body.assetIds.1'],
      [['not-a-uuid'], 'body.assetIds.0'],
      ['not-a-list', 'body.assetIds'],
    ];
    const before = await writeCounts(env.handle);
    const risksBefore = (await org.as.viewer.get(url('/risks'))).json().total as number;
    for (const [assetIds, field] of cases) {
      const res = await org.as.contributor.post(url('/risks'), { title: 'Refused', assetIds });
      expect(res.statusCode, res.body).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(((res.json().errors ?? []) as { field: string }[]).map((e) => e.field)).toContain(field);
    }
    expect(await writeCounts(env.handle)).toEqual(before);
    expect((await org.as.viewer.get(url('/risks'))).json().total).toBe(risksBefore);
  });

  it('a viewer may not create a risk, with or without assets', async () => {
    const asset = await buildAsset(org.as.contributor, org.slug);
    const res = await org.as.viewer.post(url('/risks'), { title: 'Not mine to make', assetIds: [asset.id] });
    expect(res.statusCode).toBe(403);
  });
});
