import type { ChartSpec } from '../../../schema/common/chart-spec.js';
import type { ChartReference, ChartRow, ChartSeries } from './chart-types.js';

/** The category column of a ChartSpec's rows (a key no series uses: series are `s0`, `s1`…). */
export const SPEC_CATEGORY_KEY = 'category';

// A target reads as a long dash, a threshold as dots: the style tells them apart without colour.
const REFERENCE_DASH = { target: '8 4', threshold: '2 3' } as const;
const REFERENCE_COLOR = { target: '#0f766e', threshold: '#8a5300' } as const;

export interface SpecChartData {
  rows: ChartRow[];
  series: ChartSeries[];
  references: ChartReference[];
}

/**
 * A ChartSpec (data, as core builds it and an approved version freezes it) as the chart kit's rows, series and
 * reference lines: one row per category, one column per series (`s0`…; a value the spec lacks is null, a break),
 * the unit said in each series' label, so the figure's table names it too.
 */
export function specChartData(spec: ChartSpec): SpecChartData {
  const unit = spec.unit ? ` (${spec.unit})` : '';
  const series = spec.series.map((s, i) => ({ key: `s${i}`, label: `${s.name}${unit}` }));
  const rows = spec.categories.map((category, c) => {
    const row: ChartRow = { [SPEC_CATEGORY_KEY]: category };
    spec.series.forEach((s, i) => {
      row[`s${i}`] = s.values[c] ?? null;
    });
    return row;
  });
  const references = spec.references.map((r) => ({
    value: r.value,
    label: r.label,
    dash: REFERENCE_DASH[r.style],
    color: REFERENCE_COLOR[r.style],
  }));
  return { rows, series, references };
}
