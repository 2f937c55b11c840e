import { describe, expect, it } from 'vitest';
import { checkFormula } from './formula-check.js';

const BASE = 'reviewed: Accounts reviewed on time [count]\ntotal: Privileged accounts [count]';

describe('checkFormula', () => {
  it('accepts a formula over declared keys and names the keys it uses', () => {
    expect(checkFormula(BASE, 'reviewed / total * 100')).toEqual({
      state: 'ok',
      keys: ['reviewed', 'total'],
      unused: [],
    });
  });

  it('names keys the formula uses that are not declared', () => {
    expect(checkFormula(BASE, 'reviewd / total * 100')).toMatchObject({
      state: 'error',
      field: 'formula',
      unknown: ['reviewd'],
    });
  });

  it('names declared keys the formula leaves out', () => {
    expect(checkFormula(BASE, 'reviewed * 2')).toEqual({ state: 'ok', keys: ['reviewed'], unused: ['total'] });
  });

  it('reports a syntax error of the formula and a bad declaration line', () => {
    expect(checkFormula(BASE, 'reviewed / (total')).toMatchObject({ state: 'error', field: 'formula' });
    expect(checkFormula('reviewed Accounts', 'reviewed')).toMatchObject({ state: 'error', field: 'baseMeasures' });
  });

  it('has nothing to say without a formula', () => {
    expect(checkFormula(BASE, '  ')).toEqual({ state: 'none' });
  });

  it('never evaluates what is typed', () => {
    expect(checkFormula(BASE, 'process.exit(1)')).toMatchObject({ state: 'error', field: 'formula' });
  });
});
