import { describe, expect, it } from 'vitest';
import { ISMS_CLAUSE_TITLES, ISMS_REQUIREMENTS } from '../../../schema/internal-audit/isms-requirements.js';
import { filterRequirements, groupRequirements } from './requirements-model.js';

describe('the requirements reference', () => {
  it('groups all 95 requirements by clause, each clause once and titled', () => {
    const groups = groupRequirements(ISMS_REQUIREMENTS);
    expect(groups.flatMap((g) => g.items)).toHaveLength(95);
    expect(new Set(groups.map((g) => g.clause)).size).toBe(groups.length);
    for (const g of groups) expect(ISMS_CLAUSE_TITLES[g.clause], g.clause).toBeDefined();
  });

  it('finds by either edition’s number, by words of the text, and by the marks', () => {
    const keys = (text: string) => filterRequirements(ISMS_REQUIREMENTS, text).map((q) => q.key);
    expect(keys('')).toHaveLength(95);
    // 10.2 of 2022 is where a 2013 reader looks under 10.1
    expect(keys('2013: 10.1')).toContain('10.2.c');
    expect(keys('2013: 10.1')).not.toContain('4.1');
    expect(keys('4.2 c)')).toEqual(['4.2.c']);
    expect(keys('new 2022')).toEqual(ISMS_REQUIREMENTS.filter((q) => q.since2022).map((q) => q.key));
    // the marked ones, and those whose text speaks of documented information
    expect(keys('documented')).toEqual(
      expect.arrayContaining(ISMS_REQUIREMENTS.filter((q) => q.documented).map((q) => q.key)),
    );
    expect(keys('interested PARTIES')).toContain('4.2.a');
    expect(keys('no-such-word-anywhere')).toEqual([]);
  });
});
