import type { ExpressionBuilder } from 'kysely';
import type { Db } from '../../db/connect.js';
import type { Database } from '../../db/types.js';
import { REVIEW_DECISION_ENTITY } from '../../schema/management-review/management-review.register.js';
import { REVIEW_INPUT_LETTERS, type ReviewInputSection } from '../../schema/management-review/review-inputs.schema.js';
import type { OrgContext } from '../context.js';
import { translate as t } from '../../schema/i18n/translate.js';
import { isOpenAction } from './decision-status.service.js';
import { TABLE_CAP, capped } from './inputs/input-window.js';
import { decisionSnapshots, decisionsQuery } from './review-decisions-read.js';

/** The letter of 9.3.2 an input is (a–g); `general` and anything else: a dash. */
export const letterOf = (input: string): string =>
  Object.entries(REVIEW_INPUT_LETTERS).find(([key]) => key === input)?.[1] ?? '—';

/**
 * Input a) (9.3.2 a): the status of actions from previous management reviews. Which decisions: every decision of the
 * previous held review (`sinceId`), and those of older reviews still open — a decision closed long ago has been
 * reported already, one still open has not stopped mattering. `earlierIds`: the earlier reviews of the same level.
 */
export async function previousActionsSection(
  ctx: OrgContext,
  db: Db,
  earlierIds: readonly string[],
  sinceId: string | null,
  sinceRef: string | null,
  asOf: string,
): Promise<ReviewInputSection> {
  const base = { key: 'previousActions' as const, charts: [], notBuilt: [] };
  const emptyText = sinceRef ? t('review-inputs.a.empty', { review: sinceRef }) : t('review-inputs.a.emptyFirst');
  if (!earlierIds.length)
    return { ...base, facts: [[t('review-inputs.a.reported'), '0']], tables: [table([], emptyText)] };
  const which = (eb: ExpressionBuilder<Database, 'managementReviewDecisions'>) =>
    eb.and([
      eb('managementReviewDecisions.orgId', '=', ctx.org.id),
      eb('managementReviewDecisions.archivedAt', 'is', null),
      eb('managementReviewDecisions.reviewId', 'in', [...earlierIds]),
      eb.or([
        eb('managementReviewDecisions.status', '=', 'open'),
        eb('managementReviewDecisions.reviewId', '=', sinceId ?? ''),
      ]),
    ]);
  // the counts over all of them in SQL; the rows capped
  const byStatus = await db
    .selectFrom('managementReviewDecisions')
    .select((eb) => [
      'status',
      eb.fn.countAll<number>().as('n'),
      eb.fn.sum<number>(eb.case().when('dueDate', '<', asOf).then(1).else(0).end()).as('late'),
    ])
    .where(which)
    .groupBy('status')
    .execute();
  const actionCounts = await db
    .selectFrom('actions')
    .select((eb) => ['actions.status', eb.fn.countAll<number>().as('n')])
    .where('actions.orgId', '=', ctx.org.id)
    .where('actions.archivedAt', 'is', null)
    .where('actions.sourceType', '=', REVIEW_DECISION_ENTITY)
    .where('actions.sourceId', 'in', db.selectFrom('managementReviewDecisions').select('id').where(which))
    .groupBy('actions.status')
    .execute();
  const count = (status: string) => Number(byStatus.find((r) => r.status === status)?.n ?? 0);
  const actionCount = (pred: (s: string) => boolean) =>
    actionCounts.filter((r) => pred(r.status)).reduce((t, r) => t + Number(r.n), 0);
  const total = byStatus.reduce((t, r) => t + Number(r.n), 0);
  const overdue = Number(byStatus.find((r) => r.status === 'open')?.late ?? 0);
  const scope = () =>
    decisionsQuery(ctx, db)
      .where('d.reviewId', 'in', [...earlierIds])
      .where((eb) => eb.or([eb('d.status', '=', 'open'), eb('d.reviewId', '=', sinceId ?? '')]));
  const rows = await scope().orderBy('r.ref').orderBy('d.ref').limit(TABLE_CAP).execute();
  const shown = await decisionSnapshots(ctx, db, rows);
  const facts: [string, string][] = [
    [t('review-inputs.a.reported'), String(total)],
    [t('review-inputs.a.open'), String(count('open'))],
    [t('review-inputs.a.overdue'), String(overdue)],
    [t('review-inputs.a.done'), String(count('done'))],
    [t('review-inputs.a.noAction'), String(count('no_action'))],
    [t('review-inputs.a.actionsOpen'), String(actionCount(isOpenAction))],
    [t('review-inputs.a.actionsDone'), String(actionCount((st) => st === 'done'))],
    [t('review-inputs.a.drafts'), String(shown.filter((x) => x.snapshot.draft).length)],
  ];
  capped(facts, t('review-inputs.a.table'), total);
  const body = shown.map(({ snapshot: s, draftState }) => [
    rows.find((r) => r.ref === s.ref)?.reviewRef ?? '',
    s.ref,
    letterOf(s.input),
    t(`management-review-decisions.kind.${s.kind}`),
    s.statement,
    [s.owner, s.dueDate && t('review-inputs.a.due', { date: s.dueDate })].filter(Boolean).join(', '),
    t(`management-review-decisions.status.${s.status}`),
    [
      ...s.actions.map((a) => `${a.ref} ${t(`actions.status.${a.status}`).toLowerCase()}`),
      ...(s.draft
        ? [`${s.draft.ref} v${s.draft.versionNo} (${t(`versions.state.${draftState ?? 'draft'}`).toLowerCase()})`]
        : []),
    ].join('; '),
  ]);
  return { ...base, facts, tables: [table(body, emptyText)] };
}

const table = (rows: string[][], emptyText: string) => ({
  title: t('review-inputs.a.table'),
  columns: [
    t('review-inputs.col.review'),
    t('review-inputs.col.decision'),
    t('review-inputs.col.input'),
    t('review-inputs.col.kind'),
    t('review-inputs.col.statement'),
    t('review-inputs.col.ownerDue'),
    t('review-inputs.col.status'),
    t('review-inputs.col.followUp'),
  ],
  rows,
  widths: [7, 8, 5, 12, 34, 14, 8, 12],
  emptyText,
});
