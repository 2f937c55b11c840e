import { describe, expect, it } from 'vitest';
import { fieldValueSchema } from './fields.js';

describe('number fields', () => {
  const percent = fieldValueSchema({ kind: 'number', label: 'x', min: 0, max: 100 });
  it('accept decimals within their bounds', () => {
    expect(percent.parse(99.5)).toBe(99.5);
    expect(percent.parse(0)).toBe(0);
  });
  it('refuse values out of bounds, not finite, or finer than a double keeps', () => {
    expect(percent.safeParse(100.01).success).toBe(false);
    expect(percent.safeParse(-1).success).toBe(false);
    expect(percent.safeParse(Number.NaN).success).toBe(false);
    expect(percent.safeParse('5').success).toBe(false);
    expect(fieldValueSchema({ kind: 'number', label: 'x' }).safeParse(0.1 + 0.2).success).toBe(false);
    expect(fieldValueSchema({ kind: 'number', label: 'x' }).safeParse(Infinity).success).toBe(false);
  });
  it('keep integers whole', () => {
    expect(fieldValueSchema({ kind: 'integer', label: 'x' }).safeParse(1.5).success).toBe(false);
  });
});
