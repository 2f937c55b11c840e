import { sql } from 'kysely';
import { ismsRequirement } from '../../schema/internal-audit/isms-requirements.js';
import type { NcTrends, NcTrendsQuery } from '../../schema/improvement/nonconformity-trends.schema.js';
import type { OrgContext } from '../context.js';
import { ValidationError } from '../errors.js';
import { todayIso } from '../util/ids.js';
import { monthsAgo } from './nonconformity-similar.service.js';

const MAX_MONTHS = 120;
const DAY = 86_400_000;
const month = sql<string>`substr(found_on, 1, 7)`;

/** `2026-03` by month, `2026-Q1` by quarter. */
export function periodOf(ym: string, by: NcTrendsQuery['by']): string {
  if (by === 'month') return ym;
  return `${ym.slice(0, 4)}-Q${Math.floor((Number(ym.slice(5, 7)) - 1) / 3) + 1}`;
}

/** Every period from `from` to `to`, in order, so empty months show as zero rather than as a gap. */
export function periodsBetween(from: string, to: string, by: NcTrendsQuery['by']): string[] {
  const out: string[] = [];
  const d = new Date(`${from.slice(0, 7)}-01T00:00:00Z`);
  while (d.toISOString().slice(0, 7) <= to.slice(0, 7)) {
    const p = periodOf(d.toISOString().slice(0, 7), by);
    if (out.at(-1) !== p) out.push(p);
    d.setUTCMonth(d.getUTCMonth() + 1);
  }
  return out;
}

const days = (a: string, b: string) => Math.round((Date.parse(b) - Date.parse(a)) / DAY);

/** Weighted median of (value, count) pairs. */
export function median(pairs: readonly { value: number; n: number }[]): number | null {
  const sorted = [...pairs].sort((a, b) => a.value - b.value);
  const total = sorted.reduce((s, p) => s + p.n, 0);
  if (!total) return null;
  const at = (k: number) => {
    let seen = 0;
    for (const p of sorted) {
      seen += p.n;
      if (seen > k) return p.value;
    }
    return sorted.at(-1)!.value;
  };
  return total % 2 ? at((total - 1) / 2) : (at(total / 2 - 1) + at(total / 2)) / 2;
}

/** Dates within 365 days before `date` (a repeat looks back twelve months). */
const within12Months = (earlier: string, date: string) => earlier < date && days(earlier, date) <= 365;

/**
 * Trends of nonconformities (10.2, 9.1): found and closed per period, by source, by clause, by control, days to
 * close, repeats. Every query is grouped (by month, source, requirement, control, date pair), so its size is bounded
 * by the range and the catalogs, not by the number of nonconformities.
 */
