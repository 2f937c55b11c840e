/**
 * Shared vocabulary of targets and periods (issue 16): an objective's target (6.2) and a measure's target (9.1)
 * are read the same way, and results fall in the same periods. Pure functions, no I/O.
 */
export const TARGET_DIRECTIONS = ['at_least', 'at_most', 'reach'] as const; // "≥ 95 %", "≤ 5 days", "reach level 4"
export type TargetDirection = (typeof TARGET_DIRECTIONS)[number];
export const RAG = ['green', 'amber', 'red'] as const;
export type Rag = (typeof RAG)[number];
export const FREQUENCIES = ['weekly', 'monthly', 'quarterly', 'half_yearly', 'yearly'] as const;
export type Frequency = (typeof FREQUENCIES)[number];

const pad = (n: number, w = 2) => String(n).padStart(w, '0');
const DAY = 86_400_000;
const utc = (iso: string) => new Date(`${iso}T00:00:00Z`);
const iso = (d: Date) => d.toISOString().slice(0, 10);

/** ISO 8601 week: the week belongs to the year of its Thursday. */
function isoWeek(d: Date): { year: number; week: number } {
  const thursday = new Date(d.getTime() + (3 - ((d.getUTCDay() + 6) % 7)) * DAY);
  const year = thursday.getUTCFullYear();
  const week = Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / (7 * DAY)) + 1;
  return { year, week };
}

/** the Monday of ISO week 1 of `year` */
function week1Monday(year: number): Date {
  const jan4 = new Date(Date.UTC(year, 0, 4));
  return new Date(jan4.getTime() - ((jan4.getUTCDay() + 6) % 7) * DAY);
}

/** the period a date falls in: '2026-W49', '2026-12', '2026-Q4', '2026-H2', '2026' */
export function periodKey(frequency: Frequency, isoDate: string): string {
  const d = utc(isoDate);
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth() + 1;
  switch (frequency) {
    case 'weekly': {
      const w = isoWeek(d);
      return `${w.year}-W${pad(w.week)}`;
    }
    case 'monthly':
      return `${y}-${pad(m)}`;
    case 'quarterly':
      return `${y}-Q${Math.ceil(m / 3)}`;
    case 'half_yearly':
      return `${y}-H${m <= 6 ? 1 : 2}`;
    case 'yearly':
      return `${y}`;
  }
}

/** first and last day (inclusive ISO dates) of a period key of `frequency` */
export function periodBounds(frequency: Frequency, key: string): { from: string; to: string } {
  const y = Number(key.slice(0, 4));
  const monthSpan = (first: number, months: number) => ({
    from: iso(new Date(Date.UTC(y, first - 1, 1))),
    to: iso(new Date(Date.UTC(y, first - 1 + months, 0))),
  });
  switch (frequency) {
    case 'weekly': {
      const monday = new Date(week1Monday(y).getTime() + (Number(key.slice(6)) - 1) * 7 * DAY);
      return { from: iso(monday), to: iso(new Date(monday.getTime() + 6 * DAY)) };
    }
    case 'monthly':
      return monthSpan(Number(key.slice(5)), 1);
    case 'quarterly':
      return monthSpan((Number(key.slice(6)) - 1) * 3 + 1, 3);
    case 'half_yearly':
      return monthSpan(key.endsWith('1') ? 1 : 7, 6);
    case 'yearly':
      return monthSpan(1, 12);
  }
}

/** the `n` periods before `key`, oldest first */
export function previousPeriods(frequency: Frequency, key: string, n: number): string[] {
  const out: string[] = [];
  let current = key;
  for (let i = 0; i < n; i++) {
    const before = iso(new Date(utc(periodBounds(frequency, current).from).getTime() - DAY));
    current = periodKey(frequency, before);
    out.unshift(current);
  }
  return out;
}

/** whether `value` meets the target; `reach`: value >= target (a level reached) */
export function targetMet(value: number, t: { direction: TargetDirection; target: number }): boolean {
  return t.direction === 'at_most' ? value <= t.target : value >= t.target;
}

/** green when the target is met; amber when within the amber threshold; red otherwise. `reach`: value >= target */
export function ragStatus(
  value: number,
  t: { direction: TargetDirection; target: number; amberThreshold: number | null },
): Rag {
  if (targetMet(value, t)) return 'green';
  if (t.amberThreshold === null) return 'red';
  return t.direction === 'at_most'
    ? value <= t.amberThreshold
      ? 'amber'
      : 'red'
    : value >= t.amberThreshold
      ? 'amber'
      : 'red';
}
