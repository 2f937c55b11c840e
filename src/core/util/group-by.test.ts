import { describe, expect, it } from 'vitest';
import { groupBy } from './group-by.js';

describe('groupBy', () => {
  it('groups by key, keeping the order of the items within each group and of first appearance', () => {
    const rows = [
      { k: 'b', n: 1 },
      { k: 'a', n: 2 },
      { k: 'b', n: 3 },
      { k: 'c', n: 4 },
      { k: 'a', n: 5 },
    ];
    const g = groupBy(rows, (r) => r.k);
    expect([...g.keys()]).toEqual(['b', 'a', 'c']);
    expect(g.get('b')!.map((r) => r.n)).toEqual([1, 3]);
    expect(g.get('a')!.map((r) => r.n)).toEqual([2, 5]);
    expect(g.get('z')).toBeUndefined();
  });
});
