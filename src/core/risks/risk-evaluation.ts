import type { Methodology } from '../../schema/risks/methodology.schema.js';
import { evaluate, levelRank } from './risk-level.js';

/** What a person records when analysing a risk: level numbers (1-based) on the methodology's scales. */
export interface RiskAnalysis {
  likelihood: number | null;
  consequence: number | null;
  consequenceC: number | null;
  consequenceI: number | null;
  consequenceA: number | null;
  priorityOverride: number | null;
}

/** What the server derives from the analysis and the methodology in force. */
export interface RiskEvaluation {
  consequenceLevel: number | null;
  score: number | null;
  level: string | null;
  levelRank: number | null;
  acceptable: number | null;
  priority: number | null;
  methodologyVersion: number | null;
}

export const NOT_EVALUATED: RiskEvaluation = {
  consequenceLevel: null,
  score: null,
  level: null,
  levelRank: null,
  acceptable: null,
  priority: null,
  methodologyVersion: null,
};

const cia = (a: RiskAnalysis) => [a.consequenceC, a.consequenceI, a.consequenceA];

/** Whether the analysis holds enough to evaluate: a likelihood and a consequence (single or per C/I/A). */
export function isAnalysed(a: RiskAnalysis): boolean {
  return a.likelihood !== null && (a.consequence !== null || cia(a).some((v) => v !== null));
}

/**
 * Level of risk, acceptability and priority of one risk. A methodology that assesses C, I and A separately
 * combines the ones given by its rule; one that assesses a single consequence uses it, else the highest of C/I/A
 * (so a risk stays evaluable when the methodology switches between the two). Priority 1 is the most urgent: the
 * most severe level first, unless the owner set a priority of their own.
 */
export function evaluateRisk(m: Methodology, versionNo: number, a: RiskAnalysis): RiskEvaluation {
  if (!isAnalysed(a)) return NOT_EVALUATED;
  const parts = cia(a);
  const toIndex = (v: number | null | undefined) => (typeof v === 'number' ? v - 1 : null);
  let consequence: number | { c: number | null; i: number | null; a: number | null };
  if (m.consequencePerCia && parts.some((v) => v !== null))
    consequence = { c: toIndex(parts[0]), i: toIndex(parts[1]), a: toIndex(parts[2]) };
  else if (a.consequence !== null) consequence = a.consequence - 1;
  else consequence = Math.max(...parts.filter((v): v is number => v !== null)) - 1;
  const e = evaluate(m, { likelihood: a.likelihood! - 1, consequence });
  const rank = levelRank(m, e.level);
  return {
    consequenceLevel: e.consequenceIndex + 1,
    score: e.score,
    level: e.level,
    levelRank: rank,
    acceptable: e.acceptable ? 1 : 0,
    priority: a.priorityOverride ?? m.levels.length - rank,
    methodologyVersion: versionNo,
  };
}

/** The scale sizes level numbers must fit, and which field is out of range (1-based), if any. */
export function outOfScale(m: Methodology, a: RiskAnalysis): { field: keyof RiskAnalysis; max: number } | null {
  const l = m.likelihood.levels.length;
  const c = m.consequence.levels.length;
  if (a.likelihood !== null && a.likelihood > l) return { field: 'likelihood', max: l };
  for (const field of ['consequence', 'consequenceC', 'consequenceI', 'consequenceA'] as const) {
    const v = a[field];
    if (v !== null && v > c) return { field, max: c };
  }
  return null;
}

/**
 * Carries a level number to a scale of another size, keeping its relative position (3 of 5 → 2 of 3; 2 of 3 →
 * 3 of 5). Used when a new methodology version changes the number of levels, so every risk stays evaluable; the
 * re-score report lists every risk whose level moved so its owner can check the analysis.
 */
export function carryLevel(level: number | null, fromSize: number, toSize: number): number | null {
  if (level === null || fromSize === toSize) return level;
  if (fromSize <= 1) return 1;
  return Math.min(toSize, Math.max(1, Math.round(((level - 1) * (toSize - 1)) / (fromSize - 1)) + 1));
}
