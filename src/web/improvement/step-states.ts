import { IMPROVEMENT_STATUSES, type ImprovementStatus } from '../../schema/improvement/improvement.register.js';
import { NC_STATUSES, type NcStatus } from '../../schema/improvement/nonconformity.register.js';

/** Where a step card stands: done (its record shows), current (its form shows), not yet. */
export type StepState = 'done' | 'current' | 'todo';

const at = (done: boolean, current: boolean): StepState => (done ? 'done' : current ? 'current' : 'todo');

/**
 * Which step of a nonconformity's handling each card is in, from its status (27003: correction → decision →
 * analysis → actions → effectiveness review → closure). Decided with no corrective action needed, the analysis,
 * actions and review are skipped (`noAction`) and closure is next. Reopened by an ineffective review, it is
 * `analysed` again: actions are current, the review comes after them.
 */
export function ncStepStates(record: { status?: NcStatus | null; correctiveActionNeeded?: boolean | null }) {
  const s = NC_STATUSES.indexOf(record.status ?? 'reported');
  const noAction = record.correctiveActionNeeded === false;
  return {
    noAction,
    correction: at(s >= 1, s === 0),
    decision: at(s >= 2, s === 1),
    analysis: at(s >= 3, s === 2 && !noAction),
    actions: at(s >= 5, s === 3 || s === 4),
    review: at(s >= 5, s === 4),
    close: at(s === 6, s === 5 || (s === 2 && noAction)),
  };
}

/** The path a pursued improvement takes; "rejected" ends it after the evaluation. */
export const IMPROVEMENT_PATH: readonly ImprovementStatus[] = IMPROVEMENT_STATUSES.filter((s) => s !== 'rejected');

/** Which step of an improvement's follow-up each card is in (evaluation → actions → implemented → review). */
export function improvementStepStates(record: { status?: ImprovementStatus | null }) {
  const status = record.status ?? 'suggested';
  const s = IMPROVEMENT_PATH.indexOf(status === 'rejected' ? 'evaluated' : status);
  return {
    rejected: status === 'rejected',
    evaluation: at(s >= 1, s === 0),
    actions: at(s >= 3, s === 1 || s === 2),
    implemented: at(s >= 3, s === 2),
    review: at(s >= 4, s === 3),
  };
}