export async function nonconformityTrends(ctx: OrgContext, q: NcTrendsQuery): Promise<NcTrends> {
  const to = q.to ?? todayIso();
  const from = q.from ?? monthsAgo(12, to);
  if (from > to) throw new ValidationError([{ field: 'query.from', message: 'from is after to' }]);
  if (from < monthsAgo(MAX_MONTHS, to))
    throw new ValidationError([{ field: 'query.from', message: `At most ${MAX_MONTHS / 12} years at once` }]);
  const db = ctx.db;
  const current = db.selectFrom('nonconformities').where('orgId', '=', ctx.org.id).where('archivedAt', 'is', null);
  const found = current.where('foundOn', '>=', from).where('foundOn', '<=', to);

  const opened = await found
    .select([month.as('ym'), (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy(month)
    .execute();
  const closedMonth = sql<string>`substr(closed_on, 1, 7)`;
  const closed = await current
    .where('closedOn', '>=', from)
    .where('closedOn', '<=', to)
    .select([closedMonth.as('ym'), (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy(closedMonth)
    .execute();
  const periods = new Map(periodsBetween(from, to, q.by).map((p) => [p, { period: p, opened: 0, closed: 0 }]));
  for (const r of opened) periods.get(periodOf(r.ym, q.by))!.opened += Number(r.n);
  for (const r of closed) periods.get(periodOf(r.ym, q.by))!.closed += Number(r.n);

  const bySource = await found
    .select(['source', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy('source')
    .orderBy('source')
    .execute();

  const byKey = await found
    .where('requirementKey', 'is not', null)
    .select(['requirementKey', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy('requirementKey')
    .execute();
  const clauses = new Map<string, { clause: string; clause2013: string | null; count: number }>();
  for (const r of byKey) {
    const req = ismsRequirement(r.requirementKey ?? '');
    if (!req) continue;
    const c = clauses.get(req.clause) ?? { clause: req.clause, clause2013: req.clause2013, count: 0 };
    c.count += Number(r.n);
    clauses.set(req.clause, c);
  }

  const controlLinks = db
    .selectFrom('links')
    .innerJoin('nonconformities as nc', (j) =>
      j.onRef('nc.id', '=', 'links.fromId').onRef('nc.orgId', '=', 'links.orgId'),
    )
    .where('links.orgId', '=', ctx.org.id)
    .where('links.fromType', '=', 'nonconformity')
    .where('links.toType', '=', 'control')
    .where('nc.archivedAt', 'is', null);
  const byControl = await controlLinks
    .innerJoin('controls as c', (j) => j.onRef('c.id', '=', 'links.toId').onRef('c.orgId', '=', 'links.orgId'))
    .where('nc.foundOn', '>=', from)
    .where('nc.foundOn', '<=', to)
    .select(['c.id as controlId', 'c.ref', 'c.title', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy(['c.id', 'c.ref', 'c.title'])
    .orderBy('n', 'desc')
    .orderBy('c.ref')
    .limit(50)
    .execute();

  const closePairs = await current
    .where('closedOn', '>=', from)
    .where('closedOn', '<=', to)
    .where('foundOn', 'is not', null)
    .select(['foundOn', 'closedOn', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy(['foundOn', 'closedOn'])
    .execute();
  const spans = closePairs.map((p) => ({ value: days(p.foundOn!, p.closedOn!), n: Number(p.n) }));
  const closedCount = spans.reduce((s, p) => s + p.n, 0);

  // repeats: grouped by (requirement, date) and (control, date) from twelve months before the range
  const lookBack = monthsAgo(12, from);
  const keyDates = await current
    .where('requirementKey', 'is not', null)
    .where('foundOn', '>=', lookBack)
    .where('foundOn', '<=', to)
    .select(['requirementKey as key', 'foundOn', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy(['requirementKey', 'foundOn'])
    .execute();
  const controlDates = await controlLinks
    .where('nc.foundOn', '>=', lookBack)
    .where('nc.foundOn', '<=', to)
    .select(['links.toId as key', 'nc.foundOn', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy(['links.toId', 'nc.foundOn'])
    .execute();

  return {
    from,
    to,
    by: q.by,
    periods: [...periods.values()],
    bySource: bySource.map((r) => ({ source: r.source, count: Number(r.n) })),
    byClause: [...clauses.values()].sort((a, b) => a.clause.localeCompare(b.clause, 'en', { numeric: true })),
    byControl: byControl.map((r) => ({ controlId: r.controlId, ref: r.ref, title: r.title, count: Number(r.n) })),
    daysToClose: {
      closed: closedCount,
      mean: closedCount ? Math.round((spans.reduce((s, p) => s + p.value * p.n, 0) / closedCount) * 10) / 10 : null,
      median: median(spans),
    },
    repeats: { byRequirement: repeats(keyDates, from), byControl: repeats(controlDates, from) },
  };
}

/**
 * Nonconformities found from `from` on that have another of the same key (requirement or control) found in the
 * twelve months before them, or on the same day (two found together: the second is a repeat).
 */
export function repeats(
  rows: readonly { key: string | null; foundOn: string | null; n: number | string }[],
  from: string,
) {
  const byKey = new Map<string, { date: string; n: number }[]>();
  for (const r of rows) {
    if (!r.key || !r.foundOn) continue;
    byKey.set(r.key, [...(byKey.get(r.key) ?? []), { date: r.foundOn, n: Number(r.n) }]);
  }
  let total = 0;
  for (const dates of byKey.values()) {
    for (const d of dates) {
      if (d.date < from) continue;
      const earlier = dates.some((e) => within12Months(e.date, d.date));
      total += earlier ? d.n : d.n - 1;
    }
  }
  return total;
}
