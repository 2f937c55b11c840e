import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../helpers/databases.js';
import { testEnv, type TestEnv } from '../helpers/app.js';
import { buildOrg } from '../helpers/factories.js';
import { approveMethodology, buildRisk, fourByFour, startingMethodology } from '../helpers/risk-factories.js';

/**
 * Approving a methodology version re-scores every analysed risk with grouped writes (one statement per set of
 * identical new values) and one audit append: each risk must still end with exactly its own new values, its
 * version moved on once, and its own event.
 */
describe.each(DIALECTS)('re-scoring many risks at once on %s', (kind) => {
  let env: TestEnv;
  beforeAll(async () => {
    env = await testEnv(kind);
  });
  afterAll(() => env?.close());

  it('gives every risk the values the preview promised, one version step and one event each, in a verifiable chain', async () => {
    const org = await buildOrg(env.app, env.handle);
    const url = (path: string) => `/api/v1/orgs/${org.slug}${path}`;
    const { id: methodologyId } = await approveMethodology(org, startingMethodology('three-by-three'));
    // 45 risks over the 9 cells of the 3 × 3 (five per cell), so many share their new values
    for (let i = 0; i < 45; i++)
      await buildRisk(org.as.contributor, org.slug, {
        title: `Batch risk ${i}`,
        ownerId: org.users.contributor.id,
        likelihood: (i % 3) + 1,
        consequence: (Math.floor(i / 3) % 3) + 1,
      });
    await buildRisk(org.as.contributor, org.slug, { title: 'Not analysed' });
    const draft = await org.as.isms_manager.request('PUT', url(`/risk-methodologies/${methodologyId}/draft`), {
      content: { summary: 'Now 4 × 4.', methodology: fourByFour() },
    });
    expect(draft.statusCode).toBe(200);
    const preview = (
      await org.as.viewer.get(url(`/risk-methodologies/${methodologyId}/versions/2/rescore-preview`))
    ).json();
    expect(preview.total).toBe(45);
    const before = new Map(
      (await env.handle.db.selectFrom('risks').select(['id', 'version']).where('orgId', '=', org.id).execute()).map(
        (r) => [r.id, r.version],
      ),
    );

    const v2 = (await org.as.viewer.get(url(`/risk-methodologies/${methodologyId}/versions/2`))).json();
    const approved = await org.as.approver.post(url(`/risk-methodologies/${methodologyId}/versions/2/approve`), {
      contentHash: v2.contentHash,
    });
    expect(approved.statusCode).toBe(200);

    const after = await env.handle.db
      .selectFrom('risks')
      .select(['id', 'title', 'level', 'score', 'acceptable', 'version', 'methodologyVersion', 'likelihood'])
      .where('orgId', '=', org.id)
      .execute();
    const moved = new Map<string, { after: { level: string; score: number; acceptable: boolean } }>(
      preview.moves.map((m: { riskId: string }) => [m.riskId, m]),
    );
    const events = await env.handle.db
      .selectFrom('auditEvents')
      .select(['entityId', 'payload'])
      .where('orgId', '=', org.id)
      .where('type', '=', 'risk.reevaluated')
      .execute();
    const eventOf = new Map(events.map((e) => [e.entityId, JSON.parse(e.payload)]));
    expect(eventOf.size).toBe(events.length); // never two events for one risk

    let changed = 0;
    for (const r of after) {
      if (r.title === 'Not analysed') {
        expect(r).toMatchObject({ level: null, version: before.get(r.id) });
        expect(eventOf.has(r.id)).toBe(false);
        continue;
      }
      expect(r.methodologyVersion).toBe(2);
      const m = moved.get(r.id);
      if (m)
        expect(r).toMatchObject({ level: m.after.level, score: m.after.score, acceptable: m.after.acceptable ? 1 : 0 });
      if (eventOf.has(r.id)) {
        changed++;
        expect(r.version).toBe(before.get(r.id)! + 1);
        expect(eventOf.get(r.id)).toMatchObject({ ref: expect.any(String), toVersion: 2 });
      } else expect(r.version).toBe(before.get(r.id));
    }
    // every risk is carried to the 4-level scales and so written, except the five in cell (1, 1): level 1 stays 1
    // on both scales, and their level and score are the same on the new grid
    expect(changed).toBe(40);

    const verify = await org.as.auditor.get(url('/audit/verify'));
    expect(verify.json()).toMatchObject({ ok: true });
  }, 300_000);
});
