import type { Methodology } from '../../schema/risks/methodology.schema.js';
import { evaluate, type Evaluation } from '../../schema/risks/risk-level.js';

/** Form values of the analysis: level numbers as text ('' when not rated). */
export type AnalysisValues = Record<string, string | boolean | undefined>;

/**
 * What the server will compute from the levels chosen in the form: the same pure evaluation
 * (src/schema/risks/risk-level.ts), fed the way core/risks/risk-evaluation.ts feeds it — C, I and A when the
 * methodology assesses them separately and one is given, else the single consequence, else the highest of C/I/A.
 */
export function previewEvaluation(m: Methodology, values: AnalysisValues): Evaluation | null {
  const n = (k: string) => (typeof values[k] === 'string' && values[k] ? Number(values[k]) - 1 : null);
  const likelihood = n('likelihood');
  const parts = { c: n('consequenceC'), i: n('consequenceI'), a: n('consequenceA') };
  const anyCia = Object.values(parts).some((v) => v !== null);
  const single = n('consequence');
  if (likelihood === null || (single === null && !anyCia)) return null;
  const consequence =
    m.consequencePerCia && anyCia
      ? parts
      : single !== null
        ? single
        : Math.max(...Object.values(parts).filter((v): v is number => v !== null));
  try {
    return evaluate(m, { likelihood, consequence });
  } catch {
    return null;
  }
}
