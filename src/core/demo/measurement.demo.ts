import type { Role } from '../../schema/auth/roles.js';
import { evaluationBodySchema } from '../../schema/measurement/measure-results.schema.js';
import { periodKey } from '../../schema/measurement/measure-target.js';
import { objectiveProgressBodySchema } from '../../schema/objectives/objective-progress.schema.js';
import type { OrgContext } from '../context.js';
import { switchOnBuiltInMeasure } from '../measurement/builtin/builtin-switch.service.js';
import { recordEvaluation } from '../measurement/measure-evaluations.service.js';
import { pushResults } from '../measurement/measure-results.service.js';
import { measuresModule } from '../measurement/measures.module.js';
import { linkMeasure } from '../objectives/objective-decisions.service.js';
import { recordProgress } from '../objectives/objective-progress.service.js';
import { objectivesModule } from '../objectives/objectives.module.js';
import type { AnyRegisterModule, Values } from '../register/register-module.js';
import { createRecord } from '../register/register.service.js';

const DAY = 86_400_000;
const daysAgo = (n: number) => new Date(Date.now() - n * DAY).toISOString().slice(0, 10);
/** The 15th of the month `n` months before this one: a date inside each of the last twelve monthly periods. */
const monthsAgo = (n: number) => {
  const d = new Date();
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - n, 15)).toISOString().slice(0, 10);
};

/** A year of phishing-simulation click rates, oldest first: falling, with one bad month (the red period). */
const CLICK_RATES = [11.8, 10.4, 9.1, 8.7, 7.2, 6.9, 12.6, 6.1, 5.4, 4.8, 4.6, 4.1];
/** Privileged accounts reviewed of those due, per quarter, oldest first. */
const REVIEWS = [
  { reviewed: 38, total: 44 },
  { reviewed: 41, total: 44 },
  { reviewed: 44, total: 45 },
  { reviewed: 46, total: 46 },
];

/**
 * Objectives (6.2) and monitoring and measurement (9.1) of Example Ltd: three objectives, one measured by a measure
 * with a year of monthly results, one followed by manual progress, one not practicable to measure with its reason
 * and how it is judged instead; eight measures, three of them built-in (switched on, sampled by the server on their
 * frequency), one red month evaluated by the analyst.
 */
