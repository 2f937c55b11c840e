import { actionsModule } from './actions/actions.module.js';
import { documentsModule, documentVersionedModule } from './documents/documents.module.js';
import { scopeModule, scopeVersionedModule } from './scope/scope.module.js';
import { interestedPartiesModule } from './context/interested-parties.module.js';
import { issuesModule } from './context/issues.module.js';
import { requirementsModule } from './context/requirements.module.js';
import { ismsProcessesModule, processInteractionsModule } from './leadership/processes.module.js';
import {
  ismsActivitiesModule,
  ismsRolesModule,
  leadershipCommitmentsModule,
  roleAssignmentsModule,
} from './leadership/roles.module.js';
import { assetDependenciesModule, assetsModule } from './risks/assets.module.js';
import { riskAssessmentsModule, reassessmentTriggersModule } from './risks/assessments.service.js';
import { riskMethodologyVersionedModule } from './risks/methodology.module.js';
import { riskMethodologyModule } from './risks/methodology.service.js';
import { ismsRisksModule } from './risks/isms-risks.module.js';
import { nonconformitiesModule } from './improvement/nonconformities.module.js';
import { improvementsModule } from './improvement/improvements.module.js';
import { measuresModule } from './measurement/measures.module.js';
import { objectivesModule } from './objectives/objectives.module.js';
import {
  objectivesDocumentModule,
  objectivesDocumentVersionedModule,
} from './objectives/objectives-document.module.js';
import { risksModule } from './risks/risks.module.js';
import { threatsModule, vulnerabilitiesModule } from './risks/threats.module.js';
import { evidenceModule } from './evidence/evidence.module.js';
import { controlsModule } from './controls/controls.module.js';
import { soaModule, soaVersionedModule } from './controls/soa.module.js';
import { treatmentPlanModule, treatmentPlanVersionedModule } from './controls/treatment-plan.service.js';
import { auditProgrammeModule, auditProgrammeVersionedModule } from './internal-audit/audit-programme.module.js';
import { auditReportVersionedModule, internalAuditsModule } from './internal-audit/internal-audits.module.js';
import { managementReviewsModule } from './management-review/management-reviews.module.js';
import { reviewDecisionsModule } from './management-review/review-decisions.module.js';
import { reviewMinutesVersionedModule } from './management-review/review-minutes.module.js';
import { partyFeedbackModule } from './management-review/party-feedback.module.js';
import type { VersionedModule } from './versioning/versioned-module.js';
import type { AnyRegisterModule } from './register/register-module.js';
import { registerLookup, type RegisterLookup } from './register/register-lookup.js';

/**
 * The composition root: every register and versioned module of the product. A new module adds its RegisterModule
 * here and gets routes, links and CSV. Only the entry points (server, CLI, demo seeding, tests) import this file; the
 * generic machinery receives the list as `OrgContext.registers` (a test keeps core/register, core/links and
 * core/audit from importing it).
 */
export const REGISTER_MODULES: readonly AnyRegisterModule[] = [
  actionsModule,
  scopeModule,
  issuesModule,
  interestedPartiesModule,
  requirementsModule,
  ismsProcessesModule,
  processInteractionsModule,
  ismsRolesModule,
  roleAssignmentsModule,
  ismsActivitiesModule,
  leadershipCommitmentsModule,
  assetsModule,
  assetDependenciesModule,
  threatsModule,
  vulnerabilitiesModule,
  riskMethodologyModule,
  risksModule,
  riskAssessmentsModule,
  reassessmentTriggersModule,
  ismsRisksModule,
  evidenceModule,
  controlsModule,
  soaModule,
  treatmentPlanModule,
  documentsModule,
  auditProgrammeModule,
  internalAuditsModule,
  nonconformitiesModule,
  improvementsModule,
  measuresModule,
  objectivesModule,
  objectivesDocumentModule,
  managementReviewsModule,
  reviewDecisionsModule,
  partyFeedbackModule,
];

/** Registers whose records carry versioned, approvable content; they get the version routes and exports too. */
export const VERSIONED_MODULES: readonly VersionedModule[] = [
  scopeVersionedModule,
  riskMethodologyVersionedModule,
  soaVersionedModule,
  treatmentPlanVersionedModule,
  documentVersionedModule,
  auditProgrammeVersionedModule,
  auditReportVersionedModule,
  objectivesDocumentVersionedModule,
  reviewMinutesVersionedModule,
];

/** The registers, for `OrgContext.registers`. */
export const REGISTERS: RegisterLookup = registerLookup(REGISTER_MODULES);
