import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEnv, type TestEnv } from '../helpers/app.js';
import { DIALECTS } from '../helpers/databases.js';
import { buildOrg, writeCounts, type TestOrg } from '../helpers/factories.js';
import { buildNc, stepsTo } from '../helpers/nonconformity-factories.js';

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

/**
 * A nonconformity's due date: when its handling is to be complete. "Past due" is open (not closed) and past it, a
 * filter of the register (and, next, a measure of 9.1).
 */
describe.each(DIALECTS)('nonconformities past their due date on %s', (kind) => {
  let env: TestEnv;
  let org: TestOrg;
  beforeAll(async () => {
    env = await testEnv(kind);
    org = await buildOrg(env.app, env.handle);
  });
  afterAll(() => env?.close());
  const list = async (query: string) =>
    (
      (await org.as.viewer.get(`/api/v1/orgs/${org.slug}/nonconformities?${query}`)).json() as {
        items: { id: string }[];
      }
    ).items.map((i) => i.id);

  it('lists the open ones past their due date, not the closed or the ones still in time', async () => {
    const c = org.as.contributor;
    const late = await buildNc(c, org.slug, { foundOn: day(-30), dueDate: day(-10) });
    const inTime = await buildNc(c, org.slug, { foundOn: day(-30), dueDate: day(10) });
    const undated = await buildNc(c, org.slug);
    const lateButClosed = await buildNc(org.as.admin, org.slug, { foundOn: day(-30), dueDate: day(-5) });
    await stepsTo(org.as.admin, org.slug, lateButClosed, ['correction']);
    const decided = await org.as.admin.post(`/api/v1/orgs/${org.slug}/nonconformities/${lateButClosed.id}/decision`, {
      expectedVersion: lateButClosed.version + 1,
      correctiveActionNeeded: false,
      decisionCriterion: 'One-off',
    });
    expect(decided.statusCode, decided.body).toBe(200);
    const closed = await org.as.admin.post(`/api/v1/orgs/${org.slug}/nonconformities/${lateButClosed.id}/close`, {
      expectedVersion: decided.json().version,
    });
    expect(closed.statusCode, closed.body).toBe(200);

    expect(await list('overdue=true')).toEqual([late.id]);
    const notOverdue = await list('overdue=false&pageSize=100');
    expect(notOverdue).toEqual(expect.arrayContaining([inTime.id, undated.id, lateButClosed.id]));
    expect(notOverdue).not.toContain(late.id);
    // sortable by due date
    const byDue = await list('sort=dueDate&order=asc&pageSize=100');
    expect(byDue.indexOf(late.id)).toBeLessThan(byDue.indexOf(inTime.id));
  });

  it('refuses a due date before the nonconformity was found, naming the field, and writes nothing', async () => {
    const before = await writeCounts(env.handle);
    const res = await org.as.contributor.post(`/api/v1/orgs/${org.slug}/nonconformities`, {
      title: 'Backups not tested',
      source: 'staff_report',
      foundOn: day(-3),
      dueDate: day(-4),
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors.map((e: { field: string }) => e.field)).toEqual(['body.dueDate']);
    expect(await writeCounts(env.handle)).toEqual(before);
    const bad = await org.as.viewer.get(`/api/v1/orgs/${org.slug}/nonconformities?overdue=soon`);
    expect(bad.statusCode).toBe(400);
  });
});
