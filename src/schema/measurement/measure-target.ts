import { z } from 'zod';

/**
 * The shared vocabulary of objectives (6.2) and measures (9.1): how a target reads, the traffic light, and the
 * periods results belong to. Pure functions (no clock, no database), shared by the server, the web and the sampler.
 */

/** "≥ 95 %" (at_least), "≤ 5 days" (at_most), "reach level 4" (reach: met once the value is at or above it). */
export const TARGET_DIRECTIONS = ['at_least', 'at_most', 'reach'] as const;
export type TargetDirection = (typeof TARGET_DIRECTIONS)[number];

export const RAG = ['green', 'amber', 'red'] as const;
export type Rag = (typeof RAG)[number];

export const FREQUENCIES = ['weekly', 'monthly', 'quarterly', 'half_yearly', 'yearly'] as const;
export type Frequency = (typeof FREQUENCIES)[number];

export interface Target {
  direction: TargetDirection;
  target: number;
  /** The value at which amber turns red (below the target for at_least/reach, above it for at_most); null: no amber. */
  amberThreshold: number | null;
}

const DAY_MS = 86_400_000;
const PATTERNS: Record<Frequency, RegExp> = {
  weekly: /^(\d{4})-W(\d{2})$/,
  monthly: /^(\d{4})-(\d{2})$/,
  quarterly: /^(\d{4})-Q([1-4])$/,
  half_yearly: /^(\d{4})-H([12])$/,
  yearly: /^(\d{4})$/,
};
/** Months per period for the month-based frequencies. */
const MONTHS: Record<Exclude<Frequency, 'weekly'>, number> = { monthly: 1, quarterly: 3, half_yearly: 6, yearly: 12 };

const pad = (n: number, width = 2) => String(n).padStart(width, '0');
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

function parseIsoDate(isoDate: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(isoDate);
  if (!match) throw new RangeError(`not an ISO date: ${isoDate}`);
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const ms = Date.UTC(y, m - 1, d);
  if (isoDay(ms) !== `${pad(y, 4)}-${pad(m)}-${pad(d)}`) throw new RangeError(`not a calendar date: ${isoDate}`);
  return ms;
}

/** Monday of ISO week 1 of an ISO week-year (the week holding 4 January). */
function isoWeekOneMonday(year: number): number {
  const jan4 = Date.UTC(year, 0, 4);
  const weekday = (new Date(jan4).getUTCDay() + 6) % 7; // Monday = 0
  return jan4 - weekday * DAY_MS;
}

function isoWeeksInYear(year: number): number {
  return Math.round((isoWeekOneMonday(year + 1) - isoWeekOneMonday(year)) / (7 * DAY_MS));
}

/** The period a date falls in: '2026-W49', '2026-12', '2026-Q4', '2026-H2', '2026' (weeks are ISO 8601 weeks). */
export function periodKey(frequency: Frequency, isoDate: string): string {
  const ms = parseIsoDate(isoDate);
  const date = new Date(ms);
  if (frequency === 'weekly') {
    // The ISO week-year is the year of the week's Thursday.
    const thursday = ms + (3 - ((date.getUTCDay() + 6) % 7)) * DAY_MS;
    const year = new Date(thursday).getUTCFullYear();
    const week = Math.floor((thursday - isoWeekOneMonday(year)) / (7 * DAY_MS)) + 1;
    return `${pad(year, 4)}-W${pad(week)}`;
  }
  const year = pad(date.getUTCFullYear(), 4);
  const index = Math.floor(date.getUTCMonth() / MONTHS[frequency]) + 1;
  if (frequency === 'monthly') return `${year}-${pad(index)}`;
  if (frequency === 'quarterly') return `${year}-Q${index}`;
  if (frequency === 'half_yearly') return `${year}-H${index}`;
  return year;
}

/** Whether `key` is a well-formed period of this frequency (week 53 only in years that have one). */
export function isPeriodKey(frequency: Frequency, key: string): boolean {
  const match = PATTERNS[frequency].exec(key);
  if (!match) return false;
  const year = Number(match[1]);
  const index = Number(match[2] ?? 1);
  if (frequency === 'weekly') return index >= 1 && index <= isoWeeksInYear(year);
  if (frequency === 'monthly') return index >= 1 && index <= 12;
  return true;
}

