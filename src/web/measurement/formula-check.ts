import {
  FormulaError,
  formulaKeys,
  parseBaseMeasures,
  parseFormula,
} from '../../schema/measurement/measure-formula.js';

/** What the form says about a measure's base measures and formula while they are typed. */
export type FormulaCheck =
  | { state: 'none' }
  | { state: 'ok'; keys: string[]; unused: string[] }
  | { state: 'error'; field: 'baseMeasures' | 'formula'; message: string; unknown?: string[] };

/**
 * Checks the base-measure declarations and the formula together with the parser the server uses (no eval): each
 * key the formula uses must be declared; declared keys the formula leaves out are named (harmless, but often a typo).
 */
export function checkFormula(baseMeasures: string, formula: string): FormulaCheck {
  let declared: string[];
  try {
    declared = parseBaseMeasures(baseMeasures).map((b) => b.key);
  } catch (e) {
    if (e instanceof FormulaError) return { state: 'error', field: 'baseMeasures', message: e.message };
    throw e;
  }
  if (!formula.trim()) return { state: 'none' };
  let keys: string[];
  try {
    keys = formulaKeys(parseFormula(formula));
  } catch (e) {
    if (e instanceof FormulaError) return { state: 'error', field: 'formula', message: e.message };
    throw e;
  }
  const unknown = keys.filter((k) => !declared.includes(k));
  if (unknown.length > 0)
    return { state: 'error', field: 'formula', message: `not declared: ${unknown.join(', ')}`, unknown };
  return { state: 'ok', keys, unused: declared.filter((k) => !keys.includes(k)) };
}
