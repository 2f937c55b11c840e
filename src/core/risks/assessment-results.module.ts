import type { Db } from '../../db/connect.js';
import { assessmentResultsVersioned } from '../../schema/risks/assessment-results.versioned.js';
import type { Role } from '../../schema/auth/roles.js';
import type { OrgContext } from '../context.js';
import type { ApprovalRule, VersionedModule } from '../versioning/versioned-module.js';
import { resultsBlocks, resultsExportTable } from './assessment-results-document.js';
import { buildAssessmentResults } from './assessment-results.service.js';
import { riskAssessmentsModule } from './assessments.service.js';

/** The ISMS manager (an admin counts as one) approves the results of risk assessment. */
const MANAGER_ROLES: readonly Role[] = ['admin', 'isms_manager'];
const TOP_MANAGEMENT: readonly Role[] = ['approver'];

/**
 * Who signs an assessment's results (27001 8.2): the ISMS manager; where the organization wants it (the assessment's
 * `topManagementApproval`), top management too: then two signatures, one of each, in either order. The roles asked
 * of the next signer follow from who already signed the draft.
 */
async function resultsApprovalRule(ctx: OrgContext, trx: Db, id: string): Promise<ApprovalRule> {
  const a = await trx
    .selectFrom('riskAssessments')
    .select(['ref', 'topManagementApproval'])
    .where('orgId', '=', ctx.org.id)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!a?.topManagementApproval)
    return {
      signers: [],
      roles: MANAGER_ROLES,
      rolesReason: `The ISMS manager approves the results of ${a?.ref ?? 'the assessment'} (ISO/IEC 27001 8.2)`,
    };
  const signed = await trx
    .selectFrom('approvals')
    .innerJoin('recordVersions', 'recordVersions.id', 'approvals.versionId')
    .select('approvals.signerRole')
    .where('approvals.orgId', '=', ctx.org.id)
    .where('recordVersions.entityType', '=', 'risk_assessment')
    .where('recordVersions.recordId', '=', id)
    .where('recordVersions.state', '=', 'draft')
    .execute();
  const managerSigned = signed.some((s) => MANAGER_ROLES.some((r) => r === s.signerRole));
  const topSigned = signed.some((s) => TOP_MANAGEMENT.some((r) => r === s.signerRole));
  const roles = managerSigned ? TOP_MANAGEMENT : topSigned ? MANAGER_ROLES : [...MANAGER_ROLES, ...TOP_MANAGEMENT];
  return {
    signers: [],
    required: 2,
    roles,
    rolesReason: managerSigned
      ? `The ISMS manager has signed the results of ${a.ref}; top management (the approver role) signs next`
      : `Top management has signed the results of ${a.ref}; the ISMS manager signs next`,
  };
}

/** The results of a risk assessment: versions of the assessment record, filled from its frozen snapshot. */
export const assessmentResultsVersionedModule: VersionedModule = {
  register: riskAssessmentsModule,
  versioned: assessmentResultsVersioned,
  approvalRule: resultsApprovalRule,
  renderData: (key, value) => (key === 'results' ? resultsBlocks(value) : []),
  exportTable: resultsExportTable,
  /** the results come from what closing froze, whatever the client sent; an open assessment has none (409) */
  async prepareDraft(ctx, trx, recordId, content) {
    return { ...content, results: await buildAssessmentResults(ctx, trx, recordId) };
  },
};
