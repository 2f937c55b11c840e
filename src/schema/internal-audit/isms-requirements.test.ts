import { describe, expect, it } from 'vitest';
import {
  clauseLabel,
  ISMS_CLAUSE_TITLES,
  ISMS_CLAUSES,
  ISMS_REQUIREMENTS,
  ismsRequirement,
} from './isms-requirements.js';

describe('the ISO/IEC 27001:2022 requirement list (clauses 4 to 10)', () => {
  it('has unique keys, each parsed into its clause and item', () => {
    const keys = ISMS_REQUIREMENTS.map((q) => q.key);
    expect(new Set(keys).size).toBe(keys.length);
    expect(ismsRequirement('6.1.3.d')).toMatchObject({ clause: '6.1.3', item: 'd', documented: true });
    expect(ismsRequirement('4.1')).toMatchObject({ clause: '4.1' });
    expect(ismsRequirement('4.1')!.item).toBeUndefined();
    expect(ismsRequirement('nope')).toBeUndefined();
  });

  it('covers every clause of 4 to 10 with a title, and nothing else', () => {
    const clauses = [...new Set(ISMS_REQUIREMENTS.map((q) => q.clause))];
    expect(clauses).toEqual(ISMS_CLAUSES);
    expect(ISMS_CLAUSES[0]).toBe('4.1');
    expect(ISMS_CLAUSES.at(-1)).toBe('10.2');
    for (const c of ISMS_CLAUSES) expect(ISMS_CLAUSE_TITLES[c]).toMatch(/\w/);
  });

  it('gives the 2013 numbers a migrating reader looks for: 10.1 and 10.2 swapped, 9.2 and 9.3 not split, 6.3 new', () => {
    expect(ismsRequirement('10.1')!.clause2013).toBe('10.2');
    expect(ismsRequirement('10.2.a')!.clause2013).toBe('10.1');
    expect(ismsRequirement('9.2.2.c')!.clause2013).toBe('9.2');
    expect(ismsRequirement('9.3.2.c')!.clause2013).toBe('9.3');
    expect(ismsRequirement('6.3')!.clause2013).toBeNull();
  });

  it('marks what 2022 added and what must be documented', () => {
    expect(
      ISMS_REQUIREMENTS.filter((q) => q.since2022)
        .map((q) => q.key)
        .sort(),
    ).toEqual(['4.2.c', '6.2.d', '6.2.g', '6.3', '9.3.2.c']);
    const documented = ISMS_REQUIREMENTS.filter((q) => q.documented).map((q) => q.clause);
    // the documented information 27001 names: scope, policy, risk processes, SoA, plan, objectives, competence,
    // operation, assessment and treatment results, monitoring, audit, review, nonconformities
    for (const c of [
      '4.3',
      '5.2',
      '6.1.2',
      '6.1.3',
      '6.2',
      '7.2',
      '8.1',
      '8.2',
      '8.3',
      '9.1',
      '9.2.2',
      '9.3.3',
      '10.2',
    ])
      expect(documented).toContain(c);
  });

  it('writes each requirement as one sentence of its own', () => {
    for (const q of ISMS_REQUIREMENTS) {
      expect(q.text, q.key).toMatch(/^[A-Z].*\.$/);
      expect(q.text.length, q.key).toBeLessThan(220);
    }
  });

  it('labels a number with the 2013 clause only where a migrating reader looks elsewhere', () => {
    expect(clauseLabel('10.2')).toBe('10.2 (2013: 10.1)');
    expect(clauseLabel('10.1')).toBe('10.1 (2013: 10.2)');
    expect(clauseLabel('6.1.3.d')).toBe('6.1.3 d)');
    expect(clauseLabel('4.3')).toBe('4.3');
    expect(clauseLabel('9.2.2')).toBe('9.2.2 (2013: 9.2)');
    // a clause the 2013 edition did not have shows no 2013 number
    expect(clauseLabel('6.3')).toBe('6.3');
  });
});
