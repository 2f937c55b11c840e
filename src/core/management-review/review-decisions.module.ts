import type { Db } from '../../db/connect.js';
import { forUpdate } from '../../db/dialect.js';
import { reviewDecisionRegister } from '../../schema/management-review/management-review.register.js';
import type { OrgContext } from '../context.js';
import { ConflictError, ValidationError } from '../errors.js';
import type { RegisterModule } from '../register/register-module.js';
import { actionsOfDecisions, deriveDecisionStatus, draftApproved } from './decision-status.service.js';

/**
 * The review, locked for the decision's write: the minutes' approval locks it too, so a decision written while the
 * chair approves waits and then sees the approval (no decision slips in after the minutes froze them).
 */
async function lockReview(ctx: OrgContext, trx: Db, reviewId: string) {
  const q = trx
    .selectFrom('managementReviews')
    .select(['id', 'ref', 'approvedVersion', 'archivedAt'])
    .where('orgId', '=', ctx.org.id)
    .where('id', '=', reviewId);
  const r = await forUpdate(trx, q).executeTakeFirst();
  if (!r || r.archivedAt)
    throw new ValidationError([{ field: 'body.reviewId', message: 'No current management review with this id' }]);
  return r;
}

const frozen = (ref: string, field: string) =>
  new ConflictError(`The minutes of ${ref} are approved: its decisions are frozen (their status still moves)`, [
    { field, message: `${ref} is approved` },
  ]);

/** What the minutes freeze of a decision: which review, which input, what kind, what was decided. */
const FROZEN_FIELDS = ['reviewId', 'input', 'kind', 'statement'] as const;

/**
 * Decisions of management reviews (9.3.3 outputs): frozen with the approved minutes; the status derived from the
 * tracker actions carrying them out and the draft they opened (see decision-status.service.ts).
 */
export const reviewDecisionsModule: RegisterModule<typeof reviewDecisionRegister.fields> = {
  def: reviewDecisionRegister,
  async beforeWrite(ctx, trx, changes, existing) {
    const reviewId = changes.reviewId ?? existing?.reviewId ?? '';
    const review = await lockReview(ctx, trx, reviewId);
    if (!existing && review.approvedVersion !== null) throw frozen(review.ref, 'body.reviewId');
    if (existing) {
      const moved = FROZEN_FIELDS.find((f) => changes[f] !== undefined && changes[f] !== existing[f]);
      if (moved) {
        const from = existing.reviewId === reviewId ? review : await lockReview(ctx, trx, existing.reviewId ?? '');
        if (from.approvedVersion !== null) throw frozen(from.ref, `body.${moved}`);
        if (review.approvedVersion !== null) throw frozen(review.ref, 'body.reviewId');
      }
    }
    const kind = changes.kind ?? existing?.kind ?? 'other';
    const actions = existing ? (await actionsOfDecisions(ctx, trx, [existing.id])).map((a) => a.status) : [];
    const approved = existing ? await draftApproved(ctx, trx, existing) : false;
    return { status: deriveDecisionStatus(kind, actions, approved) };
  },
  async beforeArchive(ctx, trx, existing) {
    const review = await lockReview(ctx, trx, existing.reviewId ?? '');
    if (review.approvedVersion !== null) throw frozen(review.ref, 'id');
  },
  /** a decision that no action is needed takes no action: record it as another kind first */
  async onActionPlanned(ctx, trx, id) {
    const d = await trx
      .selectFrom('managementReviewDecisions')
      .select(['ref', 'kind'])
      .where('orgId', '=', ctx.org.id)
      .where('id', '=', id)
      .executeTakeFirst();
    if (d?.kind === 'no_action') {
      const message = `${d.ref} records that no action is needed; change its kind before planning actions for it`;
      throw new ConflictError(message, [{ field: 'body.sourceId', message }]);
    }
  },
};
