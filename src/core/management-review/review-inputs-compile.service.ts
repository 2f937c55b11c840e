import type { Db } from '../../db/connect.js';
import { REVIEW_INPUT_KEYS, type ReviewInputs } from '../../schema/management-review/review-inputs.schema.js';
import type { OrgContext } from '../context.js';
import { NotFoundError } from '../errors.js';
import { nowIso, todayIso } from '../util/ids.js';
import { previousActionsSection } from './review-previous-actions.js';
import { compileRecordInputs } from './review-inputs.service.js';

/** A review as the inputs need it. */
export interface ReviewHead {
  id: string;
  ref: string;
  level: string;
  unitName: string | null;
  plannedDate: string;
  heldOn: string | null;
}

export async function loadReviewHead(ctx: OrgContext, db: Db, reviewId: string): Promise<ReviewHead> {
  const r = await db
    .selectFrom('managementReviews')
    .select(['id', 'ref', 'level', 'unitName', 'plannedDate', 'heldOn'])
    .where('orgId', '=', ctx.org.id)
    .where('id', '=', reviewId)
    .executeTakeFirst();
  if (!r) throw new NotFoundError('The management review');
  return r;
}

/**
 * The date the inputs describe: the day the review was held; before it is held, today (a planned date in the
 * future cannot be described yet, and a review held late reports the ISMS as it stood when it met). Never later
 * than today.
 */
export const inputsAsOf = (r: ReviewHead, today = todayIso()): string =>
  r.heldOn && r.heldOn < today ? r.heldOn : today;

/** The reviews before this one, at the same level (a unit's reviews: the same unit), held before its date. */
async function earlierReviews(ctx: OrgContext, db: Db, r: ReviewHead) {
  const date = r.heldOn ?? r.plannedDate;
  let q = db
    .selectFrom('managementReviews')
    .select(['id', 'ref', 'heldOn'])
    .where('orgId', '=', ctx.org.id)
    .where('archivedAt', 'is', null)
    .where('id', '!=', r.id)
    .where('level', '=', r.level)
    .where('heldOn', 'is not', null)
    .where('heldOn', '<', date);
  if (r.level === 'unit') q = q.where('unitName', '=', r.unitName ?? '');
  return q.orderBy('heldOn', 'desc').orderBy('ref', 'desc').execute();
}

/**
 * The inputs a–g of a review (9.3.2), compiled now from the records (not stored: the minutes' drafts freeze them).
 * `since`: the previous held review of the same level; changes b–g are counted from its date.
 */
export async function compileReviewInputs(ctx: OrgContext, db: Db, reviewId: string): Promise<ReviewInputs> {
  const review = await loadReviewHead(ctx, db, reviewId);
  const asOf = inputsAsOf(review);
  const earlier = await earlierReviews(ctx, db, review);
  const previous = earlier[0];
  const since = previous?.heldOn ? { ref: previous.ref, heldOn: previous.heldOn } : null;
  const a = await previousActionsSection(
    ctx,
    db,
    earlier.map((e) => e.id),
    previous?.id ?? null,
    previous?.ref ?? null,
    asOf,
  );
  const rest = await compileRecordInputs(ctx, db, { asOf, since: since?.heldOn ?? null });
  const sections = [a, ...rest.filter((s) => s.key !== 'previousActions')].sort(
    (x, y) => REVIEW_INPUT_KEYS.indexOf(x.key) - REVIEW_INPUT_KEYS.indexOf(y.key),
  );
  return { compiledAt: nowIso(), asOf, since, sections };
}
