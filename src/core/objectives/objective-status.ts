import { targetMet, type Frequency, type TargetDirection } from '../../schema/measurement/measure-target.js';
import type { MeasurementMode, ProgressStatus } from '../../schema/objectives/objective.register.js';

/** Length in days of one period of each frequency (for "no value in the last 1.5 periods"). */
const PERIOD_DAYS: Record<Frequency, number> = {
  weekly: 7,
  monthly: 30.44,
  quarterly: 91.31,
  half_yearly: 182.62,
  yearly: 365.25,
};
/**
 * Manual progress has no frequency of its own: it is expected at least quarterly (an objective followed less often
 * than that cannot be steered to its deadline), so a manual objective with no entry for 1.5 quarters is at risk.
 */
export const MANUAL_FREQUENCY: Frequency = 'quarterly';

export interface StatusInput {
  mode: MeasurementMode;
  direction: TargetDirection | null;
  target: number | null;
  baseline: number | null;
  startDate: string | null;
  deadline: string | null;
  /** the values so far, any order (manual entries, or the measure's results) */
  points: readonly { date: string; value: number }[];
  /** how often a value is expected: the measure's frequency, or MANUAL_FREQUENCY */
  frequency: Frequency;
  today: string;
}

const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;

/** The latest point: by date, and of two on one date the one recorded last (the list's later entry). */
export function latestPoint<T extends { date: string }>(points: readonly T[]): T | null {
  let latest: T | null = null;
  for (const p of points) if (!latest || p.date >= latest.date) latest = p;
  return latest;
}

/**
 * The derived status of an objective (27003 6.2: "on track / at risk / missed / achieved"):
 * - not_measured: not practicable to measure, no target, or no value yet (within 1.5 periods of the start date);
 * - achieved: the latest value meets the target (per direction);
 * - missed: the deadline has passed and the latest value (if any) does not meet it;
 * - at_risk: not met, and either no value for 1.5 periods (since the latest value, or since the start), or the straight line from the baseline at the start date
 *   (or the first value) through the latest value does not reach the target by the deadline;
 * - on_track otherwise (including when there is not yet a line to extend: a single value and no baseline).
 */
export function objectiveStatus(input: StatusInput): ProgressStatus {
  const { direction, target, deadline, today } = input;
  if (input.mode === 'not_practicable' || direction === null || target === null) return 'not_measured';
  const latest = latestPoint(input.points);
  const t = { direction, target };
  if (latest && targetMet(latest.value, t)) return 'achieved';
  if (deadline && deadline < today) return 'missed';
  const overdue = (since: string) => day(today) - day(since) > 1.5 * PERIOD_DAYS[input.frequency];
  // no value yet: at risk once 1.5 periods have gone by since it started, not measured before
  if (!latest) return input.startDate && overdue(input.startDate) ? 'at_risk' : 'not_measured';
  if (overdue(latest.date)) return 'at_risk';
  if (!deadline) return 'on_track';
  const origin = lineOrigin(input, latest);
  if (!origin) return 'on_track';
  const slope = (latest.value - origin.value) / (day(latest.date) - day(origin.date));
  const projected = latest.value + slope * (day(deadline) - day(latest.date));
  return targetMet(projected, t) ? 'on_track' : 'at_risk';
}

/** Where the trend line starts: the baseline at the start date, else the earliest value; null when no line. */
function lineOrigin(
  input: StatusInput,
  latest: { date: string; value: number },
): { date: string; value: number } | null {
  if (input.baseline !== null && input.startDate && input.startDate < latest.date)
    return { date: input.startDate, value: input.baseline };
  let first: { date: string; value: number } | null = null;
  for (const p of input.points) if (!first || p.date < first.date) first = p;
  return first && first.date < latest.date ? first : null;
}
