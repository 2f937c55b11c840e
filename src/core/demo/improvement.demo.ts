import type { Role } from '../../schema/auth/roles.js';
import { actionsModule } from '../actions/actions.module.js';
import type { OrgContext } from '../context.js';
import {
  evaluateImprovement,
  markImplemented,
  reviewImprovement,
  suggestImprovement,
} from '../improvement/improvements.module.js';
import { nonconformitiesModule } from '../improvement/nonconformities.module.js';
import {
  closeNonconformity,
  recordAnalysis,
  recordCorrection,
  recordDecision,
  recordEffectivenessReview,
} from '../improvement/nonconformity-steps.service.js';
import { createLink } from '../links/links.service.js';
import type { AnyRegisterModule, Values } from '../register/register-module.js';
import { createRecord, getRecord } from '../register/register.service.js';
import type { AuditDemoResult } from './internal-audit.demo.js';

const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

/**
 * Nonconformities and corrective action (10.2) and continual improvement (10.1) of Example Ltd, in every state a
 * reader should see: the audit's minor nonconformity with its corrective action planned; a staff report just
 * reported; a missed access review reopened because its first action did not work (the review, by someone who owns
 * none of the actions, kept in its history); an incident's nonconformity closed after an effective action. The two
 * audit observations became improvements (one planned, one implemented and reviewed); a viewer's suggestion waits
 * for evaluation.
 */
export async function seedImprovement(ctx: OrgContext, ids: Record<Role, string>, audit: AuditDemoResult) {
  const m = ids.isms_manager;
  const c = ids.contributor;
  const as = (role: Role): OrgContext => ({ ...ctx, role, actor: { kind: 'user', userId: ids[role], label: role } });
  const create = (mod: AnyRegisterModule, values: Values) => createRecord(ctx, mod, mod.def.createSchema.parse(values));
  const controlId = async (ref: string) =>
    (
      await ctx.db
        .selectFrom('controls')
        .select('id')
        .where('orgId', '=', ctx.org.id)
        .where('ref', '=', ref)
        .executeTakeFirstOrThrow()
    ).id;
  const v = async (id: string) => (await getRecord(ctx, nonconformitiesModule, id)).version;
  const act = (sourceId: string, values: Values) =>
    create(actionsModule, { priority: 'high', ...values, sourceType: 'nonconformity', sourceId });

  // 1. The audit's minor nonconformity: corrected, decided, analysed, its corrective action planned.
  const auditNc = audit.nonconformityId;
  await recordCorrection(ctx, auditNc, {
    expectedVersion: await v(auditNc),
    correctionText:
      'The measurements of both objectives for the second and third quarters were recorded from the payroll monitoring and the access review records.',
    correctionDoneOn: inDays(-35),
    consequencesText: 'The board saw the missing figures at its next meeting; both objectives were on track.',
  });
  await recordDecision(ctx, auditNc, {
    expectedVersion: await v(auditNc),
    correctiveActionNeeded: true,
    decisionCriterion: 'Objectives are how the board steers the ISMS: unmeasured objectives would recur every quarter.',
  });
  await recordAnalysis(ctx, auditNc, {
    expectedVersion: await v(auditNc),
    whatWentWrong: 'Objectives were approved without anyone named to measure them.',
    causeCategory: 'method',
    whys: [
      'Why were two objectives not measured? Nobody was asked to.',
      'Why was nobody asked? The objectives record has no owner or method field filled in.',
      'Why not? The objectives were set in a board meeting and copied into Rampart without the planning of 6.2 f–j.',
    ],
    similarConfirmed: [],
    rootCause: 'Objectives are set without the planning 6.2 asks for: who, what, when, how results are evaluated.',
    patterns: 'Any board decision recorded without an owner: check the management review actions too.',
  });
  await act(auditNc, {
    title: 'Name an owner and a measurement method for every objective',
    ownerId: c,
    dueDate: inDays(30),
    resources: 'ISMS manager and objective owners, half a day',
    evaluation: 'Every objective has an owner, a method and a quarterly figure in the board report',
    status: 'in_progress',
  });

  // 2. Just reported by a member of staff.
  const laptop = await create(nonconformitiesModule, {
    title: 'Laptop left unlocked in a Manchester meeting room',
    description:
      'A member of staff found a colleague’s laptop unlocked and unattended for about an hour, with the payroll console open.',
    source: 'staff_report',
    requirementKey: '7.3.a',
    foundBy: ids.viewer,
    foundOn: inDays(-2),
    ownerId: m,
    dueDate: inDays(28),
  });
  await createLink(ctx, {
    fromType: 'nonconformity',
    fromId: laptop.id,
    toType: 'control',
    toId: await controlId('7.7'),
    kind: 'concerns',
  });

  // 3. A missed control activity: the first action did not work, the review reopened it.
  const review = await create(nonconformitiesModule, {
    title: 'Quarterly access review of the payroll platform not done in Q2',
    description: 'The access review due at the end of June was done only in August, after the ISMS manager asked.',
    source: 'control_activity',
    requirementKey: '8.1.a',
    foundBy: m,
    foundOn: inDays(-120),
    ownerId: c,
    // reopened after an ineffective action: now past the date it was due
    dueDate: inDays(-30),
  });
  await createLink(ctx, {
    fromType: 'nonconformity',
    fromId: review.id,
    toType: 'control',
    toId: await controlId('5.18'),
    kind: 'concerns',
  });
  const reviewSteps = as('contributor');
  await recordCorrection(reviewSteps, review.id, {
    expectedVersion: await v(review.id),
    correctionText: 'The Q2 review was done in August; two accounts of leavers were removed.',
    correctionDoneOn: inDays(-110),
  });
  await recordDecision(ctx, review.id, {
    expectedVersion: await v(review.id),
    correctiveActionNeeded: true,
    decisionCriterion: 'Leavers kept access for weeks: the impact on payroll data is high if it recurs.',
  });
  await recordAnalysis(reviewSteps, review.id, {
    expectedVersion: await v(review.id),
    whatWentWrong: 'The review depended on the platform owner remembering it.',
    causeCategory: 'people',
    whys: ['Why late? The platform owner was on leave at the end of June.', 'Why did nobody else do it? No deputy.'],
    rootCause: 'One person, no deputy and no reminder.',
    similarConfirmed: [],
  });
  await act(review.id, {
    title: 'Add the quarterly access review to the team calendar with a deputy',
    ownerId: c,
    dueDate: inDays(-90),
    status: 'done',
    outcome: 'Calendar series created; the deputy is the platform incident lead.',
  });
  await recordEffectivenessReview(ctx, review.id, {
    expectedVersion: await v(review.id),
    reviewedBy: m,
    reviewedOn: inDays(-5),
    effective: false,
    note: 'The Q3 review was late again by three weeks: the calendar entry was declined during the release freeze. The cause was not removed; analyse again.',
    evidenceIds: [],
  });

  // 4. An incident's nonconformity, closed after an effective corrective action.
  const email = await create(nonconformitiesModule, {
    title: 'Payroll export e-mailed to the wrong customer',
    description: 'A support agent sent a customer’s payroll export to another customer with a similar name.',
    source: 'incident',
    requirementKey: '8.1.a',
    foundBy: c,
    foundOn: inDays(-150),
    ownerId: m,
    dueDate: inDays(-60),
  });
  await createLink(ctx, {
    fromType: 'nonconformity',
    fromId: email.id,
    toType: 'control',
    toId: await controlId('5.14'),
    kind: 'concerns',
  });
  await recordCorrection(ctx, email.id, {
    expectedVersion: await v(email.id),
    correctionText: 'The recipient confirmed deletion in writing; the customer and the supervisory authority informed.',
    correctionDoneOn: inDays(-149),
    consequencesText: 'Breach notified within 72 hours; no further disclosure.',
  });
  await recordDecision(ctx, email.id, {
    expectedVersion: await v(email.id),
    correctiveActionNeeded: true,
    decisionCriterion: 'Personal data disclosed: any recurrence would be a notifiable breach.',
  });
  await recordAnalysis(ctx, email.id, {
    expectedVersion: await v(email.id),
    whatWentWrong: 'E-mail address autocomplete picked the wrong customer.',
    causeCategory: 'tool',
    whys: ['Why the wrong address? Autocomplete.', 'Why e-mail at all? The portal upload was slower for agents.'],
    rootCause: 'Exports could leave by e-mail at all.',
    similarConfirmed: [],
  });
  await act(email.id, {
    title: 'Send payroll exports only through the customer portal',
    ownerId: c,
    dueDate: inDays(-100),
    status: 'done',
    outcome: 'E-mail of exports blocked by the mail gateway; agents use the portal.',
  });
  await recordEffectivenessReview(as('admin'), email.id, {
    expectedVersion: await v(email.id),
    reviewedBy: ids.admin,
    reviewedOn: inDays(-20),
    effective: true,
    note: 'Mail gateway logs for three months: no export sent by e-mail; no repeat.',
    evidenceIds: [],
  });
  await closeNonconformity(ctx, email.id, await v(email.id));

  await seedImprovements(ctx, ids, audit.improvementIds);
}

