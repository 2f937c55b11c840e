import { CLOSED_ACTION_STATUSES } from '../../../schema/actions/action.register.js';
import type { ChartSpec } from '../../../schema/common/chart-spec.js';
import { translate as t } from '../../../schema/i18n/translate.js';
import { nonconformityTrends } from '../../improvement/nonconformity-trends.service.js';
import { count, monthsBefore, sinceLabel, type InputWindow } from './input-window.js';

const CLOSED = [...CLOSED_ACTION_STATUSES];

/**
 * Nonconformities and corrective actions (9.3.2 d 1): the figures as of the review date and the trend of the last
 * twelve months (raised and closed per month, from the nonconformity trends service). Every figure is a count in SQL.
 */
export async function nonconformityPerformance(
  w: InputWindow,
): Promise<{ facts: [string, string][]; chart: { title: string; chart: ChartSpec } }> {
  const nc = w.db.selectFrom('nonconformities').where('orgId', '=', w.orgId).where('archivedAt', 'is', null);
  const n = (q: typeof nc) => q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  // open on the review date: not closed by then, and found by then (an undated one counts: it was recorded before
  // the compilation)
  const open = nc
    .where((eb) => eb.or([eb('status', '!=', 'closed'), eb('closedOn', '>', w.asOf)]))
    .where((eb) => eb.or([eb('foundOn', 'is', null), eb('foundOn', '<=', w.asOf)]));
  const [openN, overdueN, raisedN, closedN] = await Promise.all([
    n(open),
    n(open.where('dueDate', '<', w.asOf)),
    n(nc.where('foundOn', '>', w.since ?? '').where('foundOn', '<=', w.asOf)),
    n(nc.where('closedOn', '>', w.since ?? '').where('closedOn', '<=', w.asOf)),
  ]);

  const actions = w.db
    .selectFrom('actions')
    .where('orgId', '=', w.orgId)
    .where('archivedAt', 'is', null)
    .where('sourceType', '=', 'nonconformity');
  const byStatus = await actions
    .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy('status')
    .execute();
  const overdueActions = await actions
    .where('status', 'not in', CLOSED)
    .where('dueDate', '<', w.asOf)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  const doneSince = await actions
    .where('status', '=', 'done')
    .where('completedAt', '>=', w.lo)
    .where('completedAt', '<', w.hi)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  const statusN = (pred: (s: string) => boolean) =>
    byStatus.filter((r) => pred(r.status)).reduce((s, r) => s + Number(r.n), 0);

  const since = sinceLabel(w);
  const facts: [string, string][] = [
    [t('review-inputs.d.ncOpen'), count(openN.n)],
    [t('review-inputs.d.ncOverdue'), count(overdueN.n)],
    [t('review-inputs.d.ncRaised', { since }), count(raisedN.n)],
    [t('review-inputs.d.ncClosed', { since }), count(closedN.n)],
    [t('review-inputs.d.caOpen'), count(statusN((s) => !CLOSED.includes(s as (typeof CLOSED)[number])))],
    [t('review-inputs.d.caOverdue'), count(overdueActions.n)],
    [t('review-inputs.d.caDone', { since }), count(doneSince.n)],
  ];

  // the twelve calendar months ending with the review's month
  const from = `${monthsBefore(w.asOf, 11).slice(0, 7)}-01`;
  const trends = await nonconformityTrends({ ...w.ctx, db: w.db }, { from, to: w.asOf, by: 'month' });
  const chart: ChartSpec = {
    kind: 'bar',
    unit: null,
    categories: trends.periods.map((p) => p.period),
    series: [
      { name: t('review-inputs.d.ncRaisedSeries'), values: trends.periods.map((p) => p.opened) },
      { name: t('review-inputs.d.ncClosedSeries'), values: trends.periods.map((p) => p.closed) },
    ],
    references: [],
    description: t('review-inputs.d.ncChartDescription', {
      from: trends.periods[0]?.period ?? from,
      to: trends.periods.at(-1)?.period ?? w.asOf,
    }),
  };
  return { facts, chart: { title: t('review-inputs.d.ncChart'), chart } };
}
