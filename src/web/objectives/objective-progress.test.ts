import { describe, expect, it } from 'vitest';
import type { ObjectiveSeries } from '../../schema/objectives/objective-progress.schema.js';
import { createI18n } from '../i18n/i18n.js';
import { seriesRows, statusWhy } from './objective-progress.js';

const base: ObjectiveSeries = {
  points: [],
  target: 95,
  targetUnit: '%',
  targetDirection: 'at_least',
  baseline: 60,
  startDate: '2026-01-01',
  deadline: '2027-06-30',
  status: 'not_measured',
};
const i18n = createI18n('en-GB');
const point = (date: string, value: number, status: ObjectiveSeries['status']): ObjectiveSeries['points'][number] => ({
  date,
  value,
  source: 'manual',
  status,
});

describe('seriesRows', () => {
  it('reaches on to the deadline with an empty value when it lies beyond the last point', () => {
    const rows = seriesRows({ ...base, points: [point('2026-06-01', 70, 'on_track')] });
    expect(rows).toEqual([
      { date: '2026-06-01', value: 70 },
      { date: '2027-06-30', value: null },
    ]);
  });
  it('adds no row when the last value is at or past the deadline, or there is none', () => {
    expect(seriesRows({ ...base, deadline: '2026-06-01', points: [point('2026-06-01', 70, 'missed')] })).toHaveLength(
      1,
    );
    expect(seriesRows({ ...base, deadline: null })).toEqual([]);
    expect(seriesRows(base)).toEqual([]);
  });
});

describe('statusWhy', () => {
  it('names the latest value and the target in signs', () => {
    const text = statusWhy(i18n, { ...base, status: 'achieved', points: [point('2026-11-01', 96, 'achieved')] });
    expect(text).toContain('96');
    expect(text).toContain('meets the target ≥ 95 %');
  });
  it('says why an objective is at risk with or without a value', () => {
    const atRisk = statusWhy(i18n, { ...base, status: 'at_risk', points: [point('2026-11-01', 62, 'at_risk')] });
    expect(atRisk).toContain('does not meet the target ≥ 95 %, and at this pace it will not');
    expect(statusWhy(i18n, { ...base, status: 'at_risk' })).toBe(i18n.t('objectives.why.atRiskNoValue'));
    expect(statusWhy(i18n, { ...base, status: 'not_measured' })).toBe(i18n.t('objectives.why.none'));
  });
});
