import type { MeasureRecord } from '../../schema/measurement/measure.register.js';
import type { MeasureResult } from '../../schema/measurement/measure-results.schema.js';
import type { Rag } from '../../schema/measurement/measure-target.js';
import { useT } from '../i18n/i18n.js';
import { LineChart, type ChartReference, type ChartRow } from '../ui/charts/index.js';
import { RAG_COLOR, RAG_SYMBOL } from './rag.js';

/** One period of a trend: its key, its value (none when a formula could not compute) and its status. */
export type TrendPoint = Pick<MeasureResult, 'periodKey' | 'value' | 'rag'>;

/** The periods oldest first as chart rows: the value, and the status in words (with its symbol) for the table. */
export function trendRows(points: readonly TrendPoint[], ragWord: (rag: Rag) => string): ChartRow[] {
  return points
    .toSorted((a, b) => a.periodKey.localeCompare(b.periodKey))
    .map((r) => ({
      period: r.periodKey,
      value: r.value,
      status: r.rag ? `${RAG_SYMBOL[r.rag]} ${ragWord(r.rag)}` : '–',
    }));
}

/**
 * The trend of a measure (9.1 d, analysis): its value per period against the target line and the amber threshold,
 * with the numbers and each period's status in words in the table under the chart.
 */
export function MeasureTrend({
  measure,
  points,
  title,
  compact = false,
}: {
  measure: Pick<MeasureRecord, 'targetValue' | 'amberThreshold' | 'unit'>;
  points: readonly TrendPoint[];
  title?: string;
  compact?: boolean;
}) {
  const { t } = useT();
  const unit = measure.unit ? ` (${measure.unit})` : '';
  const references: ChartReference[] = [];
  if (measure.targetValue !== null)
    references.push({
      value: measure.targetValue,
      label: t('measurement.trend.target'),
      color: RAG_COLOR.green,
      dash: '6 3',
    });
  if (measure.amberThreshold !== null)
    references.push({
      value: measure.amberThreshold,
      label: t('measurement.trend.amber'),
      color: RAG_COLOR.amber,
      dash: '2 3',
    });
  return (
    <LineChart
      title={title ?? t('measurement.trend.title')}
      description={t('measurement.trend.description', {
        target: measure.targetValue === null ? '–' : String(measure.targetValue),
        amber: measure.amberThreshold === null ? '–' : String(measure.amberThreshold),
      })}
      rows={trendRows(points, (rag) => t(`measures.latestRag.${rag}`))}
      categoryKey="period"
      categoryLabel={t('measurement.trend.period')}
      series={[
        { key: 'value', label: `${t('measurement.trend.value')}${unit}` },
        { key: 'status', label: t('measurement.trend.status'), tableOnly: true },
      ]}
      references={references}
      decimals
      height={compact ? 140 : 280}
      tableLabel={t('measurement.trend.table')}
      empty={t('measurement.trend.empty')}
    />
  );
}
