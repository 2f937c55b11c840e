import type { ChartSpec } from '../../../schema/common/chart-spec.js';
import { useT } from '../../i18n/i18n.js';
import { BarChart } from './bar-chart.js';
import { SPEC_CATEGORY_KEY, specChartData } from './chart-spec-rows.js';
import { LineChart } from './line-chart.js';

/**
 * A ChartSpec drawn with the chart kit: a line or bar chart in its figure, the spec's description read by screen
 * readers and the numbers in the table under it. Everything that holds charts as data (a management review's
 * inputs, a frozen version, the certification pack's pages) draws them through this one component.
 */
export function ChartSpecFigure({ title, chart, height }: { title: string; chart: ChartSpec; height?: number }) {
  const { t } = useT();
  const { rows, series, references } = specChartData(chart);
  const figure = {
    title,
    description: chart.description,
    rows,
    series,
    references,
    categoryKey: SPEC_CATEGORY_KEY,
    categoryLabel: t('charts.category'),
    tableLabel: t('charts.showNumbers'),
    empty: t('charts.empty'),
    ...(height ? { height } : {}),
  };
  return chart.kind === 'line' ? <LineChart {...figure} connectNulls={false} /> : <BarChart {...figure} />;
}
