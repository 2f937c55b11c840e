import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../helpers/databases.js';
import { testEnv, type TestEnv } from '../helpers/app.js';
import { buildOrg, type TestOrg } from '../helpers/factories.js';
import { buildEvidence } from '../helpers/evidence-factories.js';
import { buildObjective, todayIso, type MadeObjective } from '../helpers/objective-factories.js';
import { objectiveCounts } from '../helpers/objective-counts.js';
import { refreshObjectiveStatuses } from '../../src/core/objectives/objective-status-refresh.js';

const fields = (res: { json(): { errors?: { field: string }[] } }) =>
  (res.json().errors ?? []).map((e) => e.field).sort();
const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);

describe.each(DIALECTS)('objective progress, status and chart on %s', (kind) => {
  let env: TestEnv;
  let org: TestOrg;
  let other: TestOrg;
  beforeAll(async () => {
    env = await testEnv(kind);
    org = await buildOrg(env.app, env.handle);
    other = await buildOrg(env.app, env.handle);
  });
  afterAll(() => env?.close());

  const url = (path = '') => `/api/v1/orgs/${org.slug}/objectives${path}`;
  const c = () => org.as.contributor;
  const record = (o: { id: string }, body: Record<string, unknown>) => c().post(url(`/${o.id}/progress`), body);
  const read = async (o: { id: string }) => (await c().get(url(`/${o.id}`))).json() as MadeObjective;

  it('records manual progress with evidence; the latest value and the status follow, in one audited transaction', async () => {
    const o = await buildObjective(c(), org.slug, {
      baselineValue: 60,
      startDate: daysAgo(200),
      deadline: '2099-12-31',
    });
    const evidence = await buildEvidence(c(), org.slug);
    const res = await record(o, { entryDate: daysAgo(10), value: 80, note: 'Q3 survey', evidenceIds: [evidence.id] });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ value: 80, evidenceIds: [evidence.id], recordedBy: org.users.contributor.id });
    // 60 to 80 in 190 days reaches 95 long before 2099
    expect(await read(o)).toMatchObject({ latestValue: 80, latestValueDate: daysAgo(10), progressStatus: 'on_track' });
    const met = await record(o, { entryDate: todayIso(), value: 96.5 });
    expect(met.statusCode).toBe(201);
    expect(await read(o)).toMatchObject({ latestValue: 96.5, progressStatus: 'achieved', lifecycle: 'active' });
    const list = (await c().get(url(`/${o.id}/progress`))).json().items as { value: number }[];
    expect(list.map((e) => e.value)).toEqual([96.5, 80]);
    const events = await env.handle.db
      .selectFrom('auditEvents')
      .select('type')
      .where('entityId', '=', o.id)
      .where('type', '=', 'objective.progress_recorded')
      .execute();
    expect(events).toHaveLength(2);
  });

  it('says at risk when the line from the baseline does not reach the target by the deadline', async () => {
    const o = await buildObjective(c(), org.slug, {
      baselineValue: 60,
      startDate: daysAgo(100),
      deadline: daysAgo(-30),
    });
    await record(o, { entryDate: todayIso(), value: 62 });
    expect((await read(o)).progressStatus).toBe('at_risk');
  });

  it('says missed once the deadline has passed unmet, and re-reads the status when the target changes', async () => {
    const o = await buildObjective(c(), org.slug, { startDate: daysAgo(100), deadline: daysAgo(1) });
    await record(o, { entryDate: daysAgo(2), value: 90 });
    expect((await read(o)).progressStatus).toBe('missed');
    const lowered = await c().patch(url(`/${o.id}`), { targetValue: 90 });
    expect(lowered.json()).toMatchObject({ progressStatus: 'achieved' });
  });

  it('refuses a future date, foreign evidence and progress on an objective not measured manually, writing nothing', async () => {
    const o = await buildObjective(c(), org.slug);
    const foreign = await buildEvidence(other.as.contributor, other.slug);
    const measured = await buildObjective(c(), org.slug, { measurementMode: 'measures' });
    const before = await objectiveCounts(env.handle);
    const future = await record(o, { entryDate: '2999-01-01', value: 1 });
    expect(future.statusCode).toBe(400);
    expect(fields(future)).toEqual(['body.entryDate']);
    const bad = await record(o, { entryDate: todayIso(), value: 1, evidenceIds: [foreign.id] });
    expect(bad.statusCode).toBe(400);
    expect(fields(bad)).toEqual(['body.evidenceIds.0']);
    const wrongMode = await record(measured, { entryDate: todayIso(), value: 1 });
    expect(wrongMode.statusCode).toBe(409);
    expect(fields(wrongMode)).toEqual(['measurementMode']);
    const notANumber = await record(o, { entryDate: todayIso(), value: 'ninety' });
    expect(notANumber.statusCode).toBe(400);
    expect(fields(notANumber)).toEqual(['body.value']);
    expect(await objectiveCounts(env.handle)).toEqual(before);
  });

  it('keeps entries append-only: the database refuses to change one', async () => {
    const o = await buildObjective(c(), org.slug);
    await record(o, { entryDate: todayIso(), value: 10 });
    await expect(
      env.handle.db.updateTable('objectiveProgress').set({ value: 99 }).where('objectiveId', '=', o.id).execute(),
    ).rejects.toThrow(/append-only/);
  });

  it('draws the progress chart: values oldest first with the status each gave, target, baseline and deadline', async () => {
    const o = await buildObjective(c(), org.slug, {
      baselineValue: 50,
      startDate: daysAgo(60),
      deadline: '2099-12-31',
    });
    await record(o, { entryDate: daysAgo(30), value: 70 });
    await record(o, { entryDate: daysAgo(5), value: 95 });
    const res = await c().get(url(`/${o.id}/progress-series`));
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      points: [
        { date: daysAgo(30), value: 70, source: 'manual', status: 'on_track' },
        { date: daysAgo(5), value: 95, source: 'manual', status: 'achieved' },
      ],
      target: 95,
      targetUnit: '%',
      targetDirection: 'at_least',
      baseline: 50,
      startDate: daysAgo(60),
      deadline: '2099-12-31',
      status: 'achieved',
    });
  });

  it('filters the list by the derived status in SQL', async () => {
    const fresh = await buildOrg(env.app, env.handle);
    const a = await buildObjective(fresh.as.contributor, fresh.slug);
    const b = await buildObjective(fresh.as.contributor, fresh.slug);
    await fresh.as.contributor.post(`/api/v1/orgs/${fresh.slug}/objectives/${a.id}/progress`, {
      entryDate: todayIso(),
      value: 99,
    });
    const achieved = await fresh.as.viewer.get(`/api/v1/orgs/${fresh.slug}/objectives?progressStatus=achieved`);
    expect(achieved.json().items.map((x: { id: string }) => x.id)).toEqual([a.id]);
    const notMeasured = await fresh.as.viewer.get(`/api/v1/orgs/${fresh.slug}/objectives?progressStatus=not_measured`);
    expect(notMeasured.json().items.map((x: { id: string }) => x.id)).toEqual([b.id]);
  });

  it('answers 404 for an objective of another organization and writes nothing', async () => {
    const foreign = await buildObjective(other.as.contributor, other.slug);
    const before = await objectiveCounts(env.handle);
    const res = await record(foreign, { entryDate: todayIso(), value: 1 });
    expect(res.statusCode).toBe(404);
    expect((await c().get(url(`/${foreign.id}/progress-series`))).statusCode).toBe(404);
    expect(await objectiveCounts(env.handle)).toEqual(before);
  });
});

