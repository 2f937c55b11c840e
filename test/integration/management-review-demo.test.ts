import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OrgContext } from '../../src/core/context.js';
import { reviewSchedule } from '../../src/core/management-review/review-schedule.service.js';
import type { DatabaseHandle } from '../../src/db/connect.js';
import { REVIEW_INPUT_KEYS, reviewInputsSchema } from '../../src/schema/management-review/review-inputs.schema.js';
import { DIALECTS } from '../helpers/databases.js';
import { openDemo } from '../helpers/demo.js';

describe.each(DIALECTS)('demo management review of Example Ltd on %s', (kind) => {
  let handle: DatabaseHandle;
  let ctx: OrgContext;
  beforeAll(async () => {
    ({ handle, ctx } = await openDemo(kind));
  });
  afterAll(() => handle?.close());

  const reviews = () =>
    handle.db
      .selectFrom('managementReviews')
      .selectAll()
      .where('orgId', '=', ctx.org.id)
      .orderBy('plannedDate')
      .execute();

  it('has last year’s review held and approved, with a decision on every input and actions from some', async () => {
    const [held] = await reviews();
    expect(held).toMatchObject({ status: 'approved', approvedVersion: 1 });
    const decisions = await handle.db
      .selectFrom('managementReviewDecisions')
      .selectAll()
      .where('orgId', '=', ctx.org.id)
      .where('reviewId', '=', held!.id)
      .execute();
    expect(new Set(decisions.map((d) => d.input))).toEqual(new Set(REVIEW_INPUT_KEYS));
    expect(decisions.filter((d) => d.kind === 'no_action').map((d) => d.status)).toEqual([
      'no_action',
      'no_action',
      'no_action',
    ]);
    // the decision whose only action is done is done; those with open actions are open
    expect(decisions.filter((d) => d.status === 'done')).toHaveLength(1);
    const actions = await handle.db
      .selectFrom('actions')
      .select(['status'])
      .where('orgId', '=', ctx.org.id)
      .where('sourceType', '=', 'management_review_decision')
      .execute();
    expect(actions.map((a) => a.status).sort()).toEqual(['done', 'open', 'open']);
    const approval = await handle.db
      .selectFrom('approvals')
      .innerJoin('users', 'users.id', 'approvals.signerId')
      .select(['approvals.signerRole'])
      .where('approvals.orgId', '=', ctx.org.id)
      .where('approvals.recordId', '=', held!.id)
      .execute();
    expect(approval).toEqual([{ signerRole: 'approver' }]);
  });

  it('has the next review planned with its inputs a–g compiled into a draft, the earlier decisions in input a', async () => {
    const [held, next] = await reviews();
    expect(next).toMatchObject({ status: 'planned', latestState: 'draft' });
    const version = await handle.db
      .selectFrom('recordVersions')
      .select('content')
      .where('orgId', '=', ctx.org.id)
      .where('recordId', '=', next!.id)
      .executeTakeFirstOrThrow();
    const inputs = reviewInputsSchema.parse((JSON.parse(version.content) as { inputs: unknown }).inputs);
    expect(inputs.sections.map((s) => s.key)).toEqual([...REVIEW_INPUT_KEYS]);
    expect(inputs.since).toMatchObject({ ref: held!.ref });
    const previous = inputs.sections[0]!;
    expect(previous.tables.flatMap((t) => t.rows).length).toBeGreaterThanOrEqual(2);
    const schedule = await reviewSchedule(ctx);
    expect(schedule.lastHeld?.ref).toBe(held!.ref);
    expect(schedule.upcoming?.ref).toBe(next!.ref);
  });
});
