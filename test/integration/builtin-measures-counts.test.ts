import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { overdueActionsMeasure } from '../../src/core/actions/action-measures.js';
import { overdueNonconformitiesMeasure } from '../../src/core/improvement/nonconformity-measures.js';
import { acceptedRiskTreatmentsMeasure } from '../../src/core/risks/risk-measures.js';
import { testEnv, type TestEnv } from '../helpers/app.js';
import { chooseEdition, setTreatment } from '../helpers/control-factories.js';
import { DIALECTS } from '../helpers/databases.js';
import { buildAction, buildOrg, type TestOrg } from '../helpers/factories.js';
import { buildNc, stepsTo } from '../helpers/nonconformity-factories.js';
import { approveMethodology, buildRisk, startingMethodology } from '../helpers/risk-factories.js';

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

/**
 * Built-in measures computed from records made through the API, on both databases: the exact value and its base
 * measures, as of a given day, for one organization only.
 */
describe.each(DIALECTS)('built-in measures of actions, nonconformities and risks on %s', (kind) => {
  let env: TestEnv;
  let org: TestOrg;
  let other: TestOrg;
  beforeAll(async () => {
    env = await testEnv(kind);
    org = await buildOrg(env.app, env.handle);
    other = await buildOrg(env.app, env.handle);
  });
  afterAll(() => env?.close());
  const url = (o: TestOrg, path: string) => `/api/v1/orgs/${o.slug}${path}`;

  it('overdue actions: open ones past their due date, as of the day measured', async () => {
    const c = org.as.contributor;
    await buildAction(c, org.slug, { dueDate: day(-3) });
    await buildAction(c, org.slug, { dueDate: day(10), status: 'in_progress' });
    await buildAction(c, org.slug);
    await buildAction(c, org.slug, { dueDate: day(-3), status: 'done' });
    await buildAction(c, org.slug, { dueDate: day(-3), status: 'cancelled' });
    const archived = await buildAction(c, org.slug, { dueDate: day(-3) });
    expect((await org.as.admin.request('DELETE', url(org, `/actions/${archived.id}`))).statusCode).toBe(204);
    await buildAction(other.as.contributor, other.slug, { dueDate: day(-3) });

    expect(await overdueActionsMeasure.compute(env.handle.db, org.id, day(0))).toEqual({
      value: 1,
      base: { overdue: 1, open: 3 },
    });
    // eleven days on, the one due in ten days is overdue too
    expect(await overdueActionsMeasure.compute(env.handle.db, org.id, day(11))).toEqual({
      value: 2,
      base: { overdue: 2, open: 3 },
    });
  });

  it('open nonconformities past their due date; closed ones do not count', async () => {
    const c = org.as.contributor;
    await buildNc(c, org.slug, { foundOn: day(-30), dueDate: day(-10) });
    await buildNc(c, org.slug, { foundOn: day(-30), dueDate: day(10) });
    await buildNc(c, org.slug);
    const closed = await buildNc(org.as.admin, org.slug, { foundOn: day(-30), dueDate: day(-5) });
    await stepsTo(org.as.admin, org.slug, closed, ['correction']);
    const decided = await org.as.admin.post(url(org, `/nonconformities/${closed.id}/decision`), {
      expectedVersion: closed.version + 1,
      correctiveActionNeeded: false,
      decisionCriterion: 'One-off',
    });
    expect(decided.statusCode, decided.body).toBe(200);
    const done = await org.as.admin.post(url(org, `/nonconformities/${closed.id}/close`), {
      expectedVersion: decided.json().version,
    });
    expect(done.statusCode, done.body).toBe(200);
    await buildNc(other.as.contributor, other.slug, { foundOn: day(-30), dueDate: day(-10) });

    expect(await overdueNonconformitiesMeasure.compute(env.handle.db, org.id, day(0))).toEqual({
      value: 1,
      base: { pastDue: 1, open: 3 },
    });
    expect(await overdueNonconformitiesMeasure.compute(env.handle.db, org.id, day(11))).toEqual({
      value: 2,
      base: { pastDue: 2, open: 3 },
    });
  });

  it('risks beyond acceptance: the share whose owner accepted the current treatment, until its review date', async () => {
    const o = await buildOrg(env.app, env.handle);
    const measure = () => acceptedRiskTreatmentsMeasure.compute(env.handle.db, o.id, day(0));
    expect(await measure()).toEqual({
      value: null,
      base: { beyond: 0, accepted: 0 },
      note: 'No risk is beyond the acceptance criteria',
    });
    await approveMethodology(o, startingMethodology('five-by-five'));
    const controls = await chooseEdition(o);
    const owner = o.users.isms_manager.id;
    const treated = async () => {
      const risk = await buildRisk(o.as.contributor, o.slug, { ownerId: owner, likelihood: 5, consequence: 5 });
      const t = await setTreatment(o.as.contributor, o.slug, risk.id, {
        options: [{ option: 'modify', rationale: 'Reduce' }],
        controls: [{ controlId: controls.get('8.7')!.id, effect: 'likelihood' }],
        residual: { likelihood: 4, consequence: 4 },
      });
      return { risk, version: t.version as number };
    };
    const accept = async (riskId: string, treatmentVersion: number, expiresOn?: string) => {
      const res = await o.as.isms_manager.post(url(o, `/risks/${riskId}/acceptance`), {
        kind: 'concession',
        justification: 'Budget next year',
        treatmentVersion,
        ...(expiresOn ? { expiresOn } : {}),
      });
      expect(res.statusCode, res.body).toBe(200);
    };
    const accepted = await treated();
    await accept(accepted.risk.id, accepted.version, day(30));
    await treated(); // beyond, not accepted
    const outdated = await treated();
    await accept(outdated.risk.id, outdated.version);
    // a new treatment version outdates the acceptance
    await setTreatment(o.as.contributor, o.slug, outdated.risk.id, {
      options: [{ option: 'modify', rationale: 'Reduce more' }],
      controls: [{ controlId: controls.get('8.7')!.id, effect: 'likelihood' }],
      residual: { likelihood: 3, consequence: 4 },
      expectedVersion: outdated.version,
    });
    await buildRisk(o.as.contributor, o.slug, { ownerId: owner, likelihood: 1, consequence: 1 }); // within criteria

    expect(await measure()).toEqual({ value: 33.3, base: { beyond: 3, accepted: 1 } });
    // past the acceptance's review date it no longer counts
    expect(await acceptedRiskTreatmentsMeasure.compute(env.handle.db, o.id, day(31))).toEqual({
      value: 0,
      base: { beyond: 3, accepted: 0 },
    });
    // nor in another organization
    expect((await acceptedRiskTreatmentsMeasure.compute(env.handle.db, org.id, day(0))).base).toEqual({
      beyond: 0,
      accepted: 0,
    });
  });
});
