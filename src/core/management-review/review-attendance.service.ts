import type { Db } from '../../db/connect.js';
import { forUpdate } from '../../db/dialect.js';
import type { ReviewAttendance } from '../../schema/management-review/management-review.register.js';
import { MANAGEMENT_REVIEW_ENTITY } from '../../schema/management-review/management-review.register.js';
import { recordAudit } from '../audit/audit.service.js';
import type { OrgContext } from '../context.js';
import { NotFoundError, ValidationError } from '../errors.js';
import { inOrgTransaction } from '../transaction.js';
import { newId } from '../util/ids.js';

/** The review (404 for another organization's id); locked for a write, so two saves at once run one after the other. */
async function reviewRow(ctx: OrgContext, db: Db, reviewId: string, lock = false) {
  const q = db
    .selectFrom('managementReviews')
    .select(['id', 'ref'])
    .where('orgId', '=', ctx.org.id)
    .where('id', '=', reviewId)
    .where('archivedAt', 'is', null);
  const r = await (lock ? forUpdate(db, q) : q).executeTakeFirst();
  if (!r) throw new NotFoundError('The management review');
  return r;
}

/** Who attended, names resolved (members first, in the order recorded; then others). */
export async function readAttendance(ctx: OrgContext, db: Db, reviewId: string) {
  const rows = await db
    .selectFrom('managementReviewAttendees as a')
    .leftJoin('users as u', 'u.id', 'a.userId')
    .select(['a.userId', 'a.name', 'u.name as userName', 'u.email', 'a.capacity', 'a.present'])
    .where('a.orgId', '=', ctx.org.id)
    .where('a.reviewId', '=', reviewId)
    .orderBy('a.seq')
    .execute();
  return {
    members: rows.flatMap((r) =>
      r.userId
        ? [
            {
              userId: r.userId,
              name: r.userName ?? '',
              email: r.email ?? '',
              capacity: r.capacity,
              present: !!r.present,
            },
          ]
        : [],
    ),
    others: rows.flatMap((r) => (r.userId ? [] : [{ name: r.name ?? '', capacity: r.capacity, present: !!r.present }])),
  };
}

export async function getAttendance(ctx: OrgContext, reviewId: string) {
  await reviewRow(ctx, ctx.db, reviewId);
  return readAttendance(ctx, ctx.db, reviewId);
}

/** Replaces the attendance: every member a member of the organization (400 naming the index), once each. */
export async function setAttendance(ctx: OrgContext, reviewId: string, body: ReviewAttendance) {
  await inOrgTransaction(ctx, async (trx) => {
    const review = await reviewRow(ctx, trx, reviewId, true);
    const ids = [...new Set(body.members.map((m) => m.userId))];
    const found = new Set(
      ids.length
        ? (
            await trx
              .selectFrom('memberships')
              .select('userId')
              .where('orgId', '=', ctx.org.id)
              .where('userId', 'in', ids)
              .execute()
          ).map((m) => m.userId)
        : [],
    );
    const seen = new Set<string>();
    const errors = body.members.flatMap((m, i) => {
      const field = `body.members.${i}.userId`;
      if (!found.has(m.userId)) return [{ field, message: 'Not a member of this organization' }];
      if (seen.has(m.userId)) return [{ field, message: 'Listed twice' }];
      seen.add(m.userId);
      return [];
    });
    if (errors.length) throw new ValidationError(errors);
    await trx
      .deleteFrom('managementReviewAttendees')
      .where('orgId', '=', ctx.org.id)
      .where('reviewId', '=', reviewId)
      .execute();
    const values = [
      ...body.members.map((m) => ({ userId: m.userId, name: null, capacity: m.capacity, present: m.present })),
      ...body.others.map((o) => ({ userId: null, name: o.name, capacity: o.capacity, present: o.present })),
    ].map((v, seq) => ({ ...v, id: newId(), orgId: ctx.org.id, reviewId, seq, present: v.present ? 1 : 0 }));
    if (values.length) await trx.insertInto('managementReviewAttendees').values(values).execute();
    await recordAudit(trx, {
      orgId: ctx.org.id,
      actor: ctx.actor,
      ip: ctx.ip,
      entityType: MANAGEMENT_REVIEW_ENTITY,
      entityId: reviewId,
      event: {
        type: 'management_review.attendance_set',
        payload: { ref: review.ref, members: body.members, others: body.others },
      },
    });
  });
  return getAttendance(ctx, reviewId);
}
