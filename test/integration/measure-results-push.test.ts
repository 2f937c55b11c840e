import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../helpers/databases.js';
import { testEnv, type TestEnv } from '../helpers/app.js';
import { buildOrg, type TestOrg } from '../helpers/factories.js';
import { caller, type Caller } from '../helpers/http.js';
import { buildAutomationAccount, issueAutomationToken } from '../helpers/automation-factories.js';
import { buildMeasure, derivedMeasure, measurementCounts } from '../helpers/measure-factories.js';

const fields = (res: { json(): { errors?: { field: string }[] } }) => (res.json().errors ?? []).map((e) => e.field);

describe.each(DIALECTS)('results pushed by automation (9.1) on %s', (kind) => {
  let env: TestEnv;
  let org: TestOrg;
  let other: TestOrg;
  let robot: Caller;
  beforeAll(async () => {
    env = await testEnv(kind);
    org = await buildOrg(env.app, env.handle);
    other = await buildOrg(env.app, env.handle);
    robot = await tokenCaller(org, 'contributor');
  });
  afterAll(() => env?.close());

  async function tokenCaller(o: TestOrg, role: 'contributor' | 'viewer') {
    const account = await buildAutomationAccount(o, role);
    const { token } = await issueAutomationToken(o, account.userId);
    return caller(env.app, { authorization: `Bearer ${token}` });
  }
  const push = (c: Caller, results: unknown[], o = org) =>
    c.post(`/api/v1/orgs/${o.slug}/measure-results/batch`, { results });

  it('stores results of several measures named by reference or id, recorded by the automation account', async () => {
    const a = await buildMeasure(org.as.contributor, org.slug);
    const b = await buildMeasure(org.as.contributor, org.slug, { ...derivedMeasure, frequency: 'weekly' });
    const res = await push(robot, [
      { measure: a.ref, measuredOn: '2026-10-31', value: 97 },
      { measure: a.ref.toLowerCase(), measuredOn: '2026-11-30', value: 85 },
      { measure: b.id, measuredOn: '2026-12-07', base: { reviewed: 3, total: 4 } },
    ]);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ stored: 3, superseded: 0 });
    expect((await org.as.viewer.get(`/api/v1/orgs/${org.slug}/measures/${a.id}`)).json()).toMatchObject({
      latestPeriod: '2026-11',
      latestValue: 85,
      latestRag: 'red',
    });
    const weekly = (await org.as.viewer.get(`/api/v1/orgs/${org.slug}/measures/${b.id}/results`)).json();
    expect(weekly.items[0]).toMatchObject({ periodKey: '2026-W50', value: 75, source: 'api' });
    expect(weekly.items[0].recordedBy).not.toBe(org.users.contributor.id);
  });

  it('refuses the whole batch when one row is bad, naming results[i] and writing nothing', async () => {
    const a = await buildMeasure(org.as.contributor, org.slug);
    const before = await measurementCounts(env.handle);
    const res = await push(robot, [
      { measure: a.ref, measuredOn: '2026-01-31', value: 97 },
      { measure: a.ref, measuredOn: '2026-02-28' },
      { measure: 'MSR-999', measuredOn: '2026-02-28', value: 1 },
      { measure: a.ref, measuredOn: '2026-01-02', value: 96 },
    ]);
    expect(res.statusCode).toBe(400);
    expect(fields(res)).toEqual(['body.results.1.value', 'body.results.2.measure', 'body.results.3.periodKey']);
    const shape = await push(robot, [{ measure: a.ref, measuredOn: 'yesterday', value: 'x' }]);
    expect(fields(shape).sort()).toEqual(['body.results.0.measuredOn', 'body.results.0.value']);
    expect(await measurementCounts(env.handle)).toEqual(before);
  });

  it('refuses more than 10,000 results with 400 on body.results', async () => {
    const a = await buildMeasure(org.as.contributor, org.slug);
    const row = { measure: a.ref, measuredOn: '2026-01-31', value: 1 };
    const res = await push(
      robot,
      Array.from({ length: 10_001 }, () => row),
    );
    expect(res.statusCode).toBe(400);
    expect(fields(res)).toEqual(['body.results']);
  });

  it('stores 10,000 results in one request', async () => {
    const a = await buildMeasure(org.as.contributor, org.slug, { frequency: 'weekly' });
    const start = Date.UTC(1830, 0, 4);
    const results = Array.from({ length: 10_000 }, (_, i) => ({
      measure: a.id,
      measuredOn: new Date(start + i * 7 * 86_400_000).toISOString().slice(0, 10),
      value: i % 100,
    }));
    const res = await push(robot, results);
    expect(res.statusCode, res.body.slice(0, 500)).toBe(200);
    expect(res.json().stored).toBe(10_000);
    const page = (await org.as.viewer.get(`/api/v1/orgs/${org.slug}/measures/${a.id}/results?pageSize=1`)).json();
    expect(page.total).toBe(10_000);
  });

  it('refuses a viewer automation account (403) and another organization’s token (404), writing nothing', async () => {
    const a = await buildMeasure(org.as.contributor, org.slug);
    const viewerRobot = await tokenCaller(org, 'viewer');
    const foreignRobot = await tokenCaller(other, 'contributor');
    const before = await measurementCounts(env.handle);
    const body = [{ measure: a.ref, measuredOn: '2026-03-31', value: 99 }];
    expect((await push(viewerRobot, body)).statusCode).toBe(403);
    expect((await push(foreignRobot, body)).statusCode).toBe(404);
    // and in its own organization, the foreign robot cannot name this organization's measure
    const named = await push(foreignRobot, [{ ...body[0], measure: a.id }], other);
    expect(named.statusCode).toBe(400);
    expect(fields(named)).toEqual(['body.results.0.measure']);
    // (a refused token is itself audited, so only the measurement tables are compared)
    const { auditEvents: _a, ...after } = await measurementCounts(env.handle);
    const { auditEvents: _b, ...expected } = before;
    expect(after).toEqual(expected);
  });

  it('keeps one current result per period with twenty parallel pushes of the same period', async () => {
    const a = await buildMeasure(org.as.contributor, org.slug);
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        push(robot, [{ measure: a.ref, measuredOn: '2026-04-30', value: 80 + (i % 4), note: `run ${i}` }]),
      ),
    );
    expect(answers.map((r) => r.statusCode)).toEqual(Array(20).fill(200));
    const current = await env.handle.db
      .selectFrom('measureResults')
      .select(['value', 'supersededBy'])
      .where('measureId', '=', a.id)
      .execute();
    expect(current.filter((r) => r.supersededBy === null)).toHaveLength(1);
    const latest = (await org.as.viewer.get(`/api/v1/orgs/${org.slug}/measures/${a.id}`)).json();
    expect(latest.latestValue).toBe(current.find((r) => r.supersededBy === null)?.value);
  });
});
