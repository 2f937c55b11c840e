import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  FormulaError,
  evaluateFormula,
  formulaKeys,
  parseBaseMeasures,
  parseFormula,
} from '../../src/schema/measurement/measure-formula.js';

const run = (text: string, values: Record<string, number> = {}) => evaluateFormula(parseFormula(text), values);

describe('formulas of derived measures', () => {
  it('compute with precedence, parentheses and unary minus', () => {
    expect(run('reviewed / total * 100', { reviewed: 19, total: 20 })).toEqual({ value: 95 });
    expect(run('1 + 2 * 3').value).toBe(7);
    expect(run('(1 + 2) * 3').value).toBe(9);
    expect(run('10 - 2 - 3').value).toBe(5);
    expect(run('-a + 4', { a: 1.5 }).value).toBe(2.5);
    expect(run('0.1 + 0.2').value).toBe(0.3);
  });
  it('give no value on a division by zero or a missing base value, and say why', () => {
    expect(run('a / b', { a: 1, b: 0 })).toEqual({ value: null, note: expect.stringMatching(/division by zero/) });
    expect(run('a / b', { a: 1 })).toEqual({ value: null, note: 'no value for b' });
  });
  it('list the keys they use', () => {
    expect(formulaKeys(parseFormula('(done + late) / total * 100 - done'))).toEqual(['done', 'late', 'total']);
  });
  it('refuse anything but numbers, keys, operators and parentheses', () => {
    for (const bad of ['', '1 +', '(1 + 2', '1 + 2)', 'a.b', 'process.exit()', '2 ** 3', 'a b', '1e9', '`x`'])
      expect(() => parseFormula(bad), bad).toThrow(FormulaError);
    expect(() => parseFormula('('.repeat(60) + '1' + ')'.repeat(60))).toThrow(/nested/);
  });
  it('never throw anything but a FormulaError, whatever the text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), (text) => {
        try {
          const f = parseFormula(text);
          const r = evaluateFormula(f, Object.fromEntries(formulaKeys(f).map((k) => [k, 1])));
          expect(r.value === null || Number.isFinite(r.value)).toBe(true);
        } catch (err) {
          expect(err).toBeInstanceOf(FormulaError);
        }
      }),
    );
  });
});

describe('base measures', () => {
  it('are read one per line as key: name [unit]', () => {
    expect(parseBaseMeasures('reviewed: Reviewed on time [count]\n\n total : All documents')).toEqual([
      { key: 'reviewed', name: 'Reviewed on time', unit: 'count' },
      { key: 'total', name: 'All documents', unit: null },
    ]);
    expect(parseBaseMeasures(null)).toEqual([]);
  });
  it('refuse a malformed line or a repeated key, naming the line', () => {
    expect(() => parseBaseMeasures('ok: fine\nnot a key line')).toThrow(/line 2/);
    expect(() => parseBaseMeasures('a: one\na: two')).toThrow(/repeated/);
  });
});
