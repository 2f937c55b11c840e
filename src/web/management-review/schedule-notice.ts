import type { ReviewSchedule } from '../../schema/management-review/management-review.register.js';

/**
 * What the schedule says to the reader, worst first: a review past due (no later review held), one due within the
 * month, none held yet (27001 9.3 asks for reviews at planned intervals: the first one is due now), or on track.
 * `remind` is whether the home page shows it: only when something is due.
 */
export type ScheduleNotice =
  | { kind: 'overdue'; due: string; remind: true }
  | { kind: 'dueSoon'; due: string; remind: true }
  | { kind: 'noneHeld'; remind: boolean }
  | { kind: 'onTrack'; due: string | null; remind: false };

export function scheduleNotice(s: ReviewSchedule): ScheduleNotice {
  if (s.overdue && s.nextDue) return { kind: 'overdue', due: s.nextDue, remind: true };
  if (s.dueSoon && s.nextDue) return { kind: 'dueSoon', due: s.nextDue, remind: true };
  // none held: a reminder only while none is planned either (once one is planned, the list shows it)
  if (!s.lastHeld) return { kind: 'noneHeld', remind: !s.upcoming };
  return { kind: 'onTrack', due: s.nextDue, remind: false };
}
