import { measureRegister } from '../../schema/measurement/measure.register.js';
import {
  FormulaError,
  formulaKeys,
  parseBaseMeasures,
  parseFormula,
} from '../../schema/measurement/measure-formula.js';
import { amberThresholdProblem, ragStatus, type Target } from '../../schema/measurement/measure-target.js';
import type { FieldError } from '../../schema/common/problem.js';
import { ValidationError } from '../errors.js';
import type { ChangesOf, RegisterModule } from '../register/register-module.js';

type Fields = typeof measureRegister.fields;
type Measure = Partial<ChangesOf<Fields>>;

/** The measure's target, as the RAG functions read it. */
export function targetOf(m: {
  targetDirection: Target['direction'];
  targetValue: number;
  amberThreshold: number | null;
}): Target {
  return { direction: m.targetDirection, target: m.targetValue, amberThreshold: m.amberThreshold };
}

/** Every problem of a measure's definition, each naming its field (`body.x`). */
export function measureDefinitionErrors(m: Measure): FieldError[] {
  const errors: FieldError[] = [];
  let baseKeys: string[] = [];
  try {
    baseKeys = parseBaseMeasures(m.baseMeasures).map((b) => b.key);
  } catch (err) {
    if (!(err instanceof FormulaError)) throw err;
    errors.push({ field: 'body.baseMeasures', message: err.message });
  }
  if (m.formula) {
    try {
      const unknown = formulaKeys(parseFormula(m.formula)).filter((k) => !baseKeys.includes(k));
      if (unknown.length > 0)
        errors.push({
          field: 'body.formula',
          message: `uses ${unknown.join(', ')}, which ${unknown.length === 1 ? 'is not a base measure' : 'are not base measures'} of this measure (declare them in baseMeasures)`,
        });
    } catch (err) {
      if (!(err instanceof FormulaError)) throw err;
      errors.push({ field: 'body.formula', message: err.message });
    }
  }
  if (m.targetDirection && typeof m.targetValue === 'number') {
    const problem = amberThresholdProblem(
      targetOf({
        ...m,
        targetDirection: m.targetDirection,
        targetValue: m.targetValue,
        amberThreshold: m.amberThreshold ?? null,
      }),
    );
    if (problem) errors.push({ field: 'body.amberThreshold', message: problem });
  }
  return errors;
}

/**
 * Measures (9.1): the definition is checked as a whole (base measures, formula keys, the amber threshold on the
 * right side of the target), and a change of target re-reads the latest result's RAG so the list stays true.
 */
export const measuresModule: RegisterModule<Fields> = {
  def: measureRegister,
  async beforeWrite(_ctx, _trx, changes, existing) {
    const merged: Measure = { ...existing, ...changes };
    const errors = measureDefinitionErrors(merged);
    if (errors.length > 0) throw new ValidationError(errors);
    const targetChanged =
      existing &&
      (changes.targetValue !== undefined ||
        changes.targetDirection !== undefined ||
        changes.amberThreshold !== undefined);
    if (
      targetChanged &&
      typeof existing.latestValue === 'number' &&
      merged.targetDirection &&
      typeof merged.targetValue === 'number'
    )
      return {
        latestRag: ragStatus(
          existing.latestValue,
          targetOf({
            targetDirection: merged.targetDirection,
            targetValue: merged.targetValue,
            amberThreshold: merged.amberThreshold ?? null,
          }),
        ),
      };
    return {};
  },
};