export async function seedMeasurement(ctx: OrgContext, ids: Record<Role, string>) {
  const m = ids.isms_manager;
  const c = ids.contributor;
  const create = (mod: AnyRegisterModule, values: Values) => createRecord(ctx, mod, mod.def.createSchema.parse(values));
  const policy = await ctx.db
    .selectFrom('documents')
    .select('id')
    .where('orgId', '=', ctx.org.id)
    .where('title', '=', 'Information security policy')
    .executeTakeFirst();

  const phishing = await create(measuresModule, {
    title: 'Phishing simulation click rate',
    informationNeed: 'Do our people recognise phishing e-mails?',
    kind: 'effectiveness',
    objectMeasured: 'Monthly phishing simulation',
    attribute: 'Recipients who clicked the link',
    method: 'The simulation platform sends one campaign a month to every member of staff; clicked ÷ delivered × 100.',
    baseMeasures: 'clicked: Recipients who clicked\ndelivered: Messages delivered',
    unit: '%',
    targetValue: 5,
    targetDirection: 'at_most',
    amberThreshold: 8,
    frequency: 'monthly',
    analysisFrequency: 'monthly',
    reportingFrequency: 'quarterly',
    measuredById: c,
    analysedById: m,
    reportedTo: 'Board, in the quarterly ISMS report',
  });
  const reviews = await create(measuresModule, {
    title: 'Privileged access reviewed on time',
    informationNeed: 'Are privileged accounts reviewed in time?',
    kind: 'performance',
    objectMeasured: 'Quarterly privileged access review',
    attribute: 'Accounts reviewed by their due date',
    method: 'From the access review records: accounts reviewed by the due date against accounts due.',
    baseMeasures: 'reviewed: Accounts reviewed on time\ndue: Accounts due for review',
    formula: 'reviewed / due * 100',
    unit: '%',
    targetValue: 95,
    targetDirection: 'at_least',
    amberThreshold: 90,
    frequency: 'quarterly',
    measuredById: c,
    analysedById: m,
    reportedTo: 'ISMS manager; the board each quarter',
  });
  const others = [
    {
      title: 'Critical patches installed within 14 days',
      informationNeed: 'Are critical vulnerabilities closed quickly enough?',
      kind: 'performance',
      unit: '%',
      targetValue: 90,
      targetDirection: 'at_least',
      amberThreshold: 80,
      frequency: 'monthly',
    },
    {
      title: 'Leaver access removed (days)',
      informationNeed: 'Do leavers lose their access on their last day?',
      kind: 'performance',
      unit: 'days',
      targetValue: 1,
      targetDirection: 'at_most',
      amberThreshold: 3,
      frequency: 'monthly',
    },
    {
      title: 'Backup restore tests passed',
      informationNeed: 'Can we restore payroll data when we need to?',
      kind: 'effectiveness',
      unit: '%',
      targetValue: 100,
      targetDirection: 'reach',
      frequency: 'quarterly',
    },
  ];
  const made: { ref: string }[] = [];
  for (const o of others) made.push(await create(measuresModule, { ...o, measuredById: c, analysedById: m }));

  // A year of monthly click rates, pushed as automation would; the privileged-access reviews by quarter.
  await pushResults(ctx, [
    ...CLICK_RATES.map((rate, i) => ({
      measure: phishing.ref,
      measuredOn: monthsAgo(12 - i),
      base: { clicked: Math.round(rate * 4), delivered: 400 },
      value: rate,
    })),
    ...REVIEWS.map((r, i) => ({
      measure: reviews.ref,
      measuredOn: monthsAgo(3 * (4 - i)),
      base: { reviewed: r.reviewed, due: r.total },
    })),
    ...[88, 91, 93].map((v, i) => ({ measure: made[0]!.ref, measuredOn: monthsAgo(3 - i), value: v })),
    ...[2, 1, 1].map((v, i) => ({ measure: made[1]!.ref, measuredOn: monthsAgo(3 - i), value: v })),
  ]);
  // The red month, evaluated by the analyst.
  const redMonth = periodKey('monthly', monthsAgo(12 - CLICK_RATES.indexOf(12.6)));
  await recordEvaluation(
    { ...ctx, actor: { kind: 'user', userId: m, label: 'isms_manager' } },
    phishing.id,
    evaluationBodySchema.parse({
      periodKey: redMonth,
      rag: 'red',
      note: 'The campaign imitated the payroll provider’s year-end notice, sent in the week staff expected it. Not a trend: the next months fell again. The awareness module now covers look-alike supplier notices.',
    }),
  );

  for (const key of ['overdue_actions', 'overdue_nonconformities', 'applicable_controls_with_evidence'] as const)
    await switchOnBuiltInMeasure(ctx, key);

  // 1. Measured by its measure: the click rate below 5 % by the end of the year.
  const measured = await create(objectivesModule, {
    title: 'Fewer than 5 % of staff click on phishing simulations',
    statement: 'Staff recognise and report phishing, the most common way into payroll data.',
    level: 'organization',
    policyDocumentId: policy?.id ?? null,
    policyObjective: 'People: everyone knows and follows the rules',
    ownerId: m,
    measurementMode: 'measures',
    targetValue: 5,
    targetUnit: '%',
    targetDirection: 'at_most',
    baselineValue: 11.8,
    startDate: monthsAgo(12),
    deadline: daysAgo(-60),
    plannedWork: 'Monthly simulations; a short lesson for whoever clicks; quarterly awareness sessions.',
    resources: 'Simulation platform licence; two hours a quarter of the ISMS manager’s time.',
    evaluationMethod: 'The measure’s monthly value against the target, reviewed each quarter by the board.',
  });
  await linkMeasure(ctx, measured.id, phishing.id);

  // 2. Manual progress: the share of suppliers with a signed security schedule.
  const manual = await create(objectivesModule, {
    title: 'Every critical supplier signs the security schedule',
    statement: 'The suppliers that process payroll data are bound by our security requirements.',
    level: 'function',
    functionName: 'Procurement',
    ownerId: c,
    measurementMode: 'manual',
    targetValue: 100,
    targetUnit: '%',
    targetDirection: 'reach',
    baselineValue: 40,
    startDate: daysAgo(200),
    deadline: daysAgo(-120),
    plannedWork: 'Send the schedule with each renewal; escalate refusals to the board.',
    resources: 'Procurement lead; legal review of changes',
    evaluationMethod: 'Signed schedules on file against the critical suppliers listed in the register.',
  });
  for (const [days, value, note] of [
    [150, 55, 'Three renewals signed'],
    [90, 70, 'Cloud host signed after negotiation'],
    [20, 80, 'Two of ten still open: both renew next quarter'],
  ] as const)
    await recordProgress(
      ctx,
      manual.id,
      objectiveProgressBodySchema.parse({ entryDate: daysAgo(days), value, note, evidenceIds: [] }),
    );

  // 3. Not practicable to measure, with how its achievement is judged instead.
  await create(objectivesModule, {
    title: 'Security is part of every product decision',
    statement: 'Product changes consider information security before they are agreed, not after.',
    level: 'organization',
    ownerId: m,
    measurementMode: 'not_practicable',
    notMeasurableReason:
      'How much weight security gets in a decision cannot be counted without making the count the goal.',
    judgementMethod:
      'At each management review, the board looks at three product decisions of the period and judges from their records whether security was considered before agreement.',
    deadline: daysAgo(-240),
  });
}
