// The risk register at scale: 5,000 risks (the issue's figure) over the assets seeded before, each bearing on two,
// evaluated on an approved 5 × 5 methodology. Measures a filtered risk page by priority, a page by asset, a heat-map
// cell, the heat map, and a full re-score of every risk by the approval of a new methodology version.
import type { DatabaseHandle } from '../../src/db/connect.js';
import { evaluateRisk } from '../../src/core/risks/risk-evaluation.js';
import { newId, nowIso } from '../../src/core/util/ids.js';
import { STARTING_METHODOLOGIES } from '../../src/schema/risks/starting-methodologies.js';
import type { BenchCaller as Caller } from '../http-caller.js';
import { ok } from '../http-caller.js';
import { concurrentUsers, medianOf } from '../load.js';
import { REGISTERS } from '../../src/core/modules.js';
import { SYSTEM_ACTOR } from '../../src/core/context.js';
import { filteredQuery, sortedQuery } from '../../src/core/register/register-query.js';
import type { BenchCase, BenchModule } from './types.js';

export const RISKS = Number(process.env.BENCH_RISKS ?? 5_000);

/** Approves the 5 × 5 methodology through the API, then bulk-inserts evaluated risks linked to two assets each. */
async function seedRisks(
  handle: DatabaseHandle,
  org: { id: string; slug: string },
  userId: string,
  c: Caller,
): Promise<{ assetId: string | null; links: number }> {
  const base = `/api/v1/orgs/${org.slug}/risk-methodologies`;
  const record = await ok(await c.post(base, { title: 'Bench methodology' }), 'create methodology');
  const m = STARTING_METHODOLOGIES[0]!.methodology;
  const draft = await ok(
    await c.request('PUT', `${base}/${record.id}/draft`, { content: { summary: 'Bench', methodology: m } }),
    'draft',
  );
  // the bench user is a superadmin member with the admin role; approval needs the approver role
  await handle.db
    .updateTable('memberships')
    .set({ role: 'approver' })
    .where('orgId', '=', org.id)
    .where('userId', '=', userId)
    .execute();
  await ok(await c.post(`${base}/${record.id}/versions/1/approve`, { contentHash: draft.contentHash }), 'approve');
  await handle.db
    .updateTable('memberships')
    .set({ role: 'admin' })
    .where('orgId', '=', org.id)
    .where('userId', '=', userId)
    .execute();

  const assets = await handle.db
    .selectFrom('assets')
    .select('id')
    .where('orgId', '=', org.id)
    .where('archivedAt', 'is', null)
    .orderBy('id')
    .limit(RISKS * 2)
    .execute();
  let links = 0;
  for (let i = 0; i < RISKS; i += 500) {
    const now = nowIso();
    const rows = Array.from({ length: Math.min(500, RISKS - i) }, (_, j) => {
      const n = i + j + 1;
      const analysis = {
        likelihood: (n % 5) + 1,
        consequence: null,
        consequenceC: ((n * 7) % 5) + 1,
        consequenceI: null,
        consequenceA: ((n * 3) % 5) + 1,
        priorityOverride: null,
      };
      const e = n % 10 === 0 ? null : evaluateRisk(m, 1, analysis);
      return {
        id: newId(),
        orgId: org.id,
        ref: `RISK-${String(n).padStart(5, '0')}`,
        version: 1,
        createdAt: now,
        createdBy: userId,
        updatedAt: now,
        updatedBy: userId,
        archivedAt: null,
        title: `Risk ${n}: ${['ransomware', 'phone loss', 'supplier failure', 'insider export', 'region outage'][n % 5]} affecting service ${n % 97}`,
        description: null,
        approach: n % 2 ? 'event' : 'asset',
        riskSource: null,
        event: null,
        cause: null,
        consequenceDescription: null,
        threatId: null,
        vulnerabilityId: null,
        affectsConfidentiality: 1,
        affectsIntegrity: 0,
        affectsAvailability: 1,
        ownerId: n % 4 === 0 ? userId : null,
        existingControls: null,
        ...(e ? analysis : { likelihood: null, consequenceC: null, consequenceA: null }),
        consequence: null,
        consequenceI: null,
        priorityOverride: null,
        rationale: null,
        ...(e ?? {
          consequenceLevel: null,
          score: null,
          level: null,
          levelRank: null,
          acceptable: null,
          priority: null,
          methodologyVersion: null,
        }),
        evaluatedAt: e ? now : null,
        status: e ? 'assessed' : 'identified',
      };
    });
    await handle.db.insertInto('risks').values(rows).execute();
    if (assets.length) {
      const rows2 = rows.flatMap((r, j) =>
        [assets[(i + j) % assets.length]!.id, assets[(i + j + 7) % assets.length]!.id]
          .filter((a, k, all) => all.indexOf(a) === k)
          .map((assetId) => ({ orgId: org.id, riskId: r.id, assetId, createdAt: now, createdBy: userId })),
      );
      await handle.db.insertInto('riskAssets').values(rows2).execute();
      links += rows2.length;
    }
  }
  await handle.db.insertInto('refCounters').values({ orgId: org.id, prefix: 'RISK', nextValue: RISKS }).execute();
  return { assetId: assets[0]?.id ?? null, links };
}

