/** One row of a chart's data: its category (a month, a source, a clause) and a number per series. */
export type ChartRow = Record<string, string | number | null>;

/** One series of a chart: the row key it reads, its label (legend, table header) and its drawing. */
export interface ChartSeries {
  key: string;
  label: string;
  /** its colour; text (legend, table) always names it too, so colour is never the only signal */
  color?: string;
  /** shown in the numbers' table only, not drawn (e.g. a status in words beside each value) */
  tableOnly?: boolean;
}

/** A horizontal line across a chart at a value (a target, a threshold), named in its legend and description. */
/** A line across the plot: a level on the value axis (a target, a threshold) or a category (a deadline). */
export interface ChartReference {
  /** default `value` */
  axis?: 'value' | 'category';
  value: number | string;
  /** drawn beside the line; the figure's description or table says the same in words */
  label: string;
  color?: string;
  /** its dash pattern, so that it reads without colour */
  dash?: string;
}

/** Colours that keep a 3:1 contrast on white and stay apart for the common colour-vision deficiencies. */
export const CHART_COLORS = ['#1d4e89', '#c2410c', '#0f766e', '#6d28d9', '#8a5300'] as const;

export const seriesColor = (series: ChartSeries, index: number) =>
  series.color ?? CHART_COLORS[index % CHART_COLORS.length] ?? '#1d4e89';

/**
 * What every chart takes: a title (its figure caption), a sentence saying what it shows (read by screen readers),
 * the rows, the key and header of the category, and the series.
 */
export interface ChartProps {
  title: string;
  description?: string | undefined;
  rows: ChartRow[];
  categoryKey: string;
  categoryLabel: string;
  series: ChartSeries[];
  /** the label of the "show the numbers" switch (the accessible table fallback) */
  tableLabel: string;
  /** what is shown when there are no rows */
  empty: string;
  height?: number;
}
