import {
  DEFAULT_REVIEW_INTERVAL_MONTHS,
  type ReviewSchedule,
} from '../../schema/management-review/management-review.register.js';
import type { OrgContext } from '../context.js';
import { addMonths } from '../documents/document-dates.js';
import { todayIso } from '../util/ids.js';

/** The reminder shows this many days before the next review is due. */
export const DUE_SOON_DAYS = 30;

const addDays = (iso: string, days: number) =>
  new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/**
 * When the organization's next management review is due (27001 9.3: at planned intervals; 27003: at least yearly):
 * from the last held organization-level review (its nextReviewDue, or a year after it), with the next one planned.
 * Overdue: past that date, and no review held since (the last held one is the latest by construction).
 */
export async function reviewSchedule(ctx: OrgContext, today = todayIso()): Promise<ReviewSchedule> {
  const current = ctx.db
    .selectFrom('managementReviews')
    .where('orgId', '=', ctx.org.id)
    .where('archivedAt', 'is', null)
    .where('level', '=', 'organization');
  const last = await current
    .select(['id', 'ref', 'title', 'heldOn', 'nextReviewDue'])
    .where('heldOn', 'is not', null)
    .orderBy('heldOn', 'desc')
    .orderBy('ref', 'desc')
    .executeTakeFirst();
  const upcoming = await current
    .select(['id', 'ref', 'title', 'plannedDate'])
    .where('heldOn', 'is', null)
    .orderBy('plannedDate', 'asc')
    .orderBy('ref', 'asc')
    .executeTakeFirst();
  const heldOn = last?.heldOn ?? null;
  const nextDue = heldOn ? (last?.nextReviewDue ?? addMonths(heldOn, DEFAULT_REVIEW_INTERVAL_MONTHS)) : null;
  const overdue = nextDue !== null && nextDue < today;
  return {
    intervalMonths: DEFAULT_REVIEW_INTERVAL_MONTHS,
    lastHeld: last && heldOn ? { id: last.id, ref: last.ref, title: last.title, heldOn } : null,
    nextDue,
    dueSoon: nextDue !== null && nextDue <= addDays(today, DUE_SOON_DAYS),
    overdue,
    upcoming: upcoming ?? null,
  };
}