/** The measured cases; the re-score alternates two matrices so every run moves risks. */
function riskCases(
  handle: DatabaseHandle,
  org: { id: string; slug: string },
  userId: string,
  c: Caller,
  assetId: string | null,
): BenchCase[] {
  const o = `/api/v1/orgs/${org.slug}`;
  let flip = false;
  const allPages = async () => {
    // what an integration or a BI tool does: every risk, a page of 200 at a time
    let last = { statusCode: 200 };
    for (let page = 1; ; page++) {
      const res = await c.get(`${o}/risks?pageSize=200&page=${page}`);
      if (res.statusCode !== 200) return res;
      last = res;
      if (page * 200 >= res.json().total) return last;
    }
  };
  return [
    { name: `risks: first page (25), default order`, targetMs: 30, run: () => c.get(`${o}/risks`) },
    { name: `risks: page 1 of 200, default order`, targetMs: 60, run: () => c.get(`${o}/risks?pageSize=200`) },
    {
      // keyset-served order: the last page costs what the first costs (issue 15)
      name: `risks: last page (${Math.ceil(RISKS / 200)} of 200), default order`,
      targetMs: 60,
      run: () => c.get(`${o}/risks?pageSize=200&page=${Math.ceil(RISKS / 200)}`),
    },
    // VerifyWise 1.7.0 answered all 5,000 in one request in 283 ms on the same machine (issue 15)
    { name: `risks: all ${RISKS} in pages of 200`, targetMs: 300, runs: 5, run: allPages },
    // the documented way to read everything: one request, one record per line (issue 15 target: ≤ 95 ms)
    {
      name: `risks: all ${RISKS} in one read (all.ndjson)`,
      targetMs: 95,
      runs: 5,
      run: () => c.get(`${o}/risks/all.ndjson`),
    },
    {
      name: `risks: page by priority, level+owner filter`,
      targetMs: 80,
      run: () => c.get(`${o}/risks?level=high,critical&ownerId=me`),
    },
    {
      name: `risks: page filtered by asset`,
      targetMs: 80,
      run: () => c.get(`${o}/risks${assetId ? `?assetId=${assetId}` : ''}`),
    },
    {
      name: `risks: heat-map cell (likelihood 4 × consequence 5)`,
      targetMs: 80,
      run: () => c.get(`${o}/risks?likelihood=4&consequenceLevel=5`),
    },
    { name: `risks: heat map of ${RISKS} risks`, targetMs: 60, run: () => c.get(`${o}/risks/heat-map`) },
    {
      name: `risks: full re-score of ${RISKS}, every level changes`,
      targetMs: 2000,
      runs: 3,
      run: async () => {
        const list = await ok(await c.get(`${o}/risk-methodologies`), 'list');
        const id = list.items[0].id as string;
        const m = structuredClone(STARTING_METHODOLOGIES[0]!.methodology);
        // every cell all one level, then all another: every evaluated risk changes level on every run
        flip = !flip;
        if (m.rule.kind === 'matrix')
          m.rule.cells = m.rule.cells.map((row) => row.map(() => (flip ? 'critical' : 'low')));
        const draft = await ok(
          await c.request('PUT', `${o}/risk-methodologies/${id}/draft`, {
            content: { summary: `Bench ${Date.now()}`, methodology: m },
          }),
          'draft',
        );
        await handle.db
          .updateTable('memberships')
          .set({ role: 'approver' })
          .where('orgId', '=', org.id)
          .where('userId', '=', userId)
          .execute();
        try {
          return await c.post(`${o}/risk-methodologies/${id}/versions/${draft.versionNo}/approve`, {
            contentHash: draft.contentHash,
          });
        } finally {
          await handle.db
            .updateTable('memberships')
            .set({ role: 'admin' })
            .where('orgId', '=', org.id)
            .where('userId', '=', userId)
            .execute();
        }
      },
    },
  ];
}

