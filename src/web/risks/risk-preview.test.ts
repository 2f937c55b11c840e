import { describe, expect, it } from 'vitest';
import type { Methodology } from '../../schema/risks/methodology.schema.js';
import { STARTING_METHODOLOGIES } from '../../schema/risks/starting-methodologies.js';
import { levelOf, scaleLabel, textOn } from './risk-level.js';
import { previewEvaluation } from './risk-preview.js';

const starting = (key: string): Methodology =>
  structuredClone(STARTING_METHODOLOGIES.find((m) => m.key === key)!.methodology);

describe('the evaluation previewed in the risk form', () => {
  const small = starting('three-by-three');
  const five = starting('five-by-five');

  it('waits for both scales', () => {
    expect(previewEvaluation(small, { likelihood: '3', consequence: '' })).toBeNull();
    expect(previewEvaluation(small, { likelihood: '', consequence: '2' })).toBeNull();
  });

  it('reads the level numbers (1-based) on the matrix: High × Medium on the 3 × 3 is high, to be treated', () => {
    expect(previewEvaluation(small, { likelihood: '3', consequence: '2' })).toMatchObject({
      level: 'high',
      score: 6,
      acceptable: false,
      consequenceIndex: 1,
    });
    expect(previewEvaluation(small, { likelihood: '1', consequence: '1' })).toMatchObject({
      level: 'low',
      acceptable: true,
    });
  });

  it('combines C, I and A by the methodology’s rule when it assesses them separately', () => {
    expect(five.consequencePerCia).toBe(true);
    const e = previewEvaluation(five, { likelihood: '3', consequenceC: '4', consequenceI: '', consequenceA: '2' });
    expect(e).toMatchObject({ consequenceIndex: 3, level: 'high' });
    // a single consequence recorded earlier still evaluates until C/I/A are given
    expect(previewEvaluation(five, { likelihood: '3', consequence: '2' })).toMatchObject({ consequenceIndex: 1 });
  });

  it('takes the highest of C/I/A when the methodology assesses one consequence and only C/I/A were recorded', () => {
    expect(previewEvaluation(small, { likelihood: '2', consequenceC: '1', consequenceA: '3' })).toMatchObject({
      consequenceIndex: 2,
      level: 'high',
    });
  });

  it('shows nothing for levels outside the scales (the server refuses them)', () => {
    expect(previewEvaluation(small, { likelihood: '4', consequence: '1' })).toBeNull();
  });
});

describe('level presentation', () => {
  const m = starting('five-by-five');

  it('names a level by its label and acceptability, and shows a key the methodology no longer has as it is', () => {
    expect(levelOf(m, 'low')).toEqual({ key: 'low', label: 'Low', colour: '#2E7D32', acceptable: true });
    expect(levelOf(m, 'very_high')).toEqual({ key: 'very_high', label: 'very high', colour: null, acceptable: null });
    expect(levelOf(m, null)).toBeNull();
  });

  it('labels level numbers with the scale, or the number when the scale does not have it', () => {
    expect(scaleLabel(m, 'likelihood', 5)).toBe('Almost certain');
    expect(scaleLabel(m, 'consequence', 1)).toBe('Negligible');
    expect(scaleLabel(m, 'consequence', 7)).toBe('7');
    expect(scaleLabel(undefined, 'likelihood', 2)).toBe('2');
  });

  it('writes dark text on light colours and white on dark ones', () => {
    expect(textOn('#F9A825')).toBe('#111827');
    expect(textOn('#C62828')).toBe('#ffffff');
    expect(textOn('#2E7D32')).toBe('#ffffff');
    expect(textOn('not a colour')).toBe('#111827');
  });
});
