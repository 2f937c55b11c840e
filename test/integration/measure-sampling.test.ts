import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { leaseOf } from '../../src/core/jobs/lease.js';
import { sampleDueMeasures } from '../../src/core/measurement/builtin/builtin-sampler.js';
import { runSamplingJob, SAMPLING_JOB } from '../../src/core/measurement/builtin/sampling-job.js';
import { periodKey, periodsBetween } from '../../src/schema/measurement/measure-target.js';
import { buildApp } from '../../src/server/app.js';
import { testEnv, type TestEnv } from '../helpers/app.js';
import { DIALECTS } from '../helpers/databases.js';
import { buildAction, buildOrg, type TestOrg } from '../helpers/factories.js';

const DAY = 86_400_000;
const day = (offset: number, from = Date.now()) => new Date(from + offset * DAY).toISOString().slice(0, 10);
const month = (d: Date) => periodKey('monthly', d.toISOString().slice(0, 10));

/**
 * The sampler takes every built-in measure that is due, in every organization: the current period `builtin`,
 * missed ones `builtin_catch_up` with a note, one result per period however many runs at once; under the lease
 * one instance samples; the server plugin samples once listening and gives the lease back on close.
 */
describe.each(DIALECTS)('sampling built-in measures on %s', (kind) => {
  let env: TestEnv;
  beforeAll(async () => {
    env = await testEnv(kind);
  });
  afterAll(() => env?.close());
  const db = () => env.handle.db;

  /** An organization with the overdue-actions measure switched on and one action three days overdue. */
  async function orgWithMeasure(): Promise<{ org: TestOrg; measureId: string }> {
    const org = await buildOrg(env.app, env.handle);
    const res = await org.as.contributor.post(`/api/v1/orgs/${org.slug}/measures/built-in`, { key: 'overdue_actions' });
    expect(res.statusCode, res.body).toBe(201);
    await buildAction(org.as.contributor, org.slug, { dueDate: day(-3) });
    return { org, measureId: res.json().id };
  }
  const resultsOf = (measureId: string) =>
    db()
      .selectFrom('measureResults')
      .select(['periodKey', 'value', 'baseValues', 'rag', 'source', 'recordedBy', 'note', 'measuredOn'])
      .where('measureId', '=', measureId)
      .orderBy('periodKey')
      .execute();
  const recordedEvents = async (measureId: string) =>
    db()
      .selectFrom('auditEvents')
      .select(['actorKind', 'actorId'])
      .where('entityId', '=', measureId)
      .where('type', '=', 'measure_result.recorded')
      .execute();

  it('stores the current period once, by the system; a second run stores nothing more', async () => {
    const { measureId } = await orgWithMeasure();
    const now = new Date();
    await sampleDueMeasures(db(), now);
    await sampleDueMeasures(db(), now);
    expect(await resultsOf(measureId)).toEqual([
      {
        periodKey: month(now),
        value: 1,
        baseValues: JSON.stringify({ overdue: 1, open: 1 }),
        rag: 'amber',
        source: 'builtin',
        recordedBy: null,
        note: null,
        measuredOn: now.toISOString().slice(0, 10),
      },
    ]);
    const measure = await db()
      .selectFrom('measures')
      .select(['latestValue', 'latestPeriod', 'latestRag'])
      .where('id', '=', measureId)
      .executeTakeFirstOrThrow();
    expect(measure).toEqual({ latestValue: 1, latestPeriod: month(now), latestRag: 'amber' });
    expect(await recordedEvents(measureId)).toEqual([{ actorKind: 'system', actorId: null }]);
  });

  it('after a gap, catches up every missed period with a note; the value is that of the day it runs', async () => {
    const { org, measureId } = await orgWithMeasure();
    await buildAction(org.as.contributor, org.slug, { dueDate: day(30) });
    const start = new Date();
    await sampleDueMeasures(db(), start);
    const later = new Date(start.getTime() + 95 * DAY);
    await sampleDueMeasures(db(), later);

    const results = await resultsOf(measureId);
    const periods = periodsBetween('monthly', month(start), month(later));
    expect(results.map((r) => r.periodKey)).toEqual(periods);
    expect(results[0]).toMatchObject({ source: 'builtin', value: 1 });
    const caughtUp = results.slice(1, -1);
    expect(caughtUp.length).toBeGreaterThanOrEqual(2);
    for (const r of caughtUp) {
      expect(r).toMatchObject({ source: 'builtin_catch_up', value: 2, measuredOn: later.toISOString().slice(0, 10) });
      expect(r.note).toContain(`Taken late, on ${later.toISOString().slice(0, 10)}`);
    }
    expect(results.at(-1)).toMatchObject({ source: 'builtin', value: 2, note: null, periodKey: month(later) });
    expect(await recordedEvents(measureId)).toHaveLength(periods.length);
  });

  it('two runs at once store one result per period, each with one audit event', async () => {
    const a = await orgWithMeasure();
    const b = await orgWithMeasure();
    const later = new Date(Date.now() + 95 * DAY);
    const runs = await Promise.all([sampleDueMeasures(db(), later), sampleDueMeasures(db(), later)]);
    // neither run failed (a second insert of a period is skipped, not an error)
    expect(runs.flatMap((r) => r.failed)).toEqual([]);
    const periods = periodsBetween('monthly', month(new Date()), month(later));
    for (const { measureId } of [a, b]) {
      const results = await resultsOf(measureId);
      expect(results.map((r) => r.periodKey)).toEqual(periods);
      expect(results.map((r) => r.source)).toEqual([
        ...Array<string>(periods.length - 1).fill('builtin_catch_up'),
        'builtin',
      ]);
      expect(await recordedEvents(measureId)).toHaveLength(periods.length);
    }
  });

  it('a retired measure is not sampled, nor an organization’s measure for another', async () => {
    const { org, measureId } = await orgWithMeasure();
    const retired = await org.as.contributor.patch(`/api/v1/orgs/${org.slug}/measures/${measureId}`, {
      status: 'retired',
    });
    expect(retired.statusCode, retired.body).toBe(200);
    const other = await orgWithMeasure();
    await sampleDueMeasures(db(), new Date());
    expect(await resultsOf(measureId)).toEqual([]);
    expect(await resultsOf(other.measureId)).toHaveLength(1);
  });

  it('a share with nothing to share is stored without a value, saying why', async () => {
    const org = await buildOrg(env.app, env.handle);
    const res = await org.as.contributor.post(`/api/v1/orgs/${org.slug}/measures/built-in`, {
      key: 'applicable_controls_with_evidence',
    });
    expect(res.statusCode, res.body).toBe(201);
    await sampleDueMeasures(db(), new Date());
    const [result, ...more] = await resultsOf(res.json().id);
    expect(more).toEqual([]);
    expect(result).toMatchObject({ value: null, rag: null, source: 'builtin' });
    expect(result!.note).toContain('No control is declared applicable yet');
  });

  it('under the lease, one of two instances samples; the other takes over once the lease has run out', async () => {
    // an hour ago, so that the lease has run out again when the plugin's test below asks for it
    const t = new Date(Date.now() - 60 * 60_000);
    const [one, two] = await Promise.all([
      runSamplingJob(db(), 'instance-1', 60_000, t),
      runSamplingJob(db(), 'instance-2', 60_000, t),
    ]);
    expect([one, two].filter((o) => o !== null)).toHaveLength(1);
    const winner = one ? 'instance-1' : 'instance-2';
    expect((await leaseOf(db(), SAMPLING_JOB))?.holder).toBe(winner);
    const loser = one ? 'instance-2' : 'instance-1';
    expect(await runSamplingJob(db(), loser, 60_000, new Date(t.getTime() + 30_000))).toBeNull();
    expect(await runSamplingJob(db(), loser, 60_000, new Date(t.getTime() + 61_000))).not.toBeNull();
    expect((await leaseOf(db(), SAMPLING_JOB))?.holder).toBe(loser);
  });

  it('the server samples once listening, and gives the lease back when it closes', async () => {
    const { measureId } = await orgWithMeasure();
    const app = await buildApp({ handle: env.handle, webDir: '/nonexistent', measureSamplingEveryMs: 60_000 });
    try {
      await app.listen({ port: 0, host: '127.0.0.1' });
      await vi.waitFor(async () => expect(await resultsOf(measureId)).toHaveLength(1), {
        timeout: 60_000,
        interval: 200,
      });
    } finally {
      await app.close();
    }
    const lease = await leaseOf(db(), SAMPLING_JOB);
    expect(lease?.holder).toMatch(/:\d+:/);
    expect(lease!.leaseUntil <= new Date().toISOString()).toBe(true);
    expect(lease!.lastRunAt).not.toBeNull();
  });
});
