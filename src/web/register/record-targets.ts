import type { RegisterDef } from '../../schema/register/define-register.js';
import { actionRegister } from '../../schema/actions/action.register.js';
import { scopeRegister } from '../../schema/scope/scope.register.js';
import { issueRegister } from '../../schema/context/issue.register.js';
import { interestedPartyRegister } from '../../schema/context/interested-party.register.js';
import { requirementRegister } from '../../schema/context/requirement.register.js';
import { ismsProcessRegister } from '../../schema/leadership/isms-process.register.js';
import { processInteractionRegister } from '../../schema/leadership/process-interaction.register.js';
import { ismsRoleRegister } from '../../schema/leadership/isms-role.register.js';
import { roleAssignmentRegister } from '../../schema/leadership/role-assignment.register.js';
import { ismsActivityRegister } from '../../schema/leadership/isms-activity.register.js';
import { leadershipCommitmentRegister } from '../../schema/leadership/leadership-commitment.register.js';

/**
 * Registers the UI can point at from a `record` field (by entity), for the generic select, display and filter.
 * Each register's pages live at `/o/$org/<collection>` and `/o/$org/<collection>/$id`; a new register adds itself here.
 */
const KNOWN: RegisterDef[] = [actionRegister, scopeRegister, issueRegister, interestedPartyRegister, requirementRegister,
  ismsProcessRegister, processInteractionRegister, ismsRoleRegister, roleAssignmentRegister, ismsActivityRegister, leadershipCommitmentRegister];

export function targetRegister(entity: string | undefined): RegisterDef | undefined {
  return KNOWN.find((r) => r.entity === entity);
}

/** The address of a record's page, when the UI knows its register. */
export function recordPath(org: string, entity: string, id: string): string | undefined {
  const register = targetRegister(entity);
  return register ? `/o/${encodeURIComponent(org)}/${register.collection}/${encodeURIComponent(id)}` : undefined;
}
