import { describe, expect, it } from 'vitest';
import { STARTING_METHODOLOGIES } from '../../../schema/risks/starting-methodologies.js';
import type { Methodology } from '../../../schema/risks/methodology.schema.js';
import { createI18n } from '../../i18n/i18n.js';
import type { DataChange } from '../../versioning/data-sections.js';
import { describeMethodologyChanges } from './methodology-changes.js';

const i18n = createI18n('en');
const start = (key: string) => structuredClone(STARTING_METHODOLOGIES.find((m) => m.key === key)!.methodology);

/** The changed leaves by path, as the compare route computes them (src/core/versioning/versions-compare.ts). */
function leaves(value: unknown, path: string, out: Map<string, unknown>) {
  if (value !== null && typeof value === 'object') {
    const entries = Array.isArray(value) ? value.map((v, i) => [String(i), v] as const) : Object.entries(value);
    if (!entries.length) out.set(path, value);
    for (const [k, v] of entries) leaves(v, path ? `${path}.${k}` : k, out);
  } else out.set(path, value);
  return out;
}
function changes(before: Methodology, after: Methodology): DataChange[] {
  const a = leaves(before, '', new Map());
  const b = leaves(after, '', new Map());
  return [...new Set([...a.keys(), ...b.keys()])]
    .filter((p) => JSON.stringify(a.get(p) ?? null) !== JSON.stringify(b.get(p) ?? null))
    .map((p) => ({ path: p, before: a.get(p) ?? null, after: b.get(p) ?? null }));
}
const describe_ = (before: Methodology, after: Methodology) =>
  describeMethodologyChanges(i18n, changes(before, after), { before, after }).map(
    (c) => `${c.where}: ${c.before ?? '—'} → ${c.after ?? '—'}`,
  );

describe('methodology changes in words', () => {
  it('names a scale level by its position and a matrix cell by its row and column', () => {
    const before = start('five-by-five');
    const after = start('five-by-five');
    after.likelihood.levels[2]!.label = 'Probable';
    if (after.rule.kind === 'matrix') after.rule.cells[3]![3] = 'critical';
    expect(describe_(before, after)).toEqual([
      'Likelihood › level 3 › Label: Possible → Probable',
      'Likely × Major: High → Critical',
    ]);
  });

  it('says a level added to a scale once, not once per field, with the new matrix cells', () => {
    const before = start('three-by-three');
    const after = start('three-by-three');
    after.likelihood.levels.push({ value: 4, label: 'Very high', description: '', from: null, to: null });
    if (after.rule.kind === 'matrix') after.rule.cells.push(['medium', 'high', 'high']);
    expect(describe_(before, after)).toEqual([
      'Likelihood › level 4: — → 4 · Very high',
      'Very high × Low: — → Medium',
      'Very high × Medium: — → High',
      'Very high × High: — → High',
    ]);
  });

  it('compares the acceptance criteria per level, and a change of rule kind as one line', () => {
    const before = start('three-by-three');
    const after = start('three-by-three');
    after.acceptance.acceptableLevels = ['low', 'medium'];
    after.acceptance.acceptors = [
      { level: 'low', who: 'Risk owner' },
      { level: 'medium', who: 'Risk owner' },
      { level: 'high', who: 'Board' },
    ];
    after.rule = {
      kind: 'formula',
      formula: 'sum',
      thresholds: [
        { min: 2, level: 'low' },
        { min: 4, level: 'medium' },
        { min: 5, level: 'high' },
      ],
    };
    after.levels[2]!.colour = '#B71C1C';
    after.approach = 'semi_quantitative';
    expect(describe_(before, after)).toEqual([
      'Approach: Qualitative → Semi-quantitative',
      'Levels of risk › High › Colour: #C62828 → #B71C1C',
      'Rule for the level of risk: Matrix → Formula: likelihood + consequence',
      'Acceptable without treatment: Low → Low, Medium',
      'Who may accept › Medium: Managing director → Risk owner',
      'Who may accept › High: — → Board',
    ]);
  });

  it('describes thresholds and other values of a formula methodology', () => {
    const before = start('semi-quantitative');
    const after = start('semi-quantitative');
    if (after.rule.kind === 'formula') after.rule.thresholds[1]!.min = 6;
    after.consequencePerCia = true;
    after.acceptance.otherCriteria = '';
    expect(describe_(before, after)).toEqual([
      'Consequence per C, I, A: No → Yes',
      'Threshold 2 › Score from: 5 → 6',
      'Other criteria: Accept a risk when treating it would cost more than the expected annual loss it removes. → —',
    ]);
  });
});
