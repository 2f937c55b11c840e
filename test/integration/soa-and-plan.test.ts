import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEnv, type TestEnv } from '../helpers/app.js';
import { buildCustomControl, chooseEdition, controlsByRef, setTreatment } from '../helpers/control-factories.js';
import { DIALECTS } from '../helpers/databases.js';
import { buildOrg, writeCounts, type TestOrg } from '../helpers/factories.js';
import { approveMethodology, buildRisk, startingMethodology } from '../helpers/risk-factories.js';

type Res = LightMyRequestResponse;
const fields = (res: Res) => ((res.json().errors ?? []) as { field: string }[]).map((e) => e.field);

/** The 2013 → 2022 migration, the owner's acceptance, forms and history (6.1.3; the SoA and plan as documents: soa-plan-documents.test.ts). */
describe.each(DIALECTS)("SoA migration and the owner's acceptance on %s", (kind) => {
  let env: TestEnv;
  beforeAll(async () => {
    env = await testEnv(kind);
  });
  afterAll(() => env?.close());
  const url = (org: TestOrg, path: string) => `/api/v1/orgs/${org.slug}${path}`;

  /** An organization on the 5 × 5 methodology, with one owned, evaluated risk beyond acceptance. */
  async function orgWithRisk() {
    const org = await buildOrg(env.app, env.handle);
    const methodology = await approveMethodology(org, startingMethodology('five-by-five'));
    const risk = await buildRisk(org.as.contributor, org.slug, {
      ownerId: org.users.contributor.id,
      likelihood: 5,
      consequence: 5,
    });
    expect(risk.acceptable).toBe(false);
    return { org, risk, methodology };
  }

  describe('moving the SoA from 2013 to 2022', () => {
    it('shows what it would do without writing, then carries one-to-one decisions, lists the rest and moves risk treatments', async () => {
      const { org, risk } = await orgWithRisk();
      const old = await chooseEdition(org, 'iso27001-2013');
      const patch = (ref: string, body: Record<string, unknown>) =>
        org.as.isms_manager.patch(url(org, `/controls/${old.get(ref)!.id}`), {
          ...body,
          expectedVersion: old.get(ref)!.version,
        });
      expect(
        (
          await patch('A.7.1.1', {
            applicability: 'applicable',
            statedReason: 'Screening of every hire',
            implementationStatus: 'implemented',
          })
        ).statusCode,
      ).toBe(200);
      expect(
        (
          await patch('A.14.2.7', {
            applicability: 'excluded',
            exclusionReason: 'not_needed',
            exclusionExplanation: 'Nothing outsourced',
          })
        ).statusCode,
      ).toBe(200);
      await setTreatment(org.as.contributor, org.slug, risk.id, {
        options: [{ option: 'modify', rationale: 'Log it' }],
        controls: [
          { controlId: old.get('A.12.4.1')!.id, effect: 'likelihood' },
          { controlId: old.get('A.18.2.3')!.id, effect: 'both' },
        ],
      });

      const before = await writeCounts(env.handle);
      const dry = await org.as.isms_manager.post(url(org, '/control-settings/migrate-to-2022'), { apply: false });
      expect(dry.statusCode, dry.body).toBe(200);
      expect(await writeCounts(env.handle)).toEqual(before);
      const plan = dry.json();
      expect(plan.applied).toBe(false);
      expect(plan.carried.length + plan.needsDecision.length).toBe(93);
      expect(plan.carried).toContainEqual({
        ref: '6.1',
        title: 'Screening',
        from: 'A.7.1.1',
        applicability: 'applicable',
      });
      expect(plan.carried).toContainEqual(
        expect.objectContaining({ ref: '8.30', from: 'A.14.2.7', applicability: 'excluded' }),
      );
      const why = (ref: string) => plan.needsDecision.find((n: { ref: string }) => n.ref === ref)?.why;
      expect(
        plan.needsDecision.filter((n: { why: string }) => n.why === 'new').map((n: { ref: string }) => n.ref),
      ).toEqual(['5.7', '5.23', '5.30', '7.4', '8.9', '8.10', '8.11', '8.12', '8.16', '8.23', '8.28']);
      expect([why('8.15'), why('5.36'), why('8.8')]).toEqual(['merged', 'merged', 'merged']);

      const done = await org.as.isms_manager.post(url(org, '/control-settings/migrate-to-2022'), { apply: true });
      expect(done.statusCode, done.body).toBe(200);
      const now = await controlsByRef(org);
      expect([...now.keys()].filter((r) => r.startsWith('A.'))).toEqual([]);
      expect(now.size).toBe(93);
      expect(now.get('6.1')).toMatchObject({
        applicability: 'applicable',
        statedReason: 'Screening of every hire',
        implementationStatus: 'implemented',
      });
      expect(now.get('8.30')).toMatchObject({ applicability: 'excluded', exclusionReason: 'not_needed' });
      expect(now.get('8.15')!.applicability).toBe('undecided');
      const t = (await org.as.viewer.get(url(org, `/risks/${risk.id}/treatment`))).json();
      expect(t.controls.map((c: { ref: string; effect: string }) => [c.ref, c.effect])).toEqual([
        ['8.15', 'likelihood'],
        ['5.36', 'both'],
        ['8.8', 'both'],
      ]);
      expect((await org.as.viewer.get(url(org, '/control-settings'))).json().edition).toBe('iso27001-2022');
      const again = await org.as.isms_manager.post(url(org, '/control-settings/migrate-to-2022'), { apply: true });
      expect(again.statusCode).toBe(409);
    });

    it('refuses an organization that is not on 2013, and a contributor', async () => {
      const org = await buildOrg(env.app, env.handle);
      expect(
        (await org.as.isms_manager.post(url(org, '/control-settings/migrate-to-2022'), { apply: false })).statusCode,
      ).toBe(409);
      await chooseEdition(org, 'iso27001-2013');
      expect(
        (await org.as.contributor.post(url(org, '/control-settings/migrate-to-2022'), { apply: true })).statusCode,
      ).toBe(403);
    });
  });

  describe("the risk owner's acceptance", () => {
    it('is for the owner only, a concession beyond the criteria, bound to the treatment version, and lapses when the treatment changes', async () => {
      const { org, risk } = await orgWithRisk();
      const controls = await chooseEdition(org);
      const base = url(org, `/risks/${risk.id}`);
      let t = await setTreatment(org.as.contributor, org.slug, risk.id, {
        options: [{ option: 'modify', rationale: 'Reduce' }],
        controls: [{ controlId: controls.get('8.5')!.id, effect: 'likelihood' }],
        residual: { likelihood: 4, consequence: 4 },
      });
      expect(t.residualEvaluation.acceptable).toBe(false);

      const notOwner = await org.as.isms_manager.post(`${base}/acceptance`, {
        kind: 'concession',
        justification: 'x',
        treatmentVersion: t.version,
      });
      expect(notOwner.statusCode).toBe(403);
      const plain = await org.as.contributor.post(`${base}/acceptance`, {
        kind: 'within_criteria',
        treatmentVersion: t.version,
      });
      expect([plain.statusCode, fields(plain)]).toEqual([400, ['body.kind']]);
      const bare = await org.as.contributor.post(`${base}/acceptance`, {
        kind: 'concession',
        treatmentVersion: t.version,
      });
      expect([bare.statusCode, fields(bare)]).toEqual([400, ['body.justification']]);
      const past = await org.as.contributor.post(`${base}/acceptance`, {
        kind: 'concession',
        justification: 'Budget next year',
        expiresOn: '2020-01-01',
        treatmentVersion: t.version,
      });
      expect([past.statusCode, fields(past)]).toEqual([400, ['body.expiresOn']]);
      const stale = await org.as.contributor.post(`${base}/acceptance`, {
        kind: 'concession',
        justification: 'Budget next year',
        treatmentVersion: t.version + 1,
      });
      expect(stale.statusCode).toBe(409);

      const ok = await org.as.contributor.post(`${base}/acceptance`, {
        kind: 'concession',
        justification: 'Budget next year',
        expiresOn: '2099-12-31',
        treatmentVersion: t.version,
      });
      expect(ok.statusCode, ok.body).toBe(200);
      expect(ok.json().acceptance).toMatchObject({
        kind: 'concession',
        state: 'valid',
        acceptedBy: org.users.contributor.id,
        treatmentVersion: t.version,
        expiresOn: '2099-12-31',
      });
      const event = await env.handle.db
        .selectFrom('auditEvents')
        .select('payload')
        .where('orgId', '=', org.id)
        .where('type', '=', 'risk.accepted')
        .executeTakeFirstOrThrow();
      expect(JSON.parse(event.payload)).toMatchObject({
        kind: 'concession',
        treatmentVersion: t.version,
        treatmentHash: expect.stringMatching(/^[0-9a-f]{64}$/),
      });
      // kept for good: the database refuses to change an acceptance
      await expect(
        env.handle.db.updateTable('riskAcceptances').set({ kind: 'within_criteria' }).execute(),
      ).rejects.toThrow(/append-only/);

      t = await setTreatment(org.as.contributor, org.slug, risk.id, {
        options: [{ option: 'modify', rationale: 'Reduce more' }],
        controls: [],
        residual: { likelihood: 1, consequence: 1 },
        expectedVersion: t.version,
      });
      expect(t.acceptance.state).toBe('outdated');
      expect(t.residualEvaluation.acceptable).toBe(true);
      const concession = await org.as.contributor.post(`${base}/acceptance`, {
        kind: 'concession',
        justification: 'x',
        treatmentVersion: t.version,
      });
      expect([concession.statusCode, fields(concession)]).toEqual([400, ['body.kind']]);
      expect(
        (await org.as.contributor.post(`${base}/acceptance`, { kind: 'within_criteria', treatmentVersion: t.version }))
          .statusCode,
      ).toBe(200);
    });

    it('carries the expected residual ratings to the new scales when a methodology of another size is approved', async () => {
      const { org, risk, methodology } = await orgWithRisk();
      await setTreatment(org.as.contributor, org.slug, risk.id, {
        options: [{ option: 'modify', rationale: 'Reduce' }],
        residual: { likelihood: 5, consequence: 3 },
      });
      await approveMethodology(org, startingMethodology('three-by-three'), methodology.id);
      const t = (await org.as.viewer.get(url(org, `/risks/${risk.id}/treatment`))).json();
      expect([t.residual.likelihood, t.residual.consequence]).toEqual([3, 2]);
      expect(t.residualEvaluation).not.toBeNull();
      const event = await env.handle.db
        .selectFrom('auditEvents')
        .select('payload')
        .where('orgId', '=', org.id)
        .where('type', '=', 'risk.residuals_carried')
        .executeTakeFirstOrThrow();
      expect(JSON.parse(event.payload)).toEqual({ fromVersion: 1, toVersion: 2, treatments: 1 });
    });

    it('needs a rated residual risk and a treatment, and never reaches another organization', async () => {
      const { org, risk } = await orgWithRisk();
      const other = await buildOrg(env.app, env.handle);
      const none = await org.as.contributor.post(url(org, `/risks/${risk.id}/acceptance`), {
        kind: 'within_criteria',
        treatmentVersion: 1,
      });
      expect(none.statusCode).toBe(409);
      await setTreatment(org.as.contributor, org.slug, risk.id, {
        options: [{ option: 'retain', rationale: 'Cheap enough' }],
      });
      const unrated = await org.as.contributor.post(url(org, `/risks/${risk.id}/acceptance`), {
        kind: 'within_criteria',
        treatmentVersion: 1,
      });
      expect([unrated.statusCode, fields(unrated)]).toEqual([400, ['body.kind']]);
      const foreign = await other.as.contributor.post(url(other, `/risks/${risk.id}/acceptance`), {
        kind: 'within_criteria',
        treatmentVersion: 1,
      });
      expect(foreign.statusCode).toBe(404);
    });
  });

  describe('forms and history', () => {
    it('takes an empty exclusion explanation on an applicable control as none, and lets an archived risk release its control', async () => {
      const { org, risk } = await orgWithRisk();
      const controls = await chooseEdition(org);
      const c51 = controls.get('5.1')!;
      const empty = await org.as.isms_manager.patch(url(org, `/controls/${c51.id}`), {
        applicability: 'applicable',
        statedReason: 'Baseline',
        exclusionExplanation: '',
        expectedVersion: c51.version,
      });
      expect(empty.statusCode, empty.body).toBe(200);
      expect(empty.json().exclusionExplanation).toBeNull();
      const custom = await buildCustomControl(org.as.isms_manager, org.slug);
      await setTreatment(org.as.contributor, org.slug, risk.id, {
        options: [{ option: 'modify', rationale: 'Reduce' }],
        controls: [{ controlId: custom.id, effect: 'both' }],
      });
      expect((await org.as.isms_manager.del(url(org, `/controls/${custom.id}`))).statusCode).toBe(409);
      expect((await org.as.isms_manager.del(url(org, `/risks/${risk.id}`))).statusCode).toBe(204);
      expect((await org.as.isms_manager.del(url(org, `/controls/${custom.id}`))).statusCode).toBe(204);
    });
  });
});
