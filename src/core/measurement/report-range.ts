import { ValidationError } from '../errors.js';

const DAY_MS = 86_400_000;

/** The longest period one report covers. */
export const MAX_REPORT_YEARS = 5;

/** The report's dates: `to` defaults to today, `from` to the day after the same date a year before `to`. */
export function reportRange(q: { from?: string | undefined; to?: string | undefined }, today: string) {
  const to = q.to ?? today;
  const toMs = Date.parse(`${to}T00:00:00Z`);
  const lastYear = new Date(toMs);
  lastYear.setUTCFullYear(lastYear.getUTCFullYear() - 1);
  const from = q.from ?? new Date(lastYear.getTime() + DAY_MS).toISOString().slice(0, 10);
  if (from > to) throw new ValidationError([{ field: 'query.to', message: 'to must be on or after from' }]);
  const limit = new Date(Date.parse(`${from}T00:00:00Z`));
  limit.setUTCFullYear(limit.getUTCFullYear() + MAX_REPORT_YEARS);
  if (to >= limit.toISOString().slice(0, 10))
    throw new ValidationError([
      { field: 'query.from', message: `A report covers at most ${MAX_REPORT_YEARS} years: narrow from and to` },
    ]);
  return { from, to };
}
