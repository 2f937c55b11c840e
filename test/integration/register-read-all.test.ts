import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEnv, type TestEnv } from '../helpers/app.js';
import { DIALECTS } from '../helpers/databases.js';
import { docsPath } from '../helpers/document-factories.js';
import { buildAction, buildOrg, type TestOrg } from '../helpers/factories.js';
import { approveMethodology, buildRisk, startingMethodology } from '../helpers/risk-factories.js';
import type { Caller } from '../helpers/http.js';

/**
 * A whole register in one read (`GET …/{collection}/all.ndjson`): one JSON record per line, exactly the records
 * and order the paged list gives with the same filters, within the reader's scope and organization.
 */
describe.each(DIALECTS)('reading a whole register at once on %s', (kind) => {
  let env: TestEnv;
  let org: TestOrg;
  let other: TestOrg;
  beforeAll(async () => {
    env = await testEnv(kind);
    org = await buildOrg(env.app, env.handle);
    other = await buildOrg(env.app, env.handle);
    for (let i = 0; i < 45; i++)
      await buildAction(org.as.contributor, org.slug, { title: `Action ${i}`, priority: i % 3 ? 'high' : 'low' });
    await buildAction(other.as.contributor, other.slug, { title: 'Elsewhere' });
  });
  afterAll(() => env?.close());

  const lines = async (who: Caller, path: string) => {
    const res = await who.get(path);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/x-ndjson/);
    const records = res.body
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as { id: string; title: string });
    expect(Number(res.headers['x-total-count'])).toBe(records.length);
    return records;
  };
  const paged = async (who: Caller, path: string) => {
    const out: unknown[] = [];
    for (let page = 1; ; page++) {
      const res = (await who.get(`${path}${path.includes('?') ? '&' : '?'}pageSize=20&page=${page}`)).json();
      out.push(...res.items);
      if (out.length >= res.total) return out;
    }
  };

  it('gives the list’s records, in the list’s order, with its filters, and nothing of another organization', async () => {
    const base = `/api/v1/orgs/${org.slug}/actions`;
    const all = await lines(org.as.viewer, `${base}/all.ndjson`);
    expect(all).toHaveLength(45);
    expect(all).toEqual(await paged(org.as.viewer, base));
    expect(all.map((a) => a.title)).not.toContain('Elsewhere');

    const sorted = await lines(org.as.viewer, `${base}/all.ndjson?priority=high&sort=title&order=desc`);
    expect(sorted).toEqual(await paged(org.as.viewer, `${base}?priority=high&sort=title&order=desc`));
    expect(sorted).toHaveLength(30);
  });

  it('leaves out what the reader may not read, and refuses bad filters and strangers as the list does', async () => {
    const made = await org.as.admin.post(docsPath(org), {
      title: 'Board-only procedure',
      type: 'procedure',
      classification: 'confidential',
      ownerId: org.users.admin.id,
    });
    expect(made.statusCode, made.body).toBe(201);
    const docs = `/api/v1/orgs/${org.slug}/documents/all.ndjson`;
    expect((await lines(org.as.admin, docs)).map((d) => d.id)).toContain(made.json().id);
    expect((await lines(org.as.viewer, docs)).map((d) => d.id)).not.toContain(made.json().id);

    const bad = await org.as.viewer.get(`/api/v1/orgs/${org.slug}/actions/all.ndjson?priority=urgent-ish`);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toMatch(/priority/);
    expect((await other.as.viewer.get(`/api/v1/orgs/${org.slug}/actions/all.ndjson`)).statusCode).toBe(404);
  });

  it('writes risks as the list does: booleans as booleans, numbers, and each level named by its methodology', async () => {
    await approveMethodology(org, startingMethodology('three-by-three'));
    const owner = org.users.isms_manager.id;
    for (let i = 0; i < 12; i++)
      await buildRisk(org.as.isms_manager, org.slug, {
        title: `Risk ${i}`,
        ownerId: owner,
        affectsConfidentiality: i % 2 === 0,
        ...(i % 3 ? { likelihood: (i % 3) + 1, consequence: 2 } : {}),
      });
    const base = `/api/v1/orgs/${org.slug}/risks`;
    const all = await lines(org.as.viewer, `${base}/all.ndjson`);
    expect(all).toHaveLength(12);
    expect(all).toEqual(await paged(org.as.viewer, base));
    const first = all[0] as unknown as Record<string, unknown>;
    expect(typeof first.affectsConfidentiality).toBe('boolean');
    expect(all.filter((r) => (r as unknown as { levelLabel: unknown }).levelLabel !== null)).toHaveLength(8);
    // every key the schema declares, and no other (the allow-list holds on the fast path)
    const list = (await org.as.viewer.get(`${base}?pageSize=1`)).json().items[0];
    expect(Object.keys(first).sort()).toEqual(Object.keys(list).sort());
    expect(Object.keys(first)).not.toContain('orgId');
  });
});