/**
 * The floor of a page: its two statements (the count and the sorted page of 200, as the register builds them) run
 * through the driver without plugins, and the rows stringified; against the same page asked over HTTP.
 */
async function pageAgainstDriver(handle: DatabaseHandle, org: { id: string; slug: string }, c: Caller) {
  const mod = REGISTERS.byEntity('risk')!;
  const ctx = {
    db: handle.db,
    org: { ...org, name: 'Bench Org' },
    role: 'admin' as const,
    actor: SYSTEM_ACTOR,
    registers: REGISTERS,
  };
  const base = filteredQuery(ctx, mod, {});
  const count = base.select((eb) => eb.fn.countAll().as('total')).compile();
  const page = sortedQuery(mod, base.selectAll(), {}).limit(200).offset(400).compile();
  const plain = handle.db.withoutPlugins();
  const driver = await medianOf(15, async () => {
    await plain.executeQuery(count);
    JSON.stringify((await plain.executeQuery(page)).rows);
  });
  const http = await medianOf(15, async () => {
    const res = await c.get(`/api/v1/orgs/${org.slug}/risks?pageSize=200&page=3`);
    if (res.statusCode !== 200) throw new Error(`HTTP ${res.statusCode}`);
  });
  return { driverMs: driver, httpMs: http, ratio: http / driver };
}

let sampleAsset: string | null = null;

export const risksBench: BenchModule = {
  name: 'risks',
  async seed({ handle, org, userId, c }) {
    const { assetId, links } = await seedRisks(handle, org, userId, c);
    sampleAsset = assetId;
    return `${RISKS} risks (90% evaluated) with ${links} asset links`;
  },
  cases: ({ handle, org, userId, c }) => riskCases(handle, org, userId, c, sampleAsset),
  scenarios: ({ handle, org, c }) => {
    const o = `/api/v1/orgs/${org.slug}`;
    // what fifty people on the risk pages ask for: the register's pages, a filtered page, the heat map
    const mix = [
      `${o}/risks`,
      `${o}/risks?pageSize=200&page=3`,
      `${o}/risks?level=high,critical&ownerId=me`,
      `${o}/risks/heat-map`,
    ];
    return [
      {
        name: `risks: 50 users at once, 20 requests each`,
        target: { figure: 'p99', max: 500 },
        run: () => concurrentUsers(c, 50, 20, mix),
      },
      {
        // issue 15: a register page within 1.5 × the same queries through the driver, stringified
        name: `risks: page of 200 against the driver's floor`,
        target: { figure: 'ratio', max: 1.5 },
        run: () => pageAgainstDriver(handle, org, c),
      },
    ];
  },
};
