import type { Role } from '../../schema/auth/roles.js';
import type { DecisionInput, DecisionKind } from '../../schema/management-review/management-review.register.js';
import { actionsModule } from '../actions/actions.module.js';
import type { OrgContext } from '../context.js';
import { managementReviewsModule } from '../management-review/management-reviews.module.js';
import { setAttendance } from '../management-review/review-attendance.service.js';
import { reviewDecisionsModule } from '../management-review/review-decisions.module.js';
import { reviewMinutesVersionedModule } from '../management-review/review-minutes.module.js';
import type { AnyRegisterModule, Values } from '../register/register-module.js';
import { createRecord, updateRecord } from '../register/register.service.js';
import { approveVersion, saveDraft } from '../versioning/versions.service.js';

const DAY = 86_400_000;
const daysFromToday = (n: number) => new Date(Date.now() + n * DAY).toISOString().slice(0, 10);

/** Last year's review: one decision (at least) per input a–g, as 27003 9.3 asks, "no action needed" included. */
const DECISIONS: { input: DecisionInput; kind: DecisionKind; statement: string; action?: string; done?: boolean }[] = [
  {
    input: 'previousActions',
    kind: 'no_action',
    statement: 'First management review of the ISMS: no actions from earlier reviews to follow up.',
  },
  {
    input: 'contextChanges',
    kind: 'policy_objectives',
    statement:
      'The move of payroll processing to the cloud is a change in the external issues: update the information security policy and add an objective on supplier security.',
    action: 'Draft the policy update for cloud hosting and put it to top management',
    done: true,
  },
  {
    input: 'partyChanges',
    kind: 'no_action',
    statement:
      'The needs of interested parties did not change in a way that calls for action; the register is current.',
  },
  {
    input: 'performance',
    kind: 'performance_actions',
    statement:
      'Phishing click rates stay above target: run a refresher course for every team before the spring campaign.',
    action: 'Run the phishing refresher course for every team',
  },
  {
    input: 'partyFeedback',
    kind: 'no_action',
    statement: 'No complaints were received; the customer questionnaire answers were positive.',
  },
  {
    input: 'riskResults',
    kind: 'resources_budget',
    statement:
      'Residual risks meet the acceptance criteria except the unencrypted backup risk: budget the backup encryption project this year.',
    action: 'Procure and roll out backup encryption',
  },
  {
    input: 'improvement',
    kind: 'measurement',
    statement: 'Measure privileged-account reviews quarterly, from the identity provider export rather than by hand.',
  },
];

const COMMENTS: Record<string, string> = {
  comment_performance:
    'Nonconformities fell over the year; the audit found one minor nonconformity in supplier reviews. Objectives are on track except the phishing click rate.',
  comment_riskResults:
    'Management confirmed that residual risks meet the acceptance criteria, with the one exception recorded as a decision.',
};

/**
 * Management review (9.3) of Example Ltd: last year's review, held and chaired by top management, its decisions
 * (some opening tracker actions, "no action needed" recorded for the inputs that needed none) and approved minutes;
 * and the next review, planned in three weeks, its attendees invited and its inputs compiled into a first draft.
 */
export async function seedManagementReview(ctx: OrgContext, ids: Record<Role, string>) {
  const create = (mod: AnyRegisterModule, values: Values) => createRecord(ctx, mod, mod.def.createSchema.parse(values));
  const chair: OrgContext = {
    ...ctx,
    role: 'approver',
    actor: { kind: 'user', userId: ids.approver, label: 'approver' },
  };
  const attendance = {
    members: [
      { userId: ids.approver, capacity: 'Managing director (chair)', present: true },
      { userId: ids.isms_manager, capacity: 'ISMS manager', present: true },
      { userId: ids.contributor, capacity: 'Head of IT operations', present: true },
    ],
    others: [{ name: 'Dana Whitfield', capacity: 'External ISMS consultant', present: true }],
  };

  const held = await create(managementReviewsModule, {
    title: 'Annual management review',
    plannedDate: daysFromToday(-330),
    heldOn: daysFromToday(-330),
    chairId: ids.approver,
    location: 'Board room',
  });
  const heldId = String(held.id);
  await setAttendance(ctx, heldId, attendance);
  for (const d of DECISIONS) {
    const decision = await create(reviewDecisionsModule, {
      reviewId: heldId,
      input: d.input,
      kind: d.kind,
      statement: d.statement,
      ...(d.kind === 'no_action' ? {} : { ownerId: ids.isms_manager, dueDate: daysFromToday(d.done ? -200 : 60) }),
    });
    if (!d.action) continue;
    const action = await create(actionsModule, {
      title: d.action,
      ownerId: ids.isms_manager,
      dueDate: daysFromToday(d.done ? -200 : 60),
      sourceType: 'management_review_decision',
      sourceId: String(decision.id),
    });
    if (d.done) await updateRecord(ctx, actionsModule, String(action.id), { status: 'done' });
  }
  const minutes = await saveDraft(ctx, reviewMinutesVersionedModule, heldId, {
    content: {
      ...COMMENTS,
      discussion:
        'The ISMS manager presented the year: the certification audit is planned for the spring; the main risk is the dependency on the payroll cloud provider.',
      conclusions:
        'The ISMS remains suitable, adequate and effective for the payroll service; the decisions recorded above keep it so.',
    },
    changeNote: 'Minutes as agreed in the meeting.',
  });
  await approveVersion(chair, reviewMinutesVersionedModule, heldId, 1, {
    contentHash: String(minutes.contentHash),
    comment: 'Approved as the record of the meeting.',
  });

  const next = await create(managementReviewsModule, {
    title: 'Annual management review',
    plannedDate: daysFromToday(21),
    chairId: ids.approver,
    location: 'Board room',
  });
  await setAttendance(ctx, String(next.id), attendance);
  // the inputs compiled as they stand today, for the attendees to read before the meeting
  await saveDraft(ctx, reviewMinutesVersionedModule, String(next.id), {
    content: {
      comment_previousActions:
        'Two of last year’s decisions are still open: the phishing refresher and backup encryption.',
    },
    changeNote: 'Inputs compiled for the meeting.',
  });
}