function parsePeriod(frequency: Frequency, key: string): { year: number; index: number } {
  if (!isPeriodKey(frequency, key)) throw new RangeError(`not a ${frequency} period: ${key}`);
  const match = PATTERNS[frequency].exec(key);
  return { year: Number(match?.[1]), index: Number(match?.[2] ?? 1) };
}

/** The first and last day of a period, inclusive ISO dates. */
export function periodBounds(frequency: Frequency, key: string): { from: string; to: string } {
  const { year, index } = parsePeriod(frequency, key);
  if (frequency === 'weekly') {
    const monday = isoWeekOneMonday(year) + (index - 1) * 7 * DAY_MS;
    return { from: isoDay(monday), to: isoDay(monday + 6 * DAY_MS) };
  }
  const months = MONTHS[frequency];
  const firstMonth = (index - 1) * months;
  return {
    from: isoDay(Date.UTC(year, firstMonth, 1)),
    to: isoDay(Date.UTC(year, firstMonth + months, 1) - DAY_MS),
  };
}

/** The period `offset` periods after `key` (negative: before). */
export function shiftPeriod(frequency: Frequency, key: string, offset: number): string {
  const { from } = periodBounds(frequency, key);
  if (frequency === 'weekly') return periodKey(frequency, isoDay(parseIsoDate(from) + offset * 7 * DAY_MS));
  const start = new Date(parseIsoDate(from));
  return periodKey(
    frequency,
    isoDay(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + offset * MONTHS[frequency], 1)),
  );
}

/** The `n` periods just before `key` (not `key` itself), oldest first: previousPeriods('monthly', '2026-03', 2) is
 * ['2026-01', '2026-02']. */
export function previousPeriods(frequency: Frequency, key: string, n: number): string[] {
  return Array.from({ length: Math.max(0, n) }, (_, i) => shiftPeriod(frequency, key, i - n));
}

/** Every period from `fromKey` to `toKey`, both included, oldest first (empty when from is after to); at most
 * `limit` periods, the latest ones, so a corrupt or ancient start cannot make an unbounded list. */
export function periodsBetween(frequency: Frequency, fromKey: string, toKey: string, limit = 1000): string[] {
  const start = parseIsoDate(periodBounds(frequency, fromKey).from);
  const periods: string[] = [];
  for (let key = toKey; periods.length < limit; key = shiftPeriod(frequency, key, -1)) {
    if (parseIsoDate(periodBounds(frequency, key).from) < start) break;
    periods.unshift(key);
  }
  return periods;
}

/** Whether the value meets the target. `reach` is met once the value is at or above the level. */
export function targetMet(value: number, t: Pick<Target, 'direction' | 'target'>): boolean {
  return t.direction === 'at_most' ? value <= t.target : value >= t.target;
}

/** Green when the target is met; amber when short of it but not past the amber threshold; red otherwise (and red
 * when there is no amber threshold). */
export function ragStatus(value: number, t: Target): Rag {
  if (targetMet(value, t)) return 'green';
  if (t.amberThreshold === null) return 'red';
  const withinAmber = t.direction === 'at_most' ? value <= t.amberThreshold : value >= t.amberThreshold;
  return withinAmber ? 'amber' : 'red';
}

/** Why an amber threshold does not fit its direction (it must lie on the far side of the target), or null. */
export function amberThresholdProblem(t: Target): string | null {
  if (t.amberThreshold === null) return null;
  if (t.direction === 'at_most' && t.amberThreshold < t.target)
    return 'must be at or above the target: values above the target are amber up to it, then red';
  if (t.direction !== 'at_most' && t.amberThreshold > t.target)
    return 'must be at or below the target: values below the target are amber down to it, then red';
  return null;
}

export const targetDirectionSchema = z.enum(TARGET_DIRECTIONS);
export const ragSchema = z.enum(RAG);
export const frequencySchema = z.enum(FREQUENCIES);
/** Any period key of any frequency (the frequency is checked where the measure is known). */
export const periodKeySchema = z.string().regex(/^\d{4}(-W\d{2}|-\d{2}|-Q[1-4]|-H[12])?$/, 'not a period key');
