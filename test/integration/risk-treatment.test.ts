import { beforeAll, describe, expect, it } from 'vitest';
import { buildCustomControl, putTreatment, setTreatment } from '../helpers/control-factories.js';
import { controlsSuite, uuid, fields } from '../helpers/controls-suite.js';
import { treatRansomware } from '../helpers/ransomware-treatment.js';
import { DIALECTS } from '../helpers/databases.js';
import { buildOrg, writeCounts } from '../helpers/factories.js';
import { buildRisk } from '../helpers/risk-factories.js';

/** Risk treatment (27001 6.1.3 a–d): options, controls and the expected residual risk, and what they do to the SoA. */
describe.each(DIALECTS)('risk treatment on %s', (kind) => {
  const s = controlsSuite(kind, { other: true });
  const { url, db, c, controlRow, events, patchOk } = s;

  describe('risk treatment', () => {
    let risk: { id: string; ref: string };
    /** The ransomware risk of a new organization, its treatment saved `versions` times (treatRansomware). */
    async function treated(versions: number) {
      risk = await treatRansomware(s, versions);
    }
    beforeAll(() => treated(0));

    it('a risk has no treatment until one is saved', async () => {
      expect((await s.org.as.viewer.get(url(`/risks/${risk.id}`))).json().status).toBe('assessed');
      const res = await s.org.as.viewer.get(url(`/risks/${risk.id}/treatment`));
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
      await patchOk(s.org, c('5.16').id, { applicability: 'excluded', exclusionReason: 'out_of_scope' });
      const before = await writeCounts(s.env.handle);
      const res = await putTreatment(s.org.as.contributor, s.org.slug, risk.id, {
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
      expect(t.updatedBy).toBe(s.org.users.contributor.id);
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
      expect((await s.org.as.viewer.get(url(`/risks/${risk.id}`))).json().status).toBe('treatment_planned');
      // the same, read back
      const read = (await s.org.as.viewer.get(url(`/risks/${risk.id}/treatment`))).json();
      expect(read).toMatchObject({
        version: 1,
        options: t.options,
        controls: t.controls,
        residual: t.residual,
        residualEvaluation: t.residualEvaluation,
      });
      // audited in the same write: the treatment and each control made applicable
      expect(await writeCounts(s.env.handle)).toEqual({ ...before, auditEvents: before.auditEvents + 3 });
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
      const high = await setTreatment(s.org.as.contributor, s.org.slug, risk.id, {
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
      const none = await setTreatment(s.org.as.contributor, s.org.slug, risk.id, {
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
      const theirs = await buildCustomControl(s.other.as.admin, s.other.slug, { title: 'Other org control' });
      const archived = await buildCustomControl(s.org.as.isms_manager, s.org.slug, { title: 'Archived control' });
      expect((await s.org.as.isms_manager.del(url(`/controls/${archived.id}`))).statusCode).toBe(204);
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
        counts: await writeCounts(s.env.handle),
        treatment: (await s.org.as.viewer.get(url(`/risks/${risk.id}/treatment`))).json(),
        controls: await db()
          .selectFrom('controls')
          .select(['id', 'applicability', 'version'])
          .where('orgId', '=', s.org.id)
          .orderBy('id')
          .execute(),
        links: await db().selectFrom('riskControls').selectAll().orderBy('riskId').orderBy('controlId').execute(),
      });
      const before = await snapshot();
      for (const [body, field, status] of cases) {
        const res = await s.org.as.contributor.request('PUT', url(`/risks/${risk.id}/treatment`), body);
        expect(res.statusCode, `${JSON.stringify(body)} → ${res.body}`).toBe(status);
        expect(fields(res), JSON.stringify(body)).toEqual([field]);
      }
      expect(await snapshot()).toEqual(before);
      expect(before.treatment.version).toBe(3);
    });

    it('residual risk needs an approved methodology', async () => {
      const bare = await buildOrg(s.env.app, s.env.handle);
      const r = await buildRisk(bare.as.contributor, bare.slug, { title: 'Not yet analysed' });
      const before = await writeCounts(s.env.handle);
      const res = await putTreatment(bare.as.contributor, bare.slug, r.id, {
        options: [{ option: 'avoid', rationale: 'Stop the activity' }],
        residual: { likelihood: 1, consequence: 1 },
      });
      expect(res.statusCode).toBe(400);
      expect(fields(res)).toEqual(['body.residual']);
      expect(await writeCounts(s.env.handle)).toEqual(before);
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
