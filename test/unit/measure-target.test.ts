import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  FREQUENCIES,
  amberThresholdProblem,
  isPeriodKey,
  periodBounds,
  periodKey,
  periodsBetween,
  previousPeriods,
  ragStatus,
  shiftPeriod,
} from '../../src/schema/measurement/measure-target.js';

const isoDates = fc
  .date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2090-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

describe('periodKey', () => {
  it('names the period a date falls in', () => {
    expect(periodKey('weekly', '2026-12-07')).toBe('2026-W50');
    expect(periodKey('monthly', '2026-12-07')).toBe('2026-12');
    expect(periodKey('quarterly', '2026-12-07')).toBe('2026-Q4');
    expect(periodKey('half_yearly', '2026-06-30')).toBe('2026-H1');
    expect(periodKey('half_yearly', '2026-07-01')).toBe('2026-H2');
    expect(periodKey('yearly', '2026-12-07')).toBe('2026');
  });
  it('uses ISO weeks: the first days of January may belong to the last week of the year before', () => {
    expect(periodKey('weekly', '2021-01-03')).toBe('2020-W53');
    expect(periodKey('weekly', '2024-12-30')).toBe('2025-W01');
    expect(periodBounds('weekly', '2020-W53')).toEqual({ from: '2020-12-28', to: '2021-01-03' });
  });
  it('refuses what is not a calendar date', () => {
    expect(() => periodKey('monthly', '2026-02-30')).toThrow(RangeError);
    expect(() => periodKey('monthly', 'yesterday')).toThrow(RangeError);
  });
  it('round-trips: a date lies within the bounds of its period, and the bounds belong to the same period', () => {
    fc.assert(
      fc.property(fc.constantFrom(...FREQUENCIES), isoDates, (frequency, date) => {
        const key = periodKey(frequency, date);
        expect(isPeriodKey(frequency, key)).toBe(true);
        const { from, to } = periodBounds(frequency, key);
        expect(from <= date && date <= to).toBe(true);
        expect(periodKey(frequency, from)).toBe(key);
        expect(periodKey(frequency, to)).toBe(key);
      }),
    );
  });
  it('leaves no gap between periods: the day after a period ends starts the next one', () => {
    fc.assert(
      fc.property(fc.constantFrom(...FREQUENCIES), isoDates, (frequency, date) => {
        const key = periodKey(frequency, date);
        const next = shiftPeriod(frequency, key, 1);
        const dayAfter = new Date(Date.parse(periodBounds(frequency, key).to) + 86_400_000).toISOString().slice(0, 10);
        expect(periodBounds(frequency, next).from).toBe(dayAfter);
        expect(shiftPeriod(frequency, next, -1)).toBe(key);
      }),
    );
  });
});

describe('period keys', () => {
  it('are checked against their frequency', () => {
    expect(isPeriodKey('weekly', '2020-W53')).toBe(true);
    expect(isPeriodKey('weekly', '2021-W53')).toBe(false);
    expect(isPeriodKey('monthly', '2026-13')).toBe(false);
    expect(isPeriodKey('monthly', '2026-Q1')).toBe(false);
    expect(isPeriodKey('quarterly', '2026-Q5')).toBe(false);
    expect(() => periodBounds('monthly', '2026-00')).toThrow(RangeError);
  });
  it('list the periods before one, oldest first, across years', () => {
    expect(previousPeriods('monthly', '2026-02', 3)).toEqual(['2025-11', '2025-12', '2026-01']);
    expect(previousPeriods('quarterly', '2026-Q1', 2)).toEqual(['2025-Q3', '2025-Q4']);
    expect(previousPeriods('yearly', '2026', 0)).toEqual([]);
  });
  it('list the periods between two, both included, bounded', () => {
    expect(periodsBetween('half_yearly', '2025-H2', '2026-H2')).toEqual(['2025-H2', '2026-H1', '2026-H2']);
    expect(periodsBetween('monthly', '2026-05', '2026-04')).toEqual([]);
    expect(periodsBetween('weekly', '2000-W01', '2026-W50', 5)).toHaveLength(5);
  });
});

describe('ragStatus', () => {
  it('reads at_least targets: green at or above, amber down to the threshold, red below', () => {
    const t = { direction: 'at_least', target: 95, amberThreshold: 90 } as const;
    expect([ragStatus(95, t), ragStatus(92, t), ragStatus(90, t), ragStatus(89.9, t)]).toEqual([
      'green',
      'amber',
      'amber',
      'red',
    ]);
  });
  it('reads at_most targets the other way', () => {
    const t = { direction: 'at_most', target: 5, amberThreshold: 8 } as const;
    expect([ragStatus(5, t), ragStatus(7, t), ragStatus(8.5, t)]).toEqual(['green', 'amber', 'red']);
  });
  it('reads reach targets as met at or above the level, and is red short of it without a threshold', () => {
    const t = { direction: 'reach', target: 4, amberThreshold: null } as const;
    expect([ragStatus(4, t), ragStatus(5, t), ragStatus(3, t)]).toEqual(['green', 'green', 'red']);
  });
  it('refuses an amber threshold on the wrong side of the target', () => {
    expect(amberThresholdProblem({ direction: 'at_least', target: 95, amberThreshold: 99 })).toMatch(/below/);
    expect(amberThresholdProblem({ direction: 'at_most', target: 5, amberThreshold: 3 })).toMatch(/above/);
    expect(amberThresholdProblem({ direction: 'at_most', target: 5, amberThreshold: 8 })).toBeNull();
  });
});
