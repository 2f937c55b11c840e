import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KyselyPlugin } from 'kysely';
import { DIALECTS } from '../helpers/databases.js';
import { testEnv, type TestEnv } from '../helpers/app.js';
import { buildOrg, type TestOrg } from '../helpers/factories.js';
import { approveMethodology, buildRisk, startingMethodology } from '../helpers/risk-factories.js';
import { REGISTERS } from '../../src/core/modules.js';
import { listRecords } from '../../src/core/register/register.service.js';
import { risksModule } from '../../src/core/risks/risks.module.js';
import type { OrgContext } from '../../src/core/context.js';

/** The 3 × 3 methodology with its level names marked by `tag`, so a label tells which version named it. */
function tagged(tag: string) {
  const m = startingMethodology('three-by-three');
  for (const l of m.levels) l.label = `${l.label} (${tag})`;
  return m;
}

type Risk = { id: string; ref: string; version: number; level: string | null; levelLabel?: string | null };

describe.each(DIALECTS)("a risk's level with its label on %s", (kind) => {
  let env: TestEnv;
  beforeAll(async () => {
    env = await testEnv(kind);
  });
  afterAll(() => env?.close());

  const analysed = (org: TestOrg, likelihood: number, consequence: number) => ({
    ownerId: org.users.contributor.id,
    likelihood,
    consequence,
  });

  /** Sets which methodology version a risk was evaluated with, as a risk left unscored by a later version is. */
  async function evaluatedWith(org: TestOrg, riskId: string, versionNo: number) {
    await env.handle.db
      .updateTable('risks')
      .set({ methodologyVersion: versionNo })
      .where('orgId', '=', org.id)
      .where('id', '=', riskId)
      .execute();
  }

  it('answers levelLabel beside level on create, update, detail, list and export, from the version it was evaluated with', async () => {
    const org = await buildOrg(env.app, env.handle);
    await approveMethodology(org, tagged('v1'));
    const base = `/api/v1/orgs/${org.slug}/risks`;

    const created = await buildRisk(org.as.contributor, org.slug, analysed(org, 3, 3));
    expect(created.level).toBe('high');
    expect(created.levelLabel).toBe('High (v1)');

    const unanalysed = await buildRisk(org.as.contributor, org.slug);
    expect(unanalysed.level).toBeNull();
    expect(unanalysed.levelLabel).toBeNull();

    const patched = await org.as.contributor.patch(`${base}/${created.id}`, { likelihood: 1, consequence: 1 });
    expect(patched.statusCode).toBe(200);
    expect(patched.json()).toMatchObject({ level: 'low', levelLabel: 'Low (v1)' });

    const detail = await org.as.viewer.get(`${base}/${created.id}`);
    expect(detail.statusCode).toBe(200);
    expect(detail.json()).toMatchObject({ level: 'low', levelLabel: 'Low (v1)' });

    const list = await org.as.viewer.get(`${base}?pageSize=200`);
    expect(list.statusCode).toBe(200);
    const items = (list.json() as { items: Risk[] }).items;
    const byId = new Map(items.map((r) => [r.id, r]));
    expect(byId.get(unanalysed.id)?.levelLabel).toBeNull();
    expect(byId.get(created.id)?.levelLabel).toBe('Low (v1)');

    const csv = await org.as.viewer.get(`${base}/export.csv`);
    expect(csv.statusCode).toBe(200);
    const [header, ...lines] = csv.body.trim().split(/\r?\n/);
    expect(header).toContain('Level label');
    expect(lines.find((l) => l.startsWith(created.ref))).toContain('Low (v1)');
  });

  it("names each risk's level in its own methodology version within one list page", async () => {
    const org = await buildOrg(env.app, env.handle);
    const first = await approveMethodology(org, tagged('v1'));
    const old = await buildRisk(org.as.contributor, org.slug, analysed(org, 3, 3));
    await approveMethodology(org, tagged('v2'), first.id);
    const current = await buildRisk(org.as.contributor, org.slug, analysed(org, 3, 3));
    await evaluatedWith(org, old.id, first.versionNo);

    const list = await org.as.viewer.get(`/api/v1/orgs/${org.slug}/risks?pageSize=200`);
    expect(list.statusCode).toBe(200);
    const byId = new Map((list.json() as { items: Risk[] }).items.map((r) => [r.id, r]));
    expect(byId.get(old.id)).toMatchObject({ level: 'high', levelLabel: 'High (v1)' });
    expect(byId.get(current.id)).toMatchObject({ level: 'high', levelLabel: 'High (v2)' });

    const detail = await org.as.viewer.get(`/api/v1/orgs/${org.slug}/risks/${old.id}`);
    expect(detail.json()).toMatchObject({ levelLabel: 'High (v1)' });
  });

  it('a list page costs the same number of queries for 1 risk as for 30 risks over 3 methodology versions', async () => {
    const org = await buildOrg(env.app, env.handle);
    const v1 = await approveMethodology(org, tagged('v1'));
    await buildRisk(org.as.contributor, org.slug, analysed(org, 2, 2));

    let queries = 0;
    const counting: KyselyPlugin = {
      transformQuery: (args) => {
        queries += 1;
        return args.node;
      },
      transformResult: async (args) => args.result,
    };
    const ctx: OrgContext = {
      db: env.handle.db.withPlugin(counting),
      org: { id: org.id, slug: org.slug, name: org.name },
      role: 'viewer',
      actor: { kind: 'user', userId: org.users.viewer.id, label: 'viewer' },
      registers: REGISTERS,
    };
    const query = { page: 1, pageSize: 50 };
    const countFor = async () => {
      queries = 0;
      const page = await listRecords(ctx, risksModule, query);
      return { queries, page };
    };

    const one = await countFor();
    expect(one.page.items).toHaveLength(1);

    await approveMethodology(org, tagged('v2'), v1.id);
    const v3 = await approveMethodology(org, tagged('v3'), v1.id);
    const made: { id: string }[] = [];
    for (let i = 0; i < 29; i++)
      made.push(await buildRisk(org.as.contributor, org.slug, analysed(org, 1 + (i % 3), 3)));
    for (const [i, r] of made.entries()) await evaluatedWith(org, r.id, 1 + (i % 3));

    const many = await countFor();
    expect(many.page.items).toHaveLength(30);
    const labels = new Set(many.page.items.map((r) => ('levelLabel' in r ? r.levelLabel : undefined)));
    expect([...labels].some((l) => String(l).endsWith('(v1)'))).toBe(true);
    expect([...labels].some((l) => String(l).endsWith('(v3)'))).toBe(true);
    expect(v3.versionNo).toBe(3);
    expect(many.queries).toBe(one.queries);
  });
});
