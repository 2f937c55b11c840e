import crypto from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEnv, type TestEnv } from '../helpers/app.js';
import {
  buildCustomControl,
  chooseEdition,
  controlsByRef,
  putTreatment,
  setTreatment,
  type Control,
  type TreatmentBody,
} from '../helpers/control-factories.js';
import { DIALECTS } from '../helpers/databases.js';
import { buildOrg, writeCounts, type TestOrg } from '../helpers/factories.js';
import { approveMethodology, buildRisk, startingMethodology } from '../helpers/risk-factories.js';

const uuid = () => crypto.randomUUID();
type Res = LightMyRequestResponse;
const fields = (res: Res) => ((res.json().errors ?? []) as { field: string }[]).map((e) => e.field);

/** Risk treatment (27001 6.1.3 a–d): options, controls and the expected residual risk, and what they do to the SoA. */
describe.each(DIALECTS)('risk treatment on %s', (kind) => {
  let env: TestEnv;
  let org: TestOrg;
  let other: TestOrg;
  let controls: Map<string, Control>;
  beforeAll(async () => {
    env = await testEnv(kind);
    org = await buildOrg(env.app, env.handle);
    other = await buildOrg(env.app, env.handle);
  });
  afterAll(() => env?.close());

  const url = (path = '', o: TestOrg = org) => `/api/v1/orgs/${o.slug}${path}`;
  const db = () => env.handle.db;
  const c = (ref: string) => controls.get(ref)!;
  const controlRow = (id: string) =>
    db().selectFrom('controls').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const events = (type: string, o: TestOrg = org) =>
    db()
      .selectFrom('auditEvents')
      .select(['type', 'entityId', 'payload'])
      .where('orgId', '=', o.id)
      .where('type', '=', type)
      .orderBy('seq')
      .execute();
  const patchOk = async (o: TestOrg, id: string, body: Record<string, unknown>) => {
    const res = await o.as.isms_manager.patch(url(`/controls/${id}`, o), body);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as Control;
  };
  /** a risk with an owner and an analysis (status assessed) once the organization has an approved methodology */
  const assessedRisk = (o: TestOrg = org, overrides: Record<string, unknown> = {}) =>
    buildRisk(o.as.contributor, o.slug, {
      ownerId: o.users.contributor.id,
      likelihood: 3,
      consequence: 3,
      ...overrides,
    });

  describe('risk treatment', () => {
    let risk: { id: string; ref: string };
    /** The treatments the tests below save in turn, versions 1 to 4 of the ransomware risk's treatment. */
    const saves = (): TreatmentBody[] => [
      {
        options: [
          { option: 'modify', rationale: 'Backups and patching bring it down' },
          { option: 'retain', rationale: 'What is left is within appetite' },
        ],
        controls: [
          { controlId: c('8.13').id, effect: 'consequence', note: 'Offline copies' },
          { controlId: c('8.8').id, effect: 'likelihood' },
          { controlId: c('5.16').id, effect: 'both' },
        ],
        residual: { likelihood: 1, consequence: 1, rationale: 'Restore within a day' },
        expectedVersion: 0,
      },
      {
        options: [{ option: 'modify', rationale: 'Patching only' }],
        controls: [
          { controlId: c('8.13').id, effect: 'consequence' },
          { controlId: c('8.8').id, effect: 'likelihood' },
          { controlId: c('5.16').id, effect: 'both' },
        ],
        residual: { likelihood: 3, consequence: 3 },
        expectedVersion: 1,
      },
      {
        options: [{ option: 'modify', rationale: 'Patching only' }],
        controls: [
          { controlId: c('8.13').id, effect: 'consequence' },
          { controlId: c('8.8').id, effect: 'likelihood' },
          { controlId: c('5.16').id, effect: 'both' },
        ],
        residual: null,
      },
      {
        options: [{ option: 'modify', rationale: 'MDM instead of patching' }],
        controls: [
          { controlId: c('8.13').id, effect: 'consequence' },
          { controlId: c('CUS-001').id, effect: 'likelihood' },
        ],
        expectedVersion: 3,
      },
    ];
    /**
     * A new organization (the 2022 controls, an approved 3 × 3, custom control CUS-001) with the ransomware risk,
     * its treatment saved `versions` times: each test starts from the state it needs, not from an earlier test's.
     */
    async function treated(versions: number) {
      org = await buildOrg(env.app, env.handle);
      await chooseEdition(org);
      await approveMethodology(org, startingMethodology('three-by-three'));
      await buildCustomControl(org.as.isms_manager, org.slug, {
        title: 'Mobile device management',
        theme: 'technological',
      });
      controls = await controlsByRef(org);
      risk = await assessedRisk(org, { title: 'Ransomware on the file server' });
      if (versions > 0)
        await patchOk(org, c('5.16').id, { applicability: 'excluded', exclusionReason: 'out_of_scope' });
      for (const body of saves().slice(0, versions)) await setTreatment(org.as.contributor, org.slug, risk.id, body);
      controls = await controlsByRef(org);
    }
    beforeAll(() => treated(0));

    it('a risk has no treatment until one is saved', async () => {
      expect((await org.as.viewer.get(url(`/risks/${risk.id}`))).json().status).toBe('assessed');
      const res = await org.as.viewer.get(url(`/risks/${risk.id}/treatment`));
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({
        riskId: risk.id,
        riskRef: risk.ref,
        version: 0,
        updatedAt: null,
        options: [],
        controls: [],
        residual: {
          likelihood: null,
          consequence: null,
          consequenceC: null,
          consequenceI: null,
          consequenceA: null,
          rationale: null,
        },
        residualEvaluation: null,
      });
    });

    it('saves options, controls and residual risk; undecided controls become applicable; the risk is treatment planned', async () => {
      // 5.16 is excluded beforehand: a treatment naming it does not change that
      await patchOk(org, c('5.16').id, { applicability: 'excluded', exclusionReason: 'out_of_scope' });
      const before = await writeCounts(env.handle);
      const res = await putTreatment(org.as.contributor, org.slug, risk.id, {
        options: [
          { option: 'modify', rationale: 'Backups and patching bring it down' },
          { option: 'retain', rationale: 'What is left is within appetite' },
        ],
        controls: [
          { controlId: c('8.13').id, effect: 'consequence', note: 'Offline copies' },
          { controlId: c('8.8').id, effect: 'likelihood' },
          { controlId: c('5.16').id, effect: 'both' },
        ],
        residual: { likelihood: 1, consequence: 1, rationale: 'Restore within a day' },
        expectedVersion: 0,
      });
      expect(res.statusCode, res.body).toBe(200);
      const t = res.json();
      expect(t).toMatchObject({
        riskId: risk.id,
        version: 1,
        options: [
          { option: 'modify', rationale: 'Backups and patching bring it down' },
          { option: 'retain', rationale: 'What is left is within appetite' },
        ],
        residual: { likelihood: 1, consequence: 1, rationale: 'Restore within a day' },
        residualEvaluation: { level: 'low', acceptable: true, methodologyVersion: 1 },
      });
      expect(t.updatedBy).toBe(org.users.contributor.id);
      expect(t.controls).toEqual([
        expect.objectContaining({
          controlId: c('8.13').id,
          ref: '8.13',
          effect: 'consequence',
          note: 'Offline copies',
          applicability: 'applicable',
          source: 'iso27001-2022',
        }),
        expect.objectContaining({
          controlId: c('8.8').id,
          ref: '8.8',
          effect: 'likelihood',
          note: null,
          applicability: 'applicable',
        }),
        expect.objectContaining({ controlId: c('5.16').id, ref: '5.16', effect: 'both', applicability: 'excluded' }),
      ]);
      expect([...t.proposedApplicable].sort()).toEqual(['8.13', '8.8']);
      expect(await controlRow(c('8.13').id)).toMatchObject({
        applicability: 'applicable',
        version: c('8.13').version + 1,
      });
      expect(await controlRow(c('5.16').id)).toMatchObject({
        applicability: 'excluded',
        exclusionReason: 'out_of_scope',
      });
      expect((await org.as.viewer.get(url(`/risks/${risk.id}`))).json().status).toBe('treatment_planned');
      // the same, read back
      const read = (await org.as.viewer.get(url(`/risks/${risk.id}/treatment`))).json();
      expect(read).toMatchObject({
        version: 1,
        options: t.options,
        controls: t.controls,
        residual: t.residual,
        residualEvaluation: t.residualEvaluation,
      });
      // audited in the same write: the treatment and each control made applicable
      expect(await writeCounts(env.handle)).toEqual({ ...before, auditEvents: before.auditEvents + 3 });
      const [set] = await events('risk.treatment_set');
      expect(set!.entityId).toBe(risk.id);
      expect(JSON.parse(set!.payload)).toEqual({
        ref: risk.ref,
        version: 1,
        options: ['modify', 'retain'],
        controlsAdded: ['8.13', '8.8', '5.16'],
        controlsRemoved: [],
        residual: { likelihood: 1, consequence: 1, consequenceC: null, consequenceI: null, consequenceA: null },
        statusFrom: 'assessed',
        statusTo: 'treatment_planned',
      });
      const proposed = await events('control.proposed_applicable');
      expect(proposed.map((e) => e.entityId).sort()).toEqual([c('8.13').id, c('8.8').id].sort());
      expect(JSON.parse(proposed[0]!.payload)).toMatchObject({ riskRef: risk.ref });
    });

    it('evaluates the residual risk with the methodology, and gives no evaluation without residual values', async () => {
      await treated(1);
      const high = await setTreatment(org.as.contributor, org.slug, risk.id, {
        options: [{ option: 'modify', rationale: 'Patching only' }],
        controls: [
          { controlId: c('8.13').id, effect: 'consequence' },
          { controlId: c('8.8').id, effect: 'likelihood' },
          { controlId: c('5.16').id, effect: 'both' },
        ],
        residual: { likelihood: 3, consequence: 3 },
        expectedVersion: 1,
      });
      expect(high).toMatchObject({
        version: 2,
        residualEvaluation: { level: 'high', acceptable: false, methodologyVersion: 1 },
        proposedApplicable: [],
      });
      const none = await setTreatment(org.as.contributor, org.slug, risk.id, {
        options: [{ option: 'modify', rationale: 'Patching only' }],
        controls: [
          { controlId: c('8.13').id, effect: 'consequence' },
          { controlId: c('8.8').id, effect: 'likelihood' },
          { controlId: c('5.16').id, effect: 'both' },
        ],
        residual: null,
      });
      expect(none).toMatchObject({
        version: 3,
        residual: { likelihood: null, consequence: null, rationale: null },
        residualEvaluation: null,
      });
      // a second treatment does not move the status again
      const [, second] = await events('risk.treatment_set');
      expect(JSON.parse(second!.payload)).toMatchObject({
        version: 2,
        controlsAdded: [],
        controlsRemoved: [],
        statusFrom: null,
        statusTo: null,
      });
    });

    it('refuses bad treatments with the field named, writing nothing', async () => {
      await treated(3);
      const theirs = await buildCustomControl(other.as.admin, other.slug, { title: 'Other org control' });
      const archived = await buildCustomControl(org.as.isms_manager, org.slug, { title: 'Archived control' });
      expect((await org.as.isms_manager.del(url(`/controls/${archived.id}`))).statusCode).toBe(204);
      const base = {
        options: [{ option: 'modify', rationale: 'x' }],
        controls: [{ controlId: c('8.13').id, effect: 'consequence' }],
      };
      const cases: [Record<string, unknown>, string, number][] = [
        [{ ...base, residual: { likelihood: 4, consequence: 1 } }, 'body.residual.likelihood', 400],
        [{ ...base, residual: { likelihood: 1, consequence: 0 } }, 'body.residual.consequence', 400],
        [
          {
            ...base,
            options: [
              { option: 'modify', rationale: 'a' },
              { option: 'modify', rationale: 'b' },
            ],
          },
          'body.options.1.option',
          400,
        ],
        [{ ...base, options: [{ option: 'modify', rationale: '  ' }] }, 'body.options.0.rationale', 400],
        [
          {
            ...base,
            controls: [
              { controlId: c('8.13').id, effect: 'both' },
              { controlId: c('8.13').id, effect: 'likelihood' },
            ],
          },
          'body.controls.1.controlId',
          400,
        ],
        [
          {
            ...base,
            controls: [
              { controlId: c('8.13').id, effect: 'both' },
              { controlId: uuid(), effect: 'likelihood' },
            ],
          },
          'body.controls.1.controlId',
          400,
        ],
        [
          {
            ...base,
            controls: [
              { controlId: c('8.13').id, effect: 'both' },
              { controlId: theirs.id, effect: 'likelihood' },
            ],
          },
          'body.controls.1.controlId',
          400,
        ],
        [{ ...base, controls: [{ controlId: archived.id, effect: 'likelihood' }] }, 'body.controls.0.controlId', 400],
        [{ ...base, controls: [{ controlId: c('8.13').id, effect: 'sideways' }] }, 'body.controls.0.effect', 400],
        [{ ...base, expectedVersion: 1 }, 'body.expectedVersion', 409],
      ];
      const snapshot = async () => ({
        counts: await writeCounts(env.handle),
        treatment: (await org.as.viewer.get(url(`/risks/${risk.id}/treatment`))).json(),
        controls: await db()
          .selectFrom('controls')
          .select(['id', 'applicability', 'version'])
          .where('orgId', '=', org.id)
          .orderBy('id')
          .execute(),
        links: await db().selectFrom('riskControls').selectAll().orderBy('riskId').orderBy('controlId').execute(),
      });
      const before = await snapshot();
      for (const [body, field, status] of cases) {
        const res = await org.as.contributor.request('PUT', url(`/risks/${risk.id}/treatment`), body);
        expect(res.statusCode, `${JSON.stringify(body)} → ${res.body}`).toBe(status);
        expect(fields(res), JSON.stringify(body)).toEqual([field]);
      }
      expect(await snapshot()).toEqual(before);
      expect(before.treatment.version).toBe(3);
    });

    it('residual risk needs an approved methodology', async () => {
      const bare = await buildOrg(env.app, env.handle);
      const r = await buildRisk(bare.as.contributor, bare.slug, { title: 'Not yet analysed' });
      const before = await writeCounts(env.handle);
      const res = await putTreatment(bare.as.contributor, bare.slug, r.id, {
        options: [{ option: 'avoid', rationale: 'Stop the activity' }],
        residual: { likelihood: 1, consequence: 1 },
      });
      expect(res.statusCode).toBe(400);
      expect(fields(res)).toEqual(['body.residual']);
      expect(await writeCounts(env.handle)).toEqual(before);
      expect((await bare.as.viewer.get(url(`/risks/${r.id}/treatment`, bare))).json().version).toBe(0);
      // without residual values the treatment is saved, and an identified risk moves on too
      const ok = await setTreatment(bare.as.contributor, bare.slug, r.id, {
        options: [{ option: 'avoid', rationale: 'Stop the activity' }],
      });
      expect(ok).toMatchObject({ version: 1, residualEvaluation: null });
      expect((await bare.as.viewer.get(url(`/risks/${r.id}`, bare))).json().status).toBe('treatment_planned');
    });
  });
});
