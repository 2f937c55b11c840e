import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEnv, type TestEnv } from '../helpers/app.js';
import { buildCustomControl, chooseEdition, controlsByRef, setTreatment } from '../helpers/control-factories.js';
import { DIALECTS } from '../helpers/databases.js';
import { buildAction, buildOrg, type TestOrg } from '../helpers/factories.js';
import { approveMethodology, buildRisk, startingMethodology } from '../helpers/risk-factories.js';

type Res = LightMyRequestResponse;

/** The SoA and the risk treatment plan as approved documents, and the consistency checks (6.1.3; soa-and-plan.test.ts has the migration and the acceptance). */
describe.each(DIALECTS)('the SoA and treatment plan as documents, and the checks on %s', (kind) => {
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

  describe('the SoA as a controlled document', () => {
    it('takes its lines from the controls on every draft save, freezes them on approval, compares versions line by line and exports them', async () => {
      const { org, risk } = await orgWithRisk();
      const controls = await chooseEdition(org);
      const custom = await buildCustomControl(org.as.isms_manager, org.slug, {
        title: 'Mobile device management',
        applicability: 'applicable',
        statedReason: 'Phones everywhere',
      });
      await setTreatment(org.as.contributor, org.slug, risk.id, {
        options: [{ option: 'modify', rationale: 'Reduce' }],
        controls: [{ controlId: controls.get('8.1')!.id, effect: 'both' }],
      });
      const soa = (
        await org.as.isms_manager.post(url(org, '/statements-of-applicability'), {
          title: 'Statement of Applicability',
        })
      ).json();
      expect(
        (await org.as.isms_manager.post(url(org, '/statements-of-applicability'), { title: 'Another' })).statusCode,
      ).toBe(409);
      const base = url(org, `/statements-of-applicability/${soa.id}`);
      // the client's lines are ignored: the server takes them from the controls
      const forged = { edition: 'forged', rows: [] };
      const v1 = await org.as.isms_manager.request('PUT', `${base}/draft`, {
        content: { introduction: 'Our SoA.', statement: forged },
      });
      expect(v1.statusCode, v1.body).toBe(200);
      const rows = v1.json().content.statement.rows as {
        ref: string;
        applicability: string;
        risks: { ref: string }[];
        statedReason: string | null;
      }[];
      expect(v1.json().content.statement.edition).toBe('iso27001-2022');
      expect(rows).toHaveLength(94);
      expect(rows.at(-1)).toMatchObject({ ref: custom.ref, statedReason: 'Phones everywhere' });
      expect(rows.find((r) => r.ref === '8.1')).toMatchObject({
        applicability: 'applicable',
        risks: [{ ref: risk.ref }],
      });

      expect(
        (await org.as.approver.post(`${base}/versions/1/approve`, { contentHash: v1.json().contentHash })).statusCode,
      ).toBe(200);
      await env.handle.db
        .updateTable('recordVersions')
        .set({ content: '{}' })
        .where('recordId', '=', soa.id)
        .where('versionNo', '=', 1)
        .execute()
        .then(
          () => expect.unreachable('an approved version must not change'),
          (e: Error) => expect(e.message).toMatch(/approved|immutable|refus/i),
        );

      const c55 = controls.get('5.5')!;
      expect(
        (
          await org.as.isms_manager.patch(url(org, `/controls/${c55.id}`), {
            applicability: 'excluded',
            exclusionReason: 'out_of_scope',
            exclusionExplanation: 'No authorities involved',
            expectedVersion: c55.version,
          })
        ).statusCode,
      ).toBe(200);
      const c81 = (await controlsByRef(org)).get('8.1')!;
      expect(
        (
          await org.as.isms_manager.patch(url(org, `/controls/${c81.id}`), {
            implementationStatus: 'implemented',
            expectedVersion: c81.version,
          })
        ).statusCode,
      ).toBe(200);
      const v2 = await org.as.isms_manager.request('PUT', `${base}/draft`, {
        content: { introduction: 'Our SoA.', statement: forged },
      });
      expect(v2.json().versionNo).toBe(2);
      const diff = (await org.as.viewer.get(`${base}/compare?from=1&to=2`)).json();
      expect(diff.rows.map((r: { ref: string; changes: string[] }) => [r.ref, r.changes])).toEqual([
        ['5.5', ['applicability', 'justification']],
        ['8.1', ['status']],
      ]);
      expect(diff.counts).toMatchObject({ applicability: 1, justification: 1, status: 1, added: 0, removed: 0 });

      const xlsx = (await org.as.viewer.get(`${base}/versions/1/export.xlsx`)) as unknown as Res;
      expect(xlsx.statusCode).toBe(200);
      expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
      const csv = await org.as.viewer.get(`${base}/versions/2/export.csv`);
      const lines = csv.body
        .replace(/^\uFEFF/, '')
        .trim()
        .split(/\r?\n/);
      expect(lines[0]).toContain('Reason for exclusion');
      expect(lines).toHaveLength(95);
      expect(lines.find((l) => l.startsWith('5.5,'))).toContain('Outside the scope of the ISMS');
      const pdf = (await org.as.viewer.get(`${base}/versions/1/export.pdf`)) as unknown as Res;
      expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    });
  });

  describe('the treatment plan and the checks', () => {
    it('lists treated risks with actions, acceptance and revisits, and the checks point at what to fix', async () => {
      const { org, risk } = await orgWithRisk();
      const controls = await chooseEdition(org);
      const untreated = await buildRisk(org.as.contributor, org.slug, {
        ownerId: org.users.contributor.id,
        likelihood: 5,
        consequence: 4,
      });
      let t = await setTreatment(org.as.contributor, org.slug, risk.id, {
        options: [{ option: 'modify', rationale: 'Reduce' }],
        controls: [{ controlId: controls.get('8.7')!.id, effect: 'likelihood' }],
        residual: { likelihood: 4, consequence: 4 },
      });
      await buildAction(org.as.contributor, org.slug, {
        title: 'Deploy endpoint protection',
        dueDate: '2020-01-01',
        sourceType: 'risk',
        sourceId: risk.id,
      });
      const c87 = (await controlsByRef(org)).get('8.7')!;
      await org.as.isms_manager.patch(url(org, `/controls/${c87.id}`), {
        applicability: 'excluded',
        exclusionReason: 'not_needed',
        expectedVersion: c87.version,
      });

      const plan = (await org.as.viewer.get(url(org, '/risk-treatment-plan'))).json();
      expect(plan.total).toBe(1);
      expect(plan.items[0]).toMatchObject({
        ref: risk.ref,
        residualAcceptable: false,
        acceptance: null,
        needsRevisit: false,
        progress: { actionsDone: 0, actions: 1, controls: 1, controlsImplemented: 0 },
      });
      expect(plan.items[0].actions[0]).toMatchObject({ title: 'Deploy endpoint protection', overdue: true });

      const checks = new Map(
        (
          (await org.as.viewer.get(url(org, '/treatment-checks'))).json().checks as {
            key: string;
            count: number;
            items: { ref: string }[];
          }[]
        ).map((c) => [c.key, c]),
      );
      const refs = (key: string) => checks.get(key)!.items.map((i) => i.ref);
      expect(refs('risk_without_treatment')).toEqual([untreated.ref]);
      expect(refs('risk_without_owner_approval')).toEqual([risk.ref]);
      expect(refs('residual_above_acceptance')).toEqual([risk.ref]);
      expect(refs('excluded_but_treating')).toEqual(['8.7']);
      expect(refs('exclusion_without_explanation')).toEqual(['8.7']);
      expect(checks.get('actions_overdue')!.count).toBe(1);

      // a concession clears the residual check; the owner's acceptance clears the approval check
      await org.as.contributor.post(url(org, `/risks/${risk.id}/acceptance`), {
        kind: 'concession',
        justification: 'Next budget',
        treatmentVersion: t.version,
      });
      const after = new Map(
        (
          (await org.as.viewer.get(url(org, '/treatment-checks'))).json().checks as { key: string; count: number }[]
        ).map((c) => [c.key, c.count]),
      );
      expect([after.get('residual_above_acceptance'), after.get('risk_without_owner_approval')]).toEqual([0, 0]);
      expect((await org.as.viewer.get(url(org, '/risk-treatment-plan?attention=true'))).json().total).toBe(1); // the overdue action

      // re-evaluating the risk after its treatment calls the treatment to be revisited
      const current = (await org.as.viewer.get(url(org, `/risks/${risk.id}`))).json();
      await new Promise((r) => setTimeout(r, 5));
      expect(
        (
          await org.as.contributor.patch(url(org, `/risks/${risk.id}`), {
            likelihood: 4,
            expectedVersion: current.version,
          })
        ).statusCode,
      ).toBe(200);
      expect((await org.as.viewer.get(url(org, '/risk-treatment-plan'))).json().items[0].needsRevisit).toBe(true);

      // the plan as a document: the server fills it from the treatments, management approves it
      const rtp = (
        await org.as.isms_manager.post(url(org, '/risk-treatment-plans'), { title: 'Risk treatment plan' })
      ).json();
      const draft = await org.as.isms_manager.request('PUT', url(org, `/risk-treatment-plans/${rtp.id}/draft`), {
        content: { summary: 'Plan', plan: { rows: [] } },
      });
      expect(draft.json().content.plan.rows.map((r: { ref: string }) => r.ref)).toEqual([risk.ref]);
      expect(
        (
          await org.as.isms_manager.post(url(org, `/risk-treatment-plans/${rtp.id}/versions/1/approve`), {
            contentHash: draft.json().contentHash,
          })
        ).statusCode,
      ).toBe(403);
      expect(
        (
          await org.as.approver.post(url(org, `/risk-treatment-plans/${rtp.id}/versions/1/approve`), {
            contentHash: draft.json().contentHash,
          })
        ).statusCode,
      ).toBe(200);
      const xlsx = (await org.as.viewer.get(
        url(org, `/risk-treatment-plans/${rtp.id}/versions/1/export.xlsx`),
      )) as unknown as Res;
      expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
      t = (await org.as.viewer.get(url(org, `/risks/${risk.id}/treatment`))).json();
      expect(t.acceptance.state).toBe('valid');
    });
  });
});
