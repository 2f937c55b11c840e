import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../helpers/databases.js';
import { testEnv, type TestEnv } from '../helpers/app.js';
import { buildAction, buildOrg } from '../helpers/factories.js';
import { buildNc, stepsTo } from '../helpers/nonconformity-factories.js';
import { buildMeasure } from '../helpers/measure-factories.js';
import { buildObjective } from '../helpers/objective-factories.js';
import { approveMethodology, buildRisk, startingMethodology } from '../helpers/risk-factories.js';
import { setTreatment } from '../helpers/control-factories.js';
import { compile, daysFrom, today } from '../helpers/review-inputs-helpers.js';

/**
 * The management review's inputs d (performance, with trends) and f (risk assessment results and the treatment
 * plan) compiled from records seeded through the API: each figure moves when a record changes.
 */
describe.each(DIALECTS)('management review inputs d and f on %s', (kind) => {
  let env: TestEnv;
  beforeAll(async () => {
    env = await testEnv(kind);
  });
  afterAll(() => env?.close());

  it('d) counts nonconformities, corrective actions, measures, audits and objectives, with the monthly trend', async () => {
    const org = await buildOrg(env.app, env.handle);
    const d = today();
    const since = daysFrom(d, -30);
    const empty = await compile(env, org, d, since);
    expect(empty.fact('performance', 'Nonconformities open')).toBe(0);
    expect(empty.table('performance', 'Internal audits completed').emptyText).toBe(
      `No internal audit was completed since ${since}.`,
    );

    const nc = await buildNc(org.as.contributor, org.slug, { foundOn: daysFrom(d, -5), dueDate: daysFrom(d, -1) });
    // corrective actions are planned once the causes are analysed (10.2 b, c)
    await stepsTo(org.as.admin, org.slug, nc, ['correction', 'decision', 'analysis']);
    await buildAction(org.as.contributor, org.slug, {
      title: 'Fix the leaver checklist',
      sourceType: 'nonconformity',
      sourceId: nc.id,
      dueDate: daysFrom(d, -2),
    });
    const measure = await buildMeasure(org.as.contributor, org.slug, { title: 'Patched within 14 days' });
    await buildObjective(org.as.contributor, org.slug, { title: 'Reduce phishing clicks' });

    const r = await compile(env, org, d, since);
    expect(r.fact('performance', 'Nonconformities open')).toBe(1);
    expect(r.fact('performance', 'Nonconformities open past their due date')).toBe(1);
    expect(r.fact('performance', 'Nonconformities raised')).toBe(1);
    expect(r.fact('performance', 'Corrective actions open')).toBe(1);
    expect(r.fact('performance', 'Corrective actions overdue')).toBe(1);
    expect(r.fact('performance', 'Active measures')).toBe(1);
    expect(r.fact('performance', 'Measures with no result yet')).toBe(1);
    expect(r.table('performance', 'Monitoring and measurement').rows).toEqual([
      [measure.ref, 'Patched within 14 days', '', '', 'No result yet'],
    ]);
    expect(r.fact('performance', 'Active objectives')).toBe(1);
    const [ncChart, objectivesChart] = r.section('performance').charts;
    expect(ncChart!.chart.categories).toHaveLength(12);
    expect(ncChart!.chart.categories.at(-1)).toBe(d.slice(0, 7));
    const raised = ncChart!.chart.series[0]!.values;
    expect(raised.reduce((s, v) => s! + v!, 0)).toBe(1);
    expect(raised[ncChart!.chart.categories.indexOf(daysFrom(d, -5).slice(0, 7))]).toBe(1);
    expect(objectivesChart!.chart.series[0]!.values.reduce((s, v) => s! + v!, 0)).toBe(1);

    // a window that ended before the nonconformity was found: not raised in it, and not open then
    const earlier = await compile(env, org, daysFrom(d, -6), daysFrom(d, -60));
    expect(earlier.fact('performance', 'Nonconformities raised')).toBe(0);
    expect(earlier.fact('performance', 'Nonconformities open')).toBe(0);
    expect((await compile(env, org, d, daysFrom(d, -3))).fact('performance', 'Nonconformities raised')).toBe(0);
  });

  it('f) compares the latest closed assessment with the previous one and places every risk beyond the criteria', async () => {
    const org = await buildOrg(env.app, env.handle);
    const d = today();
    await approveMethodology(org, startingMethodology('five-by-five'));
    const owner = org.users.isms_manager.id;
    const high = await buildRisk(org.as.contributor, org.slug, {
      title: 'Ransomware',
      ownerId: owner,
      likelihood: 5,
      consequence: 5,
    });
    await buildRisk(org.as.contributor, org.slug, {
      title: 'Printer jam',
      ownerId: owner,
      likelihood: 1,
      consequence: 1,
    });

    const r1 = await compile(env, org, d, null);
    expect(r1.fact('riskResults', 'Risks in the register')).toBe(2);
    expect(r1.section('riskResults').charts[0]!.chart.series[0]!.values.reduce((s, v) => s! + v!, 0)).toBe(2);
    expect(r1.fact('riskResults', 'Risks beyond the acceptance criteria')).toBe(1);
    expect(r1.fact('riskResults', 'Of which with no treatment recorded')).toBe(1);
    expect(r1.section('riskResults').facts[0]).toEqual(['Latest closed risk assessment', 'None']);
    const row1 = r1.table('riskResults', 'Residual risks beyond').rows[0]!;
    expect([row1[0], row1[4], row1[5]]).toEqual([high.ref, 'No treatment', 'Not accepted']);

    const t = await setTreatment(org.as.contributor, org.slug, high.id, {
      options: [{ option: 'modify', rationale: 'Backups and EDR' }],
      residual: { likelihood: 4, consequence: 4 },
    });
    const accepted = await org.as.isms_manager.post(`/api/v1/orgs/${org.slug}/risks/${high.id}/acceptance`, {
      kind: 'concession',
      treatmentVersion: t.version,
      justification: 'Budget next year',
      expiresOn: '2099-01-01',
    });
    expect(accepted.statusCode, accepted.body).toBe(200);
    const r2 = await compile(env, org, d, null);
    expect(r2.fact('riskResults', 'Of which with no treatment recorded')).toBe(0);
    expect(r2.fact('riskResults', 'Residual risks beyond the criteria, accepted')).toBe(1);
    expect(r2.fact('riskResults', 'Residual risks beyond the criteria, not')).toBe(0);
    expect(r2.fact('riskResults', 'Risks with a treatment recorded')).toBe(1);
    expect(r2.table('riskResults', 'Residual risks beyond').rows[0]![5]).toMatch(/^Accepted by .+ on \d{4}-\d\d-\d\d$/);

    await setTreatment(org.as.contributor, org.slug, high.id, {
      options: [{ option: 'modify', rationale: 'Backups, EDR and offline copies' }],
      residual: { likelihood: 1, consequence: 2 },
    });
    const r3 = await compile(env, org, d, null);
    expect(r3.fact('riskResults', 'Of which treated with an expected residual risk within')).toBe(1);
    expect(r3.table('riskResults', 'Residual risks beyond').rows).toEqual([]);

    // two closed assessments: the latest against the previous one
    const assess = async (title: string) => {
      const a = await org.as.isms_manager.post(`/api/v1/orgs/${org.slug}/risk-assessments`, { title, startedOn: d });
      expect(a.statusCode, a.body).toBe(201);
      const closed = await org.as.isms_manager.post(`/api/v1/orgs/${org.slug}/risk-assessments/${a.json().id}/close`);
      expect(closed.statusCode, closed.body).toBe(200);
      return a.json() as { ref: string };
    };
    const first = await assess('Q1');
    const one = await compile(env, org, d, null);
    expect(one.section('riskResults').facts[0]![1]).toContain(first.ref);
    expect(one.fact('riskResults', 'Risks in the latest assessment')).toBe(2);
    const cloud = await buildRisk(org.as.contributor, org.slug, {
      title: 'Cloud outage',
      ownerId: owner,
      likelihood: 2,
      consequence: 5,
    });
    const second = await assess('Q2');
    const two = await compile(env, org, d, null);
    expect(two.section('riskResults').facts[0]![1]).toContain(second.ref);
    expect(two.fact('riskResults', 'Risks new in the latest assessment')).toBe(1);
    expect(two.table('riskResults', 'Changes from').rows.map((r) => [r[0], r[2]])).toEqual([[cloud.ref, 'New']]);
    // before either was closed: none
    expect((await compile(env, org, daysFrom(d, -1), null)).section('riskResults').facts[0]![1]).toBe('None');
  });
});
