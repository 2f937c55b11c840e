import type { OrgContext } from '../context.js';
import { ConflictError } from '../errors.js';
import { getRecord } from '../register/register.service.js';
import { newId, nowIso, todayIso } from '../util/ids.js';
import { saveDraftIn } from '../versioning/versions.service.js';
import { addMonths } from './document-dates.js';
import { documentsModule, documentVersionedModule } from './documents.module.js';
import { inOrgTransaction } from '../transaction.js';
import { auditDocument, updateDocument, documentVersions, lockDocument } from './document-queries.js';

/** Reviews as the API gives them, with the reviewer's name. */
function reviewRows(ctx: OrgContext) {
  return ctx.db
    .selectFrom('documentReviews')
    .leftJoin('users', 'users.id', 'documentReviews.reviewerId')
    .select([
      'documentReviews.id',
      'reviewedOn',
      'reviewerId',
      'users.name as reviewerName',
      'outcome',
      'note',
      'versionNo',
      'nextReviewDate',
      'documentReviews.createdAt',
    ])
    .where('documentReviews.orgId', '=', ctx.org.id);
}

/** A document's reviews, newest first (7.5.3: documents are kept suitable; each review is history). */
export async function listReviews(ctx: OrgContext, id: string) {
  await getRecord(ctx, documentsModule, id);
  const rows = await reviewRows(ctx)
    .where('documentId', '=', id)
    .orderBy('reviewedOn', 'desc')
    .orderBy('documentReviews.createdAt', 'desc')
    .limit(500)
    .execute();
  return { items: rows };
}

/**
 * Records a review of the document in force. "No change" moves the next review one interval on; "revise" keeps the
 * date (the revision will set it when published) and opens the next draft from the approved text, so the author
 * starts where the review left off.
 */
export async function recordReview(
  ctx: OrgContext,
  id: string,
  input: { outcome: 'no_change' | 'revise'; note: string; reviewedOn?: string },
) {
  const reviewedOn = input.reviewedOn ?? todayIso();
  if (reviewedOn > todayIso())
    throw new ConflictError('A review cannot be dated in the future', [
      { field: 'body.reviewedOn', message: 'In the future' },
    ]);
  const reviewId = newId();
  await inOrgTransaction(ctx, async (trx) => {
    const doc = await lockDocument(ctx, trx, id);
    if (doc.status !== 'published' && doc.status !== 'approved')
      throw new ConflictError(`${doc.ref} is ${doc.status}; only an approved or published document is reviewed`);
    const inForce = doc.publishedVersion ?? doc.approvedVersion;
    const nextReviewDate =
      input.outcome === 'no_change' ? addMonths(reviewedOn, doc.reviewIntervalMonths) : doc.nextReviewDate;
    await trx
      .insertInto('documentReviews')
      .values({
        id: reviewId,
        orgId: ctx.org.id,
        documentId: id,
        reviewedOn,
        reviewerId: ctx.actor.userId,
        outcome: input.outcome,
        note: input.note,
        versionNo: inForce,
        nextReviewDate,
        createdAt: nowIso(),
      })
      .execute();
    if (nextReviewDate !== doc.nextReviewDate) {
      await updateDocument(ctx, trx, doc, { nextReviewDate });
    }
    const latest = await documentVersions(ctx, trx, id)
      .select(['versionNo', 'state', 'content'])
      .orderBy('versionNo', 'desc')
      .limit(1)
      .executeTakeFirst();
    const revise = input.outcome === 'revise' && latest && latest.state !== 'draft' ? latest : null;
    await auditDocument(ctx, trx, id, {
      type: 'document.reviewed',
      payload: {
        ref: doc.ref,
        outcome: input.outcome,
        note: input.note,
        reviewedOn,
        nextReviewDate,
        draftVersion: revise ? revise.versionNo + 1 : null,
      },
    });
    // "Revise" opens the next draft from the text in force, in the same transaction as the review it comes from.
    if (revise) {
      const changeNote = `Revision after the review of ${reviewedOn}: ${input.note}`.slice(0, 2000);
      await saveDraftIn(ctx, trx, documentVersionedModule, id, {
        content: JSON.parse(revise.content) as Record<string, unknown>,
        stage: 'draft',
        changeNote,
        baseVersion: revise.versionNo,
      });
    }
  });
  return reviewRows(ctx).where('documentReviews.id', '=', reviewId).executeTakeFirstOrThrow();
}
