import type { Methodology } from './methodology.schema.js';

/**
 * Evaluation of one assessment with a methodology: pure, so the server (re-scoring, the register) and the browser
 * (the methodology editor's preview of a formula) compute the same level. core/risks/risk-level.ts re-exports it.
 */

export interface Assessment {
  /** index of the likelihood level on the methodology's scale (0 = lowest) */
  likelihood: number;
  /** index of the consequence level; or one per C, I, A when the methodology assesses them separately */
  consequence: number | { c?: number | null; i?: number | null; a?: number | null };
}

export interface Evaluation {
  consequenceIndex: number;
  score: number;
  level: string;
  acceptable: boolean;
}

function checkIndex(i: number, size: number, what: string): number {
  if (!Number.isInteger(i) || i < 0 || i >= size)
    throw new RangeError(`${what} must be a level of its scale (0–${size - 1}), got ${i}`);
  return i;
}

/** The consequence level to evaluate: one value, or C/I/A combined by the methodology's stated rule. */
export function combinedConsequence(m: Methodology, consequence: Assessment['consequence']): number {
  const size = m.consequence.levels.length;
  if (typeof consequence === 'number') return checkIndex(consequence, size, 'consequence');
  const parts = [consequence.c, consequence.i, consequence.a]
    .filter((v): v is number => typeof v === 'number')
    .map((v) => checkIndex(v, size, 'consequence'));
  if (!parts.length) throw new RangeError('At least one of C, I, A needs a consequence');
  if (m.ciaCombination === 'highest') return Math.max(...parts);
  const values = parts.map((i) => m.consequence.levels[i]!.value);
  const target =
    m.ciaCombination === 'average'
      ? values.reduce((a, b) => a + b, 0) / values.length
      : values.reduce((a, b) => a + b, 0);
  // The combined value maps back to the highest level whose value it reaches (the sum saturates at the top).
  let index = 0;
  m.consequence.levels.forEach((level, i) => {
    if (target >= level.value) index = i;
  });
  return index;
}

/** Level of risk and acceptability for one assessment, by the methodology's matrix or formula. */
export function evaluate(m: Methodology, a: Assessment): Evaluation {
  const li = checkIndex(a.likelihood, m.likelihood.levels.length, 'likelihood');
  const ci = combinedConsequence(m, a.consequence);
  const lv = m.likelihood.levels[li]!.value;
  const cv = m.consequence.levels[ci]!.value;
  let level: string;
  let score: number;
  if (m.rule.kind === 'matrix') {
    level = m.rule.cells[li]![ci]!;
    score = lv * cv;
  } else {
    score = m.rule.formula === 'product' ? lv * cv : lv + cv;
    const reached = m.rule.thresholds.filter((t) => score >= t.min);
    level = (reached.at(-1) ?? m.rule.thresholds[0]!).level;
  }
  return { consequenceIndex: ci, score, level, acceptable: m.acceptance.acceptableLevels.includes(level) };
}

/** Rank of a level (0 = least severe) in the order the methodology lists its levels. */
export function levelRank(m: Methodology, level: string): number {
  return m.levels.findIndex((l) => l.key === level);
}
