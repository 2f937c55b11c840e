import { describe, expect, it } from 'vitest';
import { niceScale } from './chart-layout.js';

describe('niceScale (the value axis)', () => {
  it('takes steps of 1, 2, 2.5 or 5 times a power of ten and widens the range to whole steps', () => {
    expect(niceScale(4.1, 11.8)).toEqual({ lo: 4, hi: 12, step: 2 });
    expect(niceScale(0, 100)).toEqual({ lo: 0, hi: 100, step: 25 });
    expect(niceScale(80, 100)).toEqual({ lo: 80, hi: 100, step: 5 });
    expect(niceScale(0.12, 0.31)).toEqual({ lo: 0.1, hi: 0.35, step: 0.05 });
    expect(niceScale(-3, 2)).toEqual({ lo: -4, hi: 2, step: 2 });
  });

  it('gives whole values whole steps (counts are not drawn in halves)', () => {
    expect(niceScale(0, 2, true)).toEqual({ lo: 0, hi: 2, step: 1 });
    expect(niceScale(0, 9, true).step).toBe(5);
    expect(niceScale(0, 2)).toEqual({ lo: 0, hi: 2, step: 0.5 });
  });

  it('gives a flat series a step either side, and zero a range too', () => {
    const flat = niceScale(5, 5);
    expect(flat.lo).toBeLessThan(5);
    expect(flat.hi).toBeGreaterThan(5);
    const zero = niceScale(0, 0);
    expect(zero.lo).toBeLessThan(0);
    expect(zero.hi).toBeGreaterThan(0);
  });

  it('always covers the values, with between two and eight steps', () => {
    for (const [min, max] of [
      [0, 1],
      [3, 7],
      [-250, 13],
      [0.001, 0.0042],
      [99.5, 100],
      [1e6, 3.7e6],
    ] as const) {
      const { lo, hi, step } = niceScale(min, max);
      expect(lo).toBeLessThanOrEqual(min);
      expect(hi).toBeGreaterThanOrEqual(max);
      const steps = Math.round((hi - lo) / step);
      expect(steps).toBeGreaterThanOrEqual(2);
      expect(steps).toBeLessThanOrEqual(8);
    }
  });
});
