import { describe, expect, it } from 'vitest';
import { methodologySchema } from '../../schema/risks/methodology.schema.js';
import { STARTING_METHODOLOGIES } from '../../schema/risks/starting-methodologies.js';
import { combinedConsequence, evaluate } from './risk-level.js';

const get = (key: string) => STARTING_METHODOLOGIES.find((m) => m.key === key)!.methodology;

describe('risk level from a methodology', () => {
  it('reads the 5×5 matrix cell by cell', () => {
    const m = get('five-by-five');
    expect(evaluate(m, { likelihood: 0, consequence: 0 })).toEqual({
      consequenceIndex: 0,
      score: 1,
      level: 'low',
      acceptable: true,
    });
    expect(evaluate(m, { likelihood: 2, consequence: 2 }).level).toBe('medium'); // 3 × 3 = 9
    expect(evaluate(m, { likelihood: 4, consequence: 1 }).level).toBe('high'); // 5 × 2 = 10
    expect(evaluate(m, { likelihood: 4, consequence: 4 })).toMatchObject({ level: 'critical', acceptable: false });
  });

  it('combines C, I, A consequences by the stated rule', () => {
    const m = get('five-by-five');
    expect(combinedConsequence(m, { c: 1, i: 3, a: 0 })).toBe(3);
    expect(combinedConsequence({ ...m, ciaCombination: 'average' }, { c: 0, i: 4, a: 1 })).toBe(1); // (1+5+2)/3 = 2.67 → level valued 2
    expect(combinedConsequence({ ...m, ciaCombination: 'sum' }, { c: 2, i: 2, a: 2 })).toBe(4); // 9 saturates at the top
    expect(() => combinedConsequence(m, {})).toThrow(RangeError);
  });

  it('scores a formula methodology against its thresholds', () => {
    const m = get('semi-quantitative');
    expect(evaluate(m, { likelihood: 0, consequence: 3 })).toMatchObject({ score: 4, level: 'low', acceptable: true });
    expect(evaluate(m, { likelihood: 1, consequence: 2 })).toMatchObject({
      score: 6,
      level: 'medium',
      acceptable: true,
    });
    expect(evaluate(m, { likelihood: 3, consequence: 4 })).toMatchObject({
      score: 20,
      level: 'critical',
      acceptable: false,
    });
  });

  it('refuses indexes outside the scales', () => {
    const m = get('three-by-three');
    expect(() => evaluate(m, { likelihood: 3, consequence: 0 })).toThrow(/likelihood/);
    expect(() => evaluate(m, { likelihood: 0, consequence: -1 })).toThrow(/consequence/);
  });

  it('rejects an inconsistent methodology, naming the place', () => {
    const m = structuredClone(get('three-by-three'));
    if (m.rule.kind !== 'matrix') throw new Error('three-by-three is a matrix');
    m.rule.cells[1]![2] = 'extreme';
    m.rule.cells.pop();
    m.likelihood.levels[2]!.value = 1;
    m.acceptance.acceptableLevels = ['nope'];
    const r = methodologySchema.safeParse(m);
    expect(r.success).toBe(false);
    const paths = r.error!.issues.map((i) => i.path.join('.'));
    expect(paths).toEqual(
      expect.arrayContaining([
        'likelihood.levels.2.value',
        'rule.cells',
        'rule.cells.1.2',
        'acceptance.acceptableLevels.0',
      ]),
    );
  });

  it('ships starting methodologies that are valid', () => {
    expect(STARTING_METHODOLOGIES.map((m) => m.key)).toEqual(['five-by-five', 'three-by-three', 'semi-quantitative']);
  });
});
