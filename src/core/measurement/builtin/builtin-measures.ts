import { overdueActionsMeasure } from '../../actions/action-measures.js';
import { evidencedControlsMeasure } from '../../controls/control-measures.js';
import { policyAcknowledgementMeasure } from '../../documents/document-measures.js';
import { overdueNonconformitiesMeasure } from '../../improvement/nonconformity-measures.js';
import { acceptedRiskTreatmentsMeasure } from '../../risks/risk-measures.js';
import type { BuiltInMeasure } from './builtin-measure.js';

/**
 * Every built-in measure, in the order the catalog shows them. Each lives beside the tables it reads (its module's
 * folder); a module adds one here, like REGISTER_MODULES in core/modules.ts.
 */
export const BUILT_IN_MEASURES: readonly BuiltInMeasure[] = [
  acceptedRiskTreatmentsMeasure,
  overdueActionsMeasure,
  policyAcknowledgementMeasure,
  overdueNonconformitiesMeasure,
  evidencedControlsMeasure,
];

export function builtInMeasure(key: string): BuiltInMeasure | undefined {
  return BUILT_IN_MEASURES.find((m) => m.key === key);
}
