import { describe, expect, it } from 'vitest';
import { STARTING_METHODOLOGIES } from '../../schema/risks/starting-methodologies.js';
import { carryLevel, evaluateRisk, isAnalysed, outOfScale, type RiskAnalysis } from './risk-evaluation.js';

const fiveByFive = STARTING_METHODOLOGIES[0]!.methodology;
const threeByThree = STARTING_METHODOLOGIES[1]!.methodology;
const none: RiskAnalysis = {
  likelihood: null,
  consequence: null,
  consequenceC: null,
  consequenceI: null,
  consequenceA: null,
  priorityOverride: null,
};

describe('risk evaluation', () => {
  it('needs a likelihood and a consequence (single or per C/I/A)', () => {
    expect(isAnalysed(none)).toBe(false);
    expect(isAnalysed({ ...none, likelihood: 2 })).toBe(false);
    expect(isAnalysed({ ...none, likelihood: 2, consequenceA: 3 })).toBe(true);
    expect(evaluateRisk(threeByThree, 1, { ...none, likelihood: 2 })).toMatchObject({ level: null, priority: null });
  });

  it('combines C/I/A by the highest on the 5 × 5 (27003: the phone risk)', () => {
    const e = evaluateRisk(fiveByFive, 3, { ...none, likelihood: 4, consequenceC: 4, consequenceA: 2 });
    expect(e).toEqual({
      consequenceLevel: 4,
      score: 16,
      level: 'high',
      levelRank: 2,
      acceptable: 0,
      priority: 2,
      methodologyVersion: 3,
    });
  });

  it('uses the single consequence on a methodology without C/I/A, else the highest of C/I/A', () => {
    expect(evaluateRisk(threeByThree, 1, { ...none, likelihood: 3, consequence: 3 })).toMatchObject({
      level: 'high',
      priority: 1,
    });
    expect(evaluateRisk(threeByThree, 1, { ...none, likelihood: 1, consequenceC: 1, consequenceI: 3 })).toMatchObject({
      consequenceLevel: 3,
      level: 'medium',
    });
    // and a 5 × 5 with C/I/A falls back to the single consequence when no C/I/A is given
    expect(evaluateRisk(fiveByFive, 1, { ...none, likelihood: 5, consequence: 5 })).toMatchObject({
      level: 'critical',
      acceptable: 0,
      priority: 1,
    });
  });

  it('lets the owner set the priority', () => {
    expect(
      evaluateRisk(threeByThree, 1, { ...none, likelihood: 1, consequence: 1, priorityOverride: 1 }),
    ).toMatchObject({ level: 'low', acceptable: 1, priority: 1 });
  });

  it('names a level outside the scale', () => {
    expect(outOfScale(threeByThree, { ...none, likelihood: 3, consequenceA: 4 })).toEqual({
      field: 'consequenceA',
      max: 3,
    });
    expect(outOfScale(threeByThree, { ...none, likelihood: 3, consequence: 3 })).toBeNull();
  });

  it('carries level numbers to a scale of another size by relative position', () => {
    expect([1, 2, 3, 4, 5].map((l) => carryLevel(l, 5, 3))).toEqual([1, 2, 2, 3, 3]);
    expect([1, 2, 3].map((l) => carryLevel(l, 3, 5))).toEqual([1, 3, 5]);
    expect([1, 2, 3].map((l) => carryLevel(l, 3, 4))).toEqual([1, 3, 4]);
    expect(carryLevel(null, 3, 4)).toBeNull();
    expect(carryLevel(2, 4, 4)).toBe(2);
  });
});
