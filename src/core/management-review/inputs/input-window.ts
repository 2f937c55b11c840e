import type { Db } from '../../../db/connect.js';
import type { ReviewInputSection } from '../../../schema/management-review/review-inputs.schema.js';
import { translate as t } from '../../../schema/i18n/translate.js';
import type { OrgContext } from '../../context.js';

/** The most rows a table of the inputs lists; a fact says how many more there are (the large fixture has 5,000 risks). */
export const TABLE_CAP = 200;

/**
 * What a section compiler receives. The window is (since, asOf]: a change counts from the day after the previous
 * review (its own day was what that review saw) through the end of the review's date. Timestamps (createdAt…) are
 * compared as ISO strings against `lo`/`hi` (a day, which sorts before every instant of it); dates (foundOn…)
 * against `since`/`asOf`.
 */
export interface InputWindow {
  ctx: OrgContext;
  db: Db;
  orgId: string;
  asOf: string;
  since: string | null;
  /** the first day of the window ('' : from the beginning) */
  lo: string;
  /** the day after asOf: timestamps before it are on or before asOf */
  hi: string;
}

export function dayAfter(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

export function monthsBefore(date: string, months: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() - months);
  return d.toISOString().slice(0, 10);
}

export function inputWindow(ctx: OrgContext, db: Db, range: { asOf: string; since: string | null }): InputWindow {
  return {
    ctx,
    db,
    orgId: ctx.org.id,
    asOf: range.asOf,
    since: range.since,
    lo: range.since ? dayAfter(range.since) : '',
    hi: dayAfter(range.asOf),
  };
}

/** A date within (since, asOf]. */
export const inWindow = (w: InputWindow, date: string | null | undefined): boolean =>
  !!date && date.slice(0, 10) >= w.lo && date.slice(0, 10) < w.hi;

/** "since MR's date" or "in total" (the first review counts everything), for fact labels. */
export const sinceLabel = (w: InputWindow): string =>
  w.since ? t('review-inputs.since', { date: w.since }) : t('review-inputs.sinceStart');

export const count = (n: number | string | bigint | null | undefined): string => String(Number(n ?? 0));

/** A table lists at most TABLE_CAP rows: a fact says how many of `total` it left out. */
export function capped(facts: [string, string][], title: string, total: number): void {
  if (total > TABLE_CAP) facts.push([t('review-inputs.moreRows', { title }), String(total - TABLE_CAP)]);
}

/** Options of an enum, each with its count (zeros too, in the catalog's order), as categories and values. */
export function countsInOrder(
  options: readonly string[],
  rows: readonly { key: string | null; n: number | string | bigint }[],
): number[] {
  const by = new Map(rows.map((r) => [r.key, Number(r.n)]));
  return options.map((o) => by.get(o) ?? 0);
}

export const emptySection = (key: ReviewInputSection['key']): ReviewInputSection => ({
  key,
  facts: [],
  tables: [],
  charts: [],
  notBuilt: [],
});