describe.each(DIALECTS)('objective statuses the calendar changes on %s', (kind) => {
  let env: TestEnv;
  let org: TestOrg;
  beforeAll(async () => {
    env = await testEnv(kind);
    org = await buildOrg(env.app, env.handle);
  });
  afterAll(() => env?.close());

  it('marks an objective missed once its deadline has passed, and at risk when values stop coming', async () => {
    const c = org.as.contributor;
    const due = await buildObjective(c, org.slug, { deadline: daysAgo(-10) });
    const quiet = await buildObjective(c, org.slug, { deadline: '2099-12-31' });
    for (const o of [due, quiet])
      await c.post(`/api/v1/orgs/${org.slug}/objectives/${o.id}/progress`, { entryDate: todayIso(), value: 80 });
    const list = async (status: string) =>
      ((await c.get(`/api/v1/orgs/${org.slug}/objectives?progressStatus=${status}`)).json().items as { id: string }[])
        .map((x) => x.id)
        .sort();
    expect(await list('on_track')).toEqual([due.id, quiet.id].sort());
    // twenty days on: the deadline has passed; a year on, no value for more than 1.5 quarters
    expect(await refreshObjectiveStatuses(env.handle.db, daysAgo(-20))).toBeGreaterThanOrEqual(1);
    expect(await list('missed')).toEqual([due.id]);
    await refreshObjectiveStatuses(env.handle.db, daysAgo(-365));
    expect(await list('at_risk')).toEqual([quiet.id]);
    // a second pass on the same day changes nothing
    expect(await refreshObjectiveStatuses(env.handle.db, daysAgo(-365))).toBe(0);
  });
});
