import { describe, expect, it } from 'vitest';
import { chartSpecSchema } from '../../../schema/common/chart-spec.js';
import { SPEC_CATEGORY_KEY, specChartData } from './chart-spec-rows.js';

const spec = chartSpecSchema.parse({
  kind: 'bar',
  unit: 'count',
  categories: ['2026-01', '2026-02', '2026-03'],
  series: [
    { name: 'Raised', values: [3, 0, 2] },
    { name: 'Closed', values: [1, null] },
  ],
  references: [
    { label: 'Target', value: 2, style: 'target' },
    { label: 'Alert', value: 4, style: 'threshold' },
  ],
  description: 'Nonconformities raised and closed per month',
});

describe('specChartData', () => {
  it('gives one row per category with one column per series; a missing value is null, never 0', () => {
    const { rows, series } = specChartData(spec);
    expect(series).toEqual([
      { key: 's0', label: 'Raised (count)' },
      { key: 's1', label: 'Closed (count)' },
    ]);
    expect(rows).toEqual([
      { [SPEC_CATEGORY_KEY]: '2026-01', s0: 3, s1: 1 },
      { [SPEC_CATEGORY_KEY]: '2026-02', s0: 0, s1: null },
      { [SPEC_CATEGORY_KEY]: '2026-03', s0: 2, s1: null },
    ]);
  });

  it('draws targets and thresholds with different dashes, each labelled', () => {
    const { references } = specChartData(spec);
    expect(references.map((r) => [r.label, r.value])).toEqual([
      ['Target', 2],
      ['Alert', 4],
    ]);
    expect(references[0]?.dash).not.toBe(references[1]?.dash);
  });

  it('leaves the unit out of the labels when the spec has none', () => {
    expect(specChartData({ ...spec, unit: null }).series[0]?.label).toBe('Raised');
  });
});
