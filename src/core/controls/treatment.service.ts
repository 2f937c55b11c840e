import type { Treatment, TreatmentInput, TreatmentPatch } from '../../schema/controls/treatment.schema.js';
import type { OrgContext } from '../context.js';
import { changeTreatment } from './treatment-write.service.js';

/**
 * A risk's treatment (27001 6.1.3), the module's entry: reading it (treatment-read.service.ts), changing it
 * (treatment-write.service.ts), the owner's acceptance (risk-acceptance.service.ts) and carrying residual ratings
 * to a new methodology's scales (residual-carry.service.ts).
 */
export { evaluateResidual, getTreatment, latestAcceptance, treatmentHash } from './treatment-read.service.js';
export { acceptRisk } from './risk-acceptance.service.js';
export { carryResidualLevels } from './residual-carry.service.js';

/**
 * Replaces a risk's treatment as a whole (PUT): options and controls as given; the expected residual risk as given,
 * cleared by `residual: null`, kept when the key is left out.
 */
export function setTreatment(ctx: OrgContext, riskId: string, input: TreatmentInput): Promise<Treatment> {
  return changeTreatment(ctx, riskId, input);
}

/** Changes only the parts of a risk's treatment given (PATCH); the others stay as stored. */
export function patchTreatment(ctx: OrgContext, riskId: string, input: TreatmentPatch): Promise<Treatment> {
  return changeTreatment(ctx, riskId, input);
}
