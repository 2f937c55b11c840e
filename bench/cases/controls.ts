// The SoA at the scale: the 93 controls of the 2022 edition plus 200 custom controls, every one decided,
// with 5,000 risks (seeded by the risks module) each treated by two controls. Measures a draft save (which takes
// every SoA line from the controls), the SoA version's XLSX and PDF exports, the consistency checks, and the risk
// treatment plan of 5,000 treated risks (a live page, a draft save, its XLSX export).
import { ok } from '../http-caller.js';
import type { BenchModule } from './types.js';
import { newId, nowIso } from '../../src/core/util/ids.js';

const CUSTOM = Number(process.env.BENCH_CUSTOM_CONTROLS ?? 200);

let soaId = '';
let planId = '';

export const controlsBench: BenchModule = {
  name: 'controls',
  async seed({ handle, org, userId, c }) {
    const o = `/api/v1/orgs/${org.slug}`;
    await ok(await c.post(`${o}/control-settings/edition`, { edition: 'iso27001-2022' }), 'edition');
    const now = nowIso();
    const custom = Array.from({ length: CUSTOM }, (_, i) => ({
      id: newId(),
      orgId: org.id,
      ref: `CUS-${String(i + 1).padStart(3, '0')}`,
      version: 1,
      createdAt: now,
      createdBy: userId,
      updatedAt: now,
      updatedBy: userId,
      archivedAt: null,
      title: `Custom control ${i + 1}`,
      source: 'custom',
      theme: 'technological',
      objective: null,
      description: 'A control of our own.',
      ownerId: userId,
      applicability: 'applicable',
      statedReason: 'Business requirement',
      exclusionReason: null,
      replacedById: null,
      exclusionExplanation: null,
      implementationStatus: 'implemented',
      plannedDate: null,
      implementation: 'Described in the runbook.',
      sortKey: `zz${now}${String(i).padStart(4, '0')}`,
    }));
    for (let i = 0; i < custom.length; i += 50)
      await handle.db
        .insertInto('controls')
        .values(custom.slice(i, i + 50))
        .execute();
    await handle.db
      .updateTable('controls')
      .set({ applicability: 'applicable', implementationStatus: 'in_progress', ownerId: userId })
      .where('orgId', '=', org.id)
      .where('source', '=', 'iso27001-2022')
      .execute();
    const controls = await handle.db
      .selectFrom('controls')
      .select('id')
      .where('orgId', '=', org.id)
      .orderBy('sortKey')
      .execute();
    const risks = await handle.db.selectFrom('risks').select('id').where('orgId', '=', org.id).execute();
    let links = 0;
    for (let i = 0; i < risks.length; i += 400) {
      const rows = risks.slice(i, i + 400).flatMap((r, j) => {
        const a = controls[(i + j) % controls.length]!.id;
        const b = controls[(i + j + 11) % controls.length]!.id;
        return [a, b].map((controlId, position) => ({
          orgId: org.id,
          riskId: r.id,
          controlId,
          effect: 'both',
          note: null,
          position,
        }));
      });
      await handle.db.insertInto('riskControls').values(rows).execute();
      links += rows.length;
    }
    // every risk treated: an option and an expected residual risk, so the treatment plan holds 5,000 rows
    for (let i = 0; i < risks.length; i += 400) {
      const slice = risks.slice(i, i + 400);
      await handle.db
        .insertInto('riskTreatments')
        .values(
          slice.map((r, j) => ({
            riskId: r.id,
            orgId: org.id,
            residualLikelihood: 1 + ((i + j) % 3),
            residualConsequence: null,
            residualConsequenceC: 1 + ((i + j) % 2),
            residualConsequenceI: null,
            residualConsequenceA: 1,
            residualRationale: null,
            version: 1,
            updatedAt: now,
            updatedBy: userId,
          })),
        )
        .execute();
      await handle.db
        .insertInto('riskTreatmentOptions')
        .values(
          slice.map((r) => ({
            orgId: org.id,
            riskId: r.id,
            option: 'modify',
            rationale: 'Reduce likelihood and consequence',
            position: 0,
          })),
        )
        .execute();
    }
    const plan = await ok(await c.post(`${o}/risk-treatment-plans`, { title: 'Bench plan' }), 'plan');
    planId = plan.id as string;
    await ok(
      await c.request('PUT', `${o}/risk-treatment-plans/${planId}/draft`, {
        content: { summary: 'Bench', plan: { rows: [] } },
      }),
      'plan draft',
    );
    const soa = await ok(await c.post(`${o}/statements-of-applicability`, { title: 'Bench SoA' }), 'soa');
    soaId = soa.id as string;
    await ok(
      await c.request('PUT', `${o}/statements-of-applicability/${soaId}/draft`, {
        content: { introduction: 'Bench', statement: { edition: null, rows: [] } },
      }),
      'draft',
    );
    return `${controls.length} controls (${CUSTOM} custom), ${links} risk-control links, ${risks.length} treatments, an SoA and a plan draft`;
  },
  cases: ({ org, c }) => {
    const base = `/api/v1/orgs/${org.slug}/statements-of-applicability/${soaId}`;
    return [
      {
        name: `soa: save a draft (every line from the controls)`,
        targetMs: 1500,
        runs: 5,
        run: () =>
          c.request('PUT', `${base}/draft`, {
            content: { introduction: `Bench ${Date.now()}`, statement: { edition: null, rows: [] } },
          }),
      },
      {
        name: `soa: XLSX export of ${93 + CUSTOM} lines`,
        targetMs: 1500,
        runs: 5,
        run: () => c.get(`${base}/versions/1/export.xlsx`),
      },
      {
        name: `soa: PDF export of ${93 + CUSTOM} lines`,
        targetMs: 5000,
        runs: 3,
        run: () => c.get(`${base}/versions/1/export.pdf`),
      },
      {
        name: `soa: consistency checks`,
        targetMs: 500,
        runs: 5,
        run: () => c.get(`/api/v1/orgs/${org.slug}/treatment-checks`),
      },
      {
        name: `plan: live page (50 of 5000 treated risks)`,
        targetMs: 150,
        run: () => c.get(`/api/v1/orgs/${org.slug}/risk-treatment-plan`),
      },
      {
        name: `plan: needing attention, first page`,
        targetMs: 300,
        run: () => c.get(`/api/v1/orgs/${org.slug}/risk-treatment-plan?attention=true`),
      },
      {
        name: `plan: save a draft (5000 rows from the treatments)`,
        targetMs: 5000,
        runs: 3,
        run: () =>
          c.request('PUT', `/api/v1/orgs/${org.slug}/risk-treatment-plans/${planId}/draft`, {
            content: { summary: `Bench ${Date.now()}`, plan: { rows: [] } },
          }),
      },
      {
        name: `plan: PDF export of 5000 rows`,
        targetMs: 15000,
        runs: 1,
        run: () => c.get(`/api/v1/orgs/${org.slug}/risk-treatment-plans/${planId}/versions/1/export.pdf`),
      },
      {
        name: `plan: XLSX export of 5000 rows`,
        targetMs: 5000,
        runs: 3,
        run: () => c.get(`/api/v1/orgs/${org.slug}/risk-treatment-plans/${planId}/versions/1/export.xlsx`),
      },
    ];
  },
};
