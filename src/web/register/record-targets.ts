import type { RegisterDef } from '../../schema/register/define-register.js';
import { actionRegister } from '../../schema/actions/action.register.js';
import { scopeRegister } from '../../schema/scope/scope.register.js';
import { issueRegister } from '../../schema/context/issue.register.js';
import { interestedPartyRegister } from '../../schema/context/interested-party.register.js';
import { requirementRegister } from '../../schema/context/requirement.register.js';
import { internalAuditRegister } from '../../schema/internal-audit/internal-audit.register.js';
import { ismsProcessRegister } from '../../schema/leadership/isms-process.register.js';
import { processInteractionRegister } from '../../schema/leadership/process-interaction.register.js';
import { ismsRoleRegister } from '../../schema/leadership/isms-role.register.js';
import { roleAssignmentRegister } from '../../schema/leadership/role-assignment.register.js';
import { ismsActivityRegister } from '../../schema/leadership/isms-activity.register.js';
import { leadershipCommitmentRegister } from '../../schema/leadership/leadership-commitment.register.js';
import { assetRegister } from '../../schema/risks/asset.register.js';
import { assetDependencyRegister } from '../../schema/risks/asset-dependency.register.js';
import { threatRegister } from '../../schema/risks/threat.register.js';
import { vulnerabilityRegister } from '../../schema/risks/vulnerability.register.js';
import { riskRegister } from '../../schema/risks/risk.register.js';
import { reassessmentTriggerRegister, riskAssessmentRegister } from '../../schema/risks/risk-assessment.register.js';
import { ismsRiskRegister } from '../../schema/risks/isms-risk.register.js';
import { evidenceRegister } from '../../schema/evidence/evidence.register.js';
import { controlRegister } from '../../schema/controls/control.register.js';
import { documentRegister } from '../../schema/documents/document.register.js';
import { nonconformityRegister } from '../../schema/improvement/nonconformity.register.js';
import { improvementRegister } from '../../schema/improvement/improvement.register.js';
import { objectiveRegister } from '../../schema/objectives/objective.register.js';
import { measureRegister } from '../../schema/measurement/measure.register.js';
import {
  managementReviewRegister,
  reviewDecisionRegister,
} from '../../schema/management-review/management-review.register.js';
import { partyFeedbackRegister } from '../../schema/management-review/party-feedback.register.js';

/**
 * Registers the UI can point at from a `record` field (by entity), for the generic select, display and filter.
 * Each register's pages live at `/o/$org/<collection>` and `/o/$org/<collection>/$id`; a new register adds itself here.
 */
const KNOWN: RegisterDef[] = [
  actionRegister,
  scopeRegister,
  issueRegister,
  interestedPartyRegister,
  requirementRegister,
  ismsProcessRegister,
  processInteractionRegister,
  ismsRoleRegister,
  roleAssignmentRegister,
  ismsActivityRegister,
  leadershipCommitmentRegister,
  assetRegister,
  assetDependencyRegister,
  threatRegister,
  vulnerabilityRegister,
  riskRegister,
  riskAssessmentRegister,
  reassessmentTriggerRegister,
  ismsRiskRegister,
  evidenceRegister,
  controlRegister,
  documentRegister,
  internalAuditRegister,
  nonconformityRegister,
  improvementRegister,
  objectiveRegister,
  measureRegister,
  managementReviewRegister,
  reviewDecisionRegister,
  partyFeedbackRegister,
];

/** Every register the UI knows (e.g. the kinds of record evidence can be attached to). */
export const knownRegisters = (): readonly RegisterDef[] => KNOWN;

export function targetRegister(entity: string | undefined): RegisterDef | undefined {
  return KNOWN.find((r) => r.entity === entity);
}

/** The address of a record's page, when the UI knows its register. */
export function recordPath(org: string, entity: string, id: string): string | undefined {
  const register = targetRegister(entity);
  return register ? `/o/${encodeURIComponent(org)}/${register.collection}/${encodeURIComponent(id)}` : undefined;
}