/** The two observations as improvements (one planned, one done and reviewed) and a viewer's suggestion. */
async function seedImprovements(ctx: OrgContext, ids: Record<Role, string>, [register, threat]: string[]) {
  const iv = async (id: string) =>
    (
      await ctx.db
        .selectFrom('improvements')
        .select('version')
        .where('orgId', '=', ctx.org.id)
        .where('id', '=', id)
        .executeTakeFirstOrThrow()
    ).version;
  const plan = (sourceId: string, values: Values) =>
    createRecord(
      ctx,
      actionsModule,
      actionsModule.def.createSchema.parse({ ...values, sourceType: 'improvement', sourceId }),
    );

  await evaluateImprovement(ctx, threat!, {
    expectedVersion: await iv(threat!),
    worthPursuing: true,
    evaluationNote: 'Cheap to do and it closes the gap in 5.7 before the control is declared implemented.',
  });
  await plan(threat!, {
    title: 'Name a threat intelligence reader and a weekly digest',
    ownerId: ids.contributor,
    dueDate: inDays(21),
    priority: 'medium',
    status: 'open',
  });

  await evaluateImprovement(ctx, register!, {
    expectedVersion: await iv(register!),
    worthPursuing: true,
    evaluationNote: 'Customer contract changes are frequent; a yearly review is too slow for them.',
  });
  await plan(register!, {
    title: 'Route contract changes to the requirements register within a week',
    ownerId: ids.isms_manager,
    dueDate: inDays(-15),
    priority: 'medium',
    status: 'done',
    outcome: 'Legal now adds a task for the ISMS manager with every signed contract change.',
  });
  await markImplemented(ctx, register!, {
    expectedVersion: await iv(register!),
    ismsChange: 'The requirements register is updated within a week of every contract change, not only yearly.',
  });
  await reviewImprovement(ctx, register!, {
    expectedVersion: await iv(register!),
    effective: true,
    effectivenessNote: 'Three contract changes since: each in the register within five days.',
  });

  await suggestImprovement(
    { ...ctx, role: 'viewer', actor: { kind: 'user', userId: ids.viewer, label: 'viewer' } },
    {
      title: 'A short security tip in the monthly newsletter',
      description: 'One practical tip a month (locking screens, spotting payday phishing) would keep awareness up.',
    },
  );
}
