import type { ObjectiveSeries } from '../../schema/objectives/objective-progress.schema.js';
import type { I18n } from '../i18n/i18n.js';
import type { ChartRow } from '../ui/charts/chart-types.js';
import { targetText } from './objective-text.js';

/**
 * The chart's rows: the values by date, reaching on to the deadline when it lies beyond the last value. No value:
 * no rows, so the chart says there is nothing to draw yet.
 */
export function seriesRows(series: ObjectiveSeries): ChartRow[] {
  if (series.points.length === 0) return [];
  const rows: ChartRow[] = series.points.map((p) => ({ date: p.date, value: p.value }));
  const last = series.points.at(-1)?.date;
  if (series.deadline && last && series.deadline > last) rows.push({ date: series.deadline, value: null });
  return rows;
}

/** Why the status is what it is, in a sentence built from the series (the server's rule, 6.2 b and i). */
export function statusWhy(i18n: Pick<I18n, 't' | 'formatNumber' | 'formatDate'>, series: ObjectiveSeries): string {
  const { t, formatNumber, formatDate } = i18n;
  const latest = series.points.at(-1);
  const target =
    targetText(
      { targetValue: series.target, targetUnit: series.targetUnit, targetDirection: series.targetDirection },
      formatNumber,
    ) ?? t('common.empty');
  const deadline = series.deadline ? formatDate(series.deadline) : t('objectives.why.noDeadline');
  if (!latest) {
    if (series.status === 'missed') return t('objectives.why.missedNoValue', { target, deadline });
    if (series.status === 'at_risk') return t('objectives.why.atRiskNoValue');
    return t('objectives.why.none');
  }
  const value = formatNumber(latest.value);
  const date = formatDate(latest.date);
  switch (series.status) {
    case 'achieved':
      return t('objectives.why.achieved', { value, date, target });
    case 'missed':
      return t('objectives.why.missed', { value, target, deadline });
    case 'at_risk':
      return t('objectives.why.atRisk', { value, date, target, deadline });
    case 'on_track':
      return t('objectives.why.onTrack', { value, date, target, deadline });
    default:
      return t('objectives.why.none');
  }
}
