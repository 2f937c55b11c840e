import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../helpers/databases.js';
import { testEnv, type TestEnv } from '../helpers/app.js';
import { buildOrg, type TestOrg } from '../helpers/factories.js';
import { buildNc } from '../helpers/nonconformity-factories.js';

/** Trends from a known fixture: the numbers are worked out by hand below. */
describe.each(DIALECTS)('nonconformity trends on %s', (kind) => {
  let env: TestEnv;
  let org: TestOrg;
  let other: TestOrg;
  beforeAll(async () => {
    env = await testEnv(kind);
    org = await buildOrg(env.app, env.handle);
    other = await buildOrg(env.app, env.handle);
  });
  afterAll(() => env?.close());

  /** closure set behind the API: the steps to it are tested elsewhere; here only the dates matter */
  const closeOn = (id: string, closedOn: string) =>
    env.handle.db.updateTable('nonconformities').set({ status: 'closed', closedOn }).where('id', '=', id).execute();

  it('counts found and closed per period, by source, clause and control, days to close and repeats', async () => {
    const c = org.as.contributor;
    const control = (await c.get(`/api/v1/orgs/${org.slug}/controls?pageSize=1`)).json().items[0] as
      { id: string; ref: string } | undefined;
    // the year before the range: one on 7.2.c (makes the February one a repeat)
    await buildNc(c, org.slug, { foundOn: '2025-06-10', requirementKey: '7.2.c' });
    const a = await buildNc(c, org.slug, { foundOn: '2026-01-05', requirementKey: '9.2.2.a', source: 'incident' });
    const b = await buildNc(c, org.slug, { foundOn: '2026-01-20', requirementKey: '9.2.2.b', source: 'incident' });
    const d = await buildNc(c, org.slug, { foundOn: '2026-02-03', requirementKey: '7.2.c' });
    await buildNc(c, org.slug, { foundOn: '2026-04-15', source: 'complaint' });
    await buildNc(other.as.contributor, other.slug, { foundOn: '2026-01-10', requirementKey: '9.2.2.a' });
    await closeOn(a.id, '2026-01-15'); // 10 days
    await closeOn(b.id, '2026-02-19'); // 30 days
    await closeOn(d.id, '2026-03-05'); // 30 days
    if (control)
      for (const nc of [a, b])
        await c.post(`/api/v1/orgs/${org.slug}/links`, {
          fromType: 'nonconformity',
          fromId: nc.id,
          toType: 'control',
          toId: control.id,
        });

    const res = await org.as.viewer.get(
      `/api/v1/orgs/${org.slug}/nonconformities/trends?from=2026-01-01&to=2026-04-30`,
    );
    expect(res.statusCode, res.body).toBe(200);
    const t = res.json();
    expect(t.periods).toEqual([
      { period: '2026-01', opened: 2, closed: 1 },
      { period: '2026-02', opened: 1, closed: 1 },
      { period: '2026-03', opened: 0, closed: 1 },
      { period: '2026-04', opened: 1, closed: 0 },
    ]);
    expect(t.bySource).toEqual([
      { source: 'complaint', count: 1 },
      { source: 'incident', count: 2 },
      { source: 'staff_report', count: 1 },
    ]);
    expect(t.byClause).toEqual([
      { clause: '7.2', clause2013: '7.2', count: 1 },
      { clause: '9.2.2', clause2013: expect.any(String), count: 2 },
    ]);
    expect(t.daysToClose).toEqual({ closed: 3, mean: 23.3, median: 30 });
    expect(t.repeats.byRequirement).toBe(1);
    if (control) {
      expect(t.byControl).toEqual([{ controlId: control.id, ref: control.ref, title: expect.any(String), count: 2 }]);
      expect(t.repeats.byControl).toBe(1);
    }

    const quarters = (
      await org.as.viewer.get(
        `/api/v1/orgs/${org.slug}/nonconformities/trends?from=2026-01-01&to=2026-04-30&by=quarter`,
      )
    ).json();
    expect(quarters.periods).toEqual([
      { period: '2026-Q1', opened: 3, closed: 3 },
      { period: '2026-Q2', opened: 1, closed: 0 },
    ]);
  });

  it('refuses a range backwards or longer than ten years, naming the parameter', async () => {
    const back = await org.as.viewer.get(
      `/api/v1/orgs/${org.slug}/nonconformities/trends?from=2026-05-01&to=2026-01-01`,
    );
    expect(back.statusCode).toBe(400);
    expect(back.json().errors[0].field).toBe('query.from');
    const long = await org.as.viewer.get(
      `/api/v1/orgs/${org.slug}/nonconformities/trends?from=2000-01-01&to=2026-01-01`,
    );
    expect(long.statusCode).toBe(400);
    const bad = await org.as.viewer.get(`/api/v1/orgs/${org.slug}/nonconformities/trends?by=week`);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('query.by');
  });
});
