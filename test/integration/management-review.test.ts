import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEnv, type TestEnv } from '../helpers/app.js';
import { DIALECTS } from '../helpers/databases.js';
import { buildOrg, writeCounts, type TestOrg } from '../helpers/factories.js';
import { buildReview, reviewsPath } from '../helpers/management-review-factories.js';

const today = () => new Date().toISOString().slice(0, 10);
const daysFromNow = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

describe.each(DIALECTS)('management reviews (9.3): register, chair, attendance, schedule on %s', (kind) => {
  let env: TestEnv;
  let org: TestOrg;
  beforeAll(async () => {
    env = await testEnv(kind);
    org = await buildOrg(env.app, env.handle);
  });
  afterAll(() => env?.close());

  const reviewCount = async () =>
    Number(
      (
        await env.handle.db
          .selectFrom('managementReviews')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('orgId', '=', org.id)
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('plans a review: status planned, next review due a year after the planned date; held → held, due moves', async () => {
    const r = await buildReview(org, { plannedDate: '2026-03-31' });
    expect(r.ref).toMatch(/^MR-\d+/);
    expect(r.status).toBe('planned');
    expect(r.nextReviewDue).toBe('2027-03-31');
    const held = await org.as.isms_manager.patch(`${reviewsPath(org)}/${r.id}`, { heldOn: '2026-04-02' });
    expect(held.statusCode, held.body).toBe(200);
    expect(held.json()).toMatchObject({ status: 'held', nextReviewDue: '2027-04-02' });
    // a due date typed in stays when the review moves
    const set = await org.as.isms_manager.patch(`${reviewsPath(org)}/${r.id}`, { nextReviewDue: '2026-10-01' });
    expect(set.json().nextReviewDue).toBe('2026-10-01');
    const moved = await org.as.isms_manager.patch(`${reviewsPath(org)}/${r.id}`, { heldOn: '2026-04-03' });
    expect(moved.json().nextReviewDue).toBe('2026-10-01');
    // the server sets the status: a client's value is refused or ignored, never stored
    const forged = await org.as.isms_manager.patch(`${reviewsPath(org)}/${r.id}`, { status: 'approved' });
    expect(forged.statusCode).toBeLessThan(500);
    expect((await org.as.viewer.get(`${reviewsPath(org)}/${r.id}`)).json().status).toBe('held');
  });

  it('refuses a chair who is not top management, naming body.chairId, and writes nothing', async () => {
    const before = { counts: await writeCounts(env.handle), reviews: await reviewCount() };
    for (const chairId of [org.users.isms_manager.id, org.users.admin.id, '00000000-0000-4000-8000-000000000000']) {
      const res = await org.as.isms_manager.post(reviewsPath(org), {
        title: 'Annual review',
        plannedDate: '2026-05-01',
        chairId,
      });
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().errors.map((e: { field: string }) => e.field)).toContain('body.chairId');
    }
    expect({ counts: await writeCounts(env.handle), reviews: await reviewCount() }).toEqual(before);
    const r = await buildReview(org);
    const res = await org.as.isms_manager.patch(`${reviewsPath(org)}/${r.id}`, { chairId: org.users.contributor.id });
    expect(res.statusCode).toBe(400);
    expect((await org.as.viewer.get(`${reviewsPath(org)}/${r.id}`)).json().chairId).toBe(org.users.approver.id);
  });

  it('refuses bad input naming the field: missing title, bad date, a unit without its name, held in the future', async () => {
    const before = await reviewCount();
    const cases: [Record<string, unknown>, string][] = [
      [{ plannedDate: '2026-05-01' }, 'body.title'],
      [{ title: 'X', plannedDate: 'tomorrow' }, 'body.plannedDate'],
      [{ title: 'X', plannedDate: '2026-05-01', level: 'unit' }, 'body.unitName'],
      [{ title: 'X', plannedDate: '2026-05-01', heldOn: daysFromNow(3) }, 'body.heldOn'],
      [{ title: 'X', plannedDate: '2026-05-01', level: 'galaxy' }, 'body.level'],
    ];
    for (const [body, field] of cases) {
      const res = await org.as.isms_manager.post(reviewsPath(org), body);
      expect(res.statusCode, `${field}: ${res.body}`).toBe(400);
      expect(res.json().errors.map((e: { field: string }) => e.field)).toContain(field);
    }
    expect(await reviewCount()).toBe(before);
    // a contributor may not plan reviews
    expect(
      (await org.as.contributor.post(reviewsPath(org), { title: 'X', plannedDate: '2026-05-01' })).statusCode,
    ).toBe(403);
  });

  it('records the attendance: members with their names, others by name; a non-member refused by index', async () => {
    const r = await buildReview(org);
    const url = `${reviewsPath(org)}/${r.id}/attendance`;
    expect((await org.as.viewer.get(url)).json()).toEqual({ members: [], others: [] });
    const body = {
      members: [
        { userId: org.users.approver.id, capacity: 'Chair (CEO)', present: true },
        { userId: org.users.isms_manager.id, capacity: 'ISMS manager', present: true },
        { userId: org.users.contributor.id, capacity: 'IT lead', present: false },
      ],
      others: [{ name: 'Jo Consultant', capacity: 'External adviser', present: true }],
    };
    const put = await org.as.isms_manager.request('PUT', url, body);
    expect(put.statusCode, put.body).toBe(200);
    const got = (await org.as.viewer.get(url)).json();
    expect(got.members.map((m: { userId: string }) => m.userId)).toEqual(body.members.map((m) => m.userId));
    expect(got.members[0]).toMatchObject({ capacity: 'Chair (CEO)', present: true, email: org.users.approver.email });
    expect(got.members[0].name).toContain('approver');
    expect(got.others).toEqual([{ name: 'Jo Consultant', capacity: 'External adviser', present: true }]);

    const other = await buildOrg(env.app, env.handle);
    const bad = await org.as.isms_manager.request('PUT', url, {
      members: [body.members[0], { userId: other.users.viewer.id, capacity: '', present: true }],
      others: [],
    });
    expect(bad.statusCode, bad.body).toBe(400);
    expect(bad.json().errors[0].field).toBe('body.members.1.userId');
    const twice = await org.as.isms_manager.request('PUT', url, {
      members: [body.members[0], body.members[0]],
      others: [],
    });
    expect(twice.statusCode).toBe(400);
    expect(twice.json().errors[0].field).toBe('body.members.1.userId');
    // nothing written by the refused requests
    expect((await org.as.viewer.get(url)).json()).toEqual(got);
    expect((await org.as.contributor.request('PUT', url, body)).statusCode).toBe(403);
  });

  it('keeps one consistent attendance when twenty saves run at once', async () => {
    const r = await buildReview(org);
    const url = `${reviewsPath(org)}/${r.id}/attendance`;
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        org.as.isms_manager.request('PUT', url, {
          members: [{ userId: org.users.approver.id, capacity: `Chair ${i}`, present: true }],
          others: [{ name: `Guest ${i}`, capacity: '', present: true }],
        }),
      ),
    );
    expect(results.map((x) => x.statusCode)).toEqual(Array(20).fill(200));
    const got = (await org.as.viewer.get(url)).json();
    expect(got.members).toHaveLength(1);
    expect(got.others).toHaveLength(1);
    expect(got.members[0].capacity.slice('Chair '.length)).toBe(got.others[0].name.slice('Guest '.length));
  });

  it('answers the schedule: none held yet, then due a year after the last held review, soon and overdue', async () => {
    const o = await buildOrg(env.app, env.handle);
    const url = `/api/v1/orgs/${o.slug}/management-reviews/schedule`;
    const none = (await o.as.viewer.get(url)).json();
    expect(none).toMatchObject({ intervalMonths: 12, lastHeld: null, nextDue: null, dueSoon: false, overdue: false });
    const upcoming = await buildReview(o, { plannedDate: daysFromNow(60) });
    expect((await o.as.viewer.get(url)).json().upcoming).toMatchObject({ id: upcoming.id, ref: upcoming.ref });

    // held 13 months ago: overdue (and due soon: the reminder shows)
    const old = await buildReview(o, { plannedDate: daysFromNow(-400), heldOn: daysFromNow(-396) });
    let s = (await o.as.viewer.get(url)).json();
    expect(s.lastHeld).toMatchObject({ id: old.id, heldOn: daysFromNow(-396) });
    expect(s.nextDue).toBe(old.nextReviewDue);
    expect(s).toMatchObject({ overdue: true, dueSoon: true });
    // a unit's review does not count for the organization's schedule
    await buildReview(o, { level: 'unit', unitName: 'Plant', plannedDate: today(), heldOn: today() });
    expect((await o.as.viewer.get(url)).json().lastHeld.id).toBe(old.id);
    // held 11.5 months ago: due within 30 days, not overdue
    await buildReview(o, { plannedDate: daysFromNow(-350), heldOn: daysFromNow(-350), nextReviewDue: daysFromNow(15) });
    s = (await o.as.viewer.get(url)).json();
    expect(s).toMatchObject({ nextDue: daysFromNow(15), dueSoon: true, overdue: false });
    // held today: nothing due
    await buildReview(o, { plannedDate: today(), heldOn: today() });
    s = (await o.as.viewer.get(url)).json();
    expect(s).toMatchObject({ dueSoon: false, overdue: false });
    expect(s.upcoming.id).toBe(upcoming.id);
  });
});
