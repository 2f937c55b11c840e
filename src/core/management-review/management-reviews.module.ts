import type { Db } from '../../db/connect.js';
import {
  DEFAULT_REVIEW_INTERVAL_MONTHS,
  managementReviewRegister,
} from '../../schema/management-review/management-review.register.js';
import { addMonths } from '../documents/document-dates.js';
import type { OrgContext } from '../context.js';
import { ConflictError, ValidationError } from '../errors.js';
import type { RegisterModule } from '../register/register-module.js';
import { todayIso } from '../util/ids.js';
import type { FieldError } from '../../schema/common/problem.js';

/** The chair is top management: a member of the organization holding the approver role (they approve the minutes). */
async function checkChair(ctx: OrgContext, trx: Db, chairId: string) {
  const m = await trx
    .selectFrom('memberships')
    .select('role')
    .where('orgId', '=', ctx.org.id)
    .where('userId', '=', chairId)
    .executeTakeFirst();
  if (m?.role !== 'approver')
    throw new ValidationError([
      {
        field: 'body.chairId',
        message: m
          ? 'The chair must be top management: a member holding the approver role'
          : 'Not a member of this organization',
      },
    ]);
}

/** A unit's review names its unit and may feed an organization-level review; an organization's feeds none. */
async function checkLevel(ctx: OrgContext, trx: Db, id: string | undefined, next: Next): Promise<FieldError[]> {
  const errors: FieldError[] = [];
  if (next.level === 'unit' && !next.unitName)
    errors.push({ field: 'body.unitName', message: 'Name the unit this review covers' });
  if (next.parentReviewId) {
    if (next.level !== 'unit')
      errors.push({ field: 'body.parentReviewId', message: 'Only a unit’s review feeds another review' });
    else if (next.parentReviewId === id)
      errors.push({ field: 'body.parentReviewId', message: 'A review cannot feed itself' });
    else {
      const parent = await trx
        .selectFrom('managementReviews')
        .select('level')
        .where('orgId', '=', ctx.org.id)
        .where('id', '=', next.parentReviewId)
        .executeTakeFirst();
      if (parent && parent.level !== 'organization')
        errors.push({ field: 'body.parentReviewId', message: 'A unit’s review feeds an organization-level review' });
    }
  }
  return errors;
}

interface Next {
  level: string | null | undefined;
  unitName: string | null | undefined;
  parentReviewId: string | null | undefined;
}

/** The default interval's due date after a review on `date`. */
const dueAfter = (date: string) => addMonths(date, DEFAULT_REVIEW_INTERVAL_MONTHS);

/**
 * Management reviews (9.3): the chair is top management; the status follows the record (planned → held once it is
 * held → approved once its minutes are); the next review is due a year after this one unless set.
 */
export const managementReviewsModule: RegisterModule<typeof managementReviewRegister.fields> = {
  def: managementReviewRegister,
  async beforeWrite(ctx, trx, changes, existing) {
    if (changes.chairId) await checkChair(ctx, trx, changes.chairId);
    const heldOn = changes.heldOn !== undefined ? changes.heldOn : (existing?.heldOn ?? null);
    const plannedDate = changes.plannedDate ?? existing?.plannedDate ?? todayIso();
    const errors = await checkLevel(ctx, trx, existing?.id, {
      level: changes.level ?? existing?.level ?? 'organization',
      unitName: changes.unitName !== undefined ? changes.unitName : existing?.unitName,
      parentReviewId: changes.parentReviewId !== undefined ? changes.parentReviewId : existing?.parentReviewId,
    });
    if (heldOn && heldOn > todayIso())
      errors.push({ field: 'body.heldOn', message: 'A review cannot be recorded as held on a day still to come' });
    if (errors.length) throw new ValidationError(errors);
    const server: Partial<typeof changes> = {
      status: existing?.approvedVersion ? 'approved' : heldOn ? 'held' : 'planned',
    };
    // the due date follows the review's date while it is the default; one typed in (or cleared on purpose) stays
    const wasDefault =
      !existing ||
      existing.nextReviewDue === null ||
      existing.nextReviewDue === dueAfter(existing.heldOn ?? existing.plannedDate ?? plannedDate);
    if (changes.nextReviewDue === undefined && wasDefault) server.nextReviewDue = dueAfter(heldOn ?? plannedDate);
    if (changes.nextReviewDue === null) server.nextReviewDue = dueAfter(heldOn ?? plannedDate);
    return server;
  },
  /** the record of a review whose minutes are approved is kept: 9.3.3 asks for it as documented information */
  async beforeArchive(_ctx, _trx, existing) {
    if (existing.approvedVersion !== null)
      throw new ConflictError(`The minutes of ${existing.ref} are approved: the review is kept as their record`);
  },
};
