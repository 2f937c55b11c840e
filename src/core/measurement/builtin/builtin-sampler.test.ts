import { describe, expect, it } from 'vitest';
import { duePeriods } from './builtin-sampler.js';

/** Which periods of a built-in measure still need a result: pure, from the last stored period and the clock. */
describe('duePeriods', () => {
  it('a new measure is due for the period it was created in', () => {
    expect(duePeriods('monthly', null, '2026-12-07', '2026-12-07')).toEqual(['2026-12']);
    expect(duePeriods('weekly', null, '2026-12-07', '2026-12-09')).toEqual(['2026-W50']);
  });

  it('nothing is due once the current period has its result', () => {
    expect(duePeriods('monthly', '2026-12', '2026-01-10', '2026-12-31')).toEqual([]);
    expect(duePeriods('quarterly', '2026-Q4', '2026-01-10', '2026-11-02')).toEqual([]);
  });

  it('after a gap, every missed period up to the current one', () => {
    expect(duePeriods('monthly', '2026-09', '2026-01-10', '2026-12-07')).toEqual(['2026-10', '2026-11', '2026-12']);
    expect(duePeriods('quarterly', '2025-Q4', '2025-10-01', '2026-07-01')).toEqual(['2026-Q1', '2026-Q2', '2026-Q3']);
  });

  it('a measure whose frequency changed continues after the last stored period, whatever its frequency', () => {
    // monthly until November, quarterly since: the fourth quarter still needs its result
    expect(duePeriods('quarterly', '2026-11', '2026-01-10', '2026-12-07')).toEqual(['2026-Q4']);
    expect(duePeriods('monthly', '2026-Q3', '2026-01-10', '2026-11-15')).toEqual(['2026-10', '2026-11']);
  });

  it('fills at most the newest periods of a long gap', () => {
    const due = duePeriods('weekly', null, '2020-01-01', '2026-12-07', 60);
    expect(due).toHaveLength(60);
    expect(due.at(-1)).toBe('2026-W50');
  });

  it('a clock behind the creation date (tests, skew) asks for the current period only', () => {
    expect(duePeriods('monthly', null, '2026-12-07', '2026-11-30')).toEqual(['2026-11']);
  });
});
