import { describe, expect, it } from 'vitest';
import { methodologySchema } from '../../../schema/risks/methodology.schema.js';
import { STARTING_METHODOLOGIES } from '../../../schema/risks/starting-methodologies.js';
import {
  addRiskLevel,
  addScaleLevel,
  cycleLevel,
  indexesAfterInsert,
  remapMatrix,
  removeRiskLevel,
  removeScaleLevel,
  resizeMatrix,
  textOn,
  toMethodology,
  toWorking,
  type WorkingMethodology,
} from './methodology-model.js';

const start = (key: string) => STARTING_METHODOLOGIES.find((m) => m.key === key)!.methodology;
/** The matrix as level keys, most likely row first (as on screen), for readable expectations. */
const keys = (w: WorkingMethodology) => w.cells.map((row) => row.map((id) => w.levels.find((l) => l.id === id)!.key));

describe('methodology working copy', () => {
  it('round-trips every starting methodology unchanged', () => {
    for (const s of STARTING_METHODOLOGIES)
      expect(methodologySchema.parse(toMethodology(toWorking(s.methodology)))).toEqual(s.methodology);
  });

  it('keeps a cell on its level when the level key is renamed, even to a key another level has for a moment', () => {
    let w = toWorking(start('three-by-three'));
    const rename = (index: number, key: string) =>
      (w = { ...w, levels: w.levels.map((l, i) => (i === index ? { ...l, key } : l)) });
    rename(0, 'medium'); // two levels keyed "medium" while typing: invalid, but nothing is re-pointed
    expect(methodologySchema.safeParse(toMethodology(w)).success).toBe(false);
    rename(1, 'moderate');
    rename(0, 'minor');
    const saved = methodologySchema.parse(toMethodology(w));
    expect(saved.rule.kind === 'matrix' && saved.rule.cells).toEqual([
      ['minor', 'minor', 'moderate'],
      ['minor', 'moderate', 'high'],
      ['moderate', 'high', 'high'],
    ]);
    expect(saved.acceptance.acceptableLevels).toEqual(['minor']);
    expect(saved.acceptance.acceptors).toEqual([
      { level: 'minor', who: 'Risk owner' },
      { level: 'moderate', who: 'Managing director' },
    ]);
  });

  it('reports a cleared number as missing rather than zero', () => {
    const w = toWorking(start('three-by-three'));
    w.likelihood.levels[1]!.value = '';
    const r = methodologySchema.safeParse(toMethodology(w));
    expect(r.success).toBe(false);
    expect(r.error!.issues[0]!.path).toEqual(['likelihood', 'levels', 1, 'value']);
  });

  it('drops quantitative ranges when the approach is qualitative, and keeps them in the working copy', () => {
    const w = toWorking(start('semi-quantitative'));
    const q = toMethodology({ ...w, approach: 'qualitative' }) as { likelihood: { levels: { from: unknown }[] } };
    expect(q.likelihood.levels.every((l) => l.from === null)).toBe(true);
    expect(w.likelihood.levels[1]!.from).toBe('0.1');
  });

  it('starts the formula of a matrix methodology from its matrix, and the matrix of a formula one from its formula', () => {
    const fromMatrix = toWorking(start('five-by-five'));
    expect(fromMatrix.thresholds.map((t) => Number(t.min))).toEqual([1, 5, 10, 20]);
    const fromFormula = toWorking(start('semi-quantitative'));
    expect(keys(fromFormula)[4]).toEqual(['medium', 'high', 'high', 'critical', 'critical']); // 5 × (1…5)
  });
});

describe('resizing the matrix with the scales', () => {
  it('grows a 3×3 into a 4×4: existing cells kept, the new row and column copy their nearest neighbour', () => {
    let w = toWorking(start('three-by-three'));
    w = addScaleLevel(w, 'likelihood', 'Very high');
    w = addScaleLevel(w, 'consequence', 'Very high');
    expect(keys(w)).toEqual([
      ['low', 'low', 'medium', 'medium'],
      ['low', 'medium', 'high', 'high'],
      ['medium', 'high', 'high', 'high'],
      ['medium', 'high', 'high', 'high'],
    ]);
    expect(w.likelihood.levels.at(-1)).toMatchObject({ value: '4', label: 'Very high' });
    expect(methodologySchema.safeParse(toMethodology(w)).success).toBe(true);
  });

  it('removes the row or column of a removed level and never goes under 3 or over 10 levels', () => {
    let w = toWorking(start('five-by-five'));
    w = removeScaleLevel(w, 'consequence', 0);
    expect(w.cells.every((row) => row.length === 4)).toBe(true);
    expect(keys(w)[4]).toEqual(['high', 'high', 'critical', 'critical']);
    w = removeScaleLevel(removeScaleLevel(w, 'consequence', 0), 'consequence', 0);
    expect(w.consequence.levels).toHaveLength(3);
    for (let i = 0; i < 8; i++) w = addScaleLevel(w, 'likelihood', 'x');
    expect(w.likelihood.levels).toHaveLength(10);
    expect(w.cells).toHaveLength(10);
  });

  it('inserts in the middle by copying the lower neighbour, and resizes any matrix to a given shape', () => {
    expect(indexesAfterInsert(3, 1)).toEqual([0, 0, 1, 2]);
    expect(indexesAfterInsert(3, 0)).toEqual([0, 0, 1, 2]);
    expect(
      remapMatrix(
        [
          [1, 2],
          [3, 4],
        ],
        indexesAfterInsert(2, 1),
        [0, 1],
        9,
      ),
    ).toEqual([
      [1, 2],
      [1, 2],
      [3, 4],
    ]);
    expect(resizeMatrix([[1, 2], [3]], 3, 3, 9)).toEqual([
      [1, 2, 2],
      [3, 3, 3],
      [3, 3, 3],
    ]);
    expect(resizeMatrix([], 2, 2, 9)).toEqual([
      [9, 9],
      [9, 9],
    ]);
  });
});

describe('levels of risk', () => {
  it('hands the cells and thresholds of a removed level to the next less severe one', () => {
    let w = toWorking(start('five-by-five'));
    const high = w.levels.find((l) => l.key === 'high')!.id;
    w = removeRiskLevel(w, high);
    expect(keys(w).flat()).not.toContain('high');
    expect(keys(w)[4]).toEqual(['medium', 'medium', 'medium', 'critical', 'critical']);
    expect(w.thresholds.map((t) => w.levels.find((l) => l.id === t.level)!.key)).toEqual([
      'low',
      'medium',
      'medium',
      'critical',
    ]);
  });

  it('adds a level with a free key and an unused colour, up to 8', () => {
    let w = toWorking(start('three-by-three'));
    w = addRiskLevel(w, 'Extreme');
    expect(w.levels.at(-1)).toMatchObject({ key: 'level_4', label: 'Extreme', acceptable: false });
    expect(new Set(w.levels.map((l) => l.colour.toLowerCase())).size).toBe(4);
    for (let i = 0; i < 6; i++) w = addRiskLevel(w, 'x');
    expect(w.levels).toHaveLength(8);
    expect(cycleLevel(w, w.levels[7]!.id, 1)).toBe(w.levels[0]!.id);
    expect(cycleLevel(w, w.levels[0]!.id, -1)).toBe(w.levels[7]!.id);
  });

  it('picks black or white text for contrast on the level colour', () => {
    expect(textOn('#F9A825')).toBe('#000000');
    expect(textOn('#C62828')).toBe('#ffffff');
    expect(textOn('#2E7D32')).toBe('#ffffff');
    expect(textOn('not a colour')).toBe('#000000');
  });
});
