import { describe, expect, it } from 'vitest';
import { formShowsField, targetText } from './objective-text.js';

const fmt = (n: number) => String(n);

describe('targetText', () => {
  it('reads the direction as a sign, then the value and unit', () => {
    expect(targetText({ targetValue: 95, targetUnit: '%', targetDirection: 'at_least' }, fmt)).toBe('≥ 95 %');
    expect(targetText({ targetValue: 5, targetUnit: 'days', targetDirection: 'at_most' }, fmt)).toBe('≤ 5 days');
    expect(targetText({ targetValue: 4, targetUnit: null, targetDirection: 'reach' }, fmt)).toBe('→ 4');
  });
  it('is null without a target value, and bare without a direction', () => {
    expect(targetText({ targetValue: null, targetUnit: '%', targetDirection: 'at_least' }, fmt)).toBeNull();
    expect(targetText({ targetValue: 0, targetUnit: ' ', targetDirection: null }, fmt)).toBe('0');
  });
});

describe('formShowsField', () => {
  it('shows the target for measured modes and the judgement for not practicable', () => {
    expect(formShowsField('targetValue', { measurementMode: 'manual' })).toBe(true);
    expect(formShowsField('targetValue', { measurementMode: 'not_practicable' })).toBe(false);
    expect(formShowsField('judgementMethod', { measurementMode: 'not_practicable' })).toBe(true);
    expect(formShowsField('notMeasurableReason', { measurementMode: 'measures' })).toBe(false);
  });
  it('shows the process picker only at process level and the function name only at function level', () => {
    expect(formShowsField('processId', { level: 'process' })).toBe(true);
    expect(formShowsField('processId', { level: 'organization' })).toBe(false);
    expect(formShowsField('functionName', { level: 'function' })).toBe(true);
    expect(formShowsField('title', {})).toBe(true);
  });
});
