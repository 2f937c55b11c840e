import type { MessageKey } from '../i18n/i18n.js';
import type { PlannedModuleSlug } from '../modules/planned-modules.js';

/** Side navigation, grouped by the clauses of ISO/IEC 27001, then administration. */
export type NavItem =
  | { kind: 'module'; slug: PlannedModuleSlug; label: MessageKey }
  | {
      kind: 'page';
      path:
        | 'actions'
        | 'scopes'
        | 'issues'
        | 'interested-parties'
        | 'requirements'
        | 'isms-processes'
        | 'isms-roles'
        | 'leadership-commitments'
        | 'assets'
        | 'threats'
        | 'risk-methodology'
        | 'isms-risks'
        | 'risks'
        | 'risk-assessments'
        | 'controls'
        | 'soa'
        | 'risk-treatment-plan'
        | 'treatment-checks'
        | 'documents'
        | 'policies'
        | 'evidence'
        | 'nonconformities'
        | 'improvements'
        | 'members'
        | 'tokens'
        | 'automation-accounts'
        | 'audit'
        | 'audit-programme'
        | 'audit-programme/coverage'
        | 'isms-requirements'
        | 'internal-audits'
        | 'objectives'
        | 'objectives-document'
        | 'measures'
        | 'measures/dashboard'
        | 'certification-pack'
        | 'treatment-results'
        | 'management-reviews'
        | 'party-feedback';
      label: MessageKey;
      search?: Record<string, string>;
      permission?: string;
    };

export interface NavGroup {
  id: string;
  label: MessageKey;
  items: NavItem[];
}

export const NAV_GROUPS: NavGroup[] = [
  {
    id: 'context',
    label: 'nav.group.context',
    items: [
      { kind: 'page', path: 'issues', label: 'nav.issues' },
      { kind: 'page', path: 'scopes', label: 'module.context.title' },
      { kind: 'page', path: 'interested-parties', label: 'nav.interestedParties' },
      { kind: 'page', path: 'requirements', label: 'nav.requirements' },
      { kind: 'page', path: 'isms-processes', label: 'nav.ismsProcesses' },
    ],
  },
  {
    id: 'leadership',
    label: 'nav.group.leadership',
    items: [
      { kind: 'page', path: 'leadership-commitments', label: 'nav.commitments' },
      // 5.2: the policies are documents; this entry opens the register on its policies view
      { kind: 'page', path: 'policies', label: 'nav.policies' },
      { kind: 'page', path: 'isms-roles', label: 'nav.roles' },
    ],
  },
  {
    id: 'planning',
    label: 'nav.group.planning',
    items: [
      // 6.1.1 comes first: the ISMS's own risks and opportunities frame the information security risk work below
      { kind: 'page', path: 'isms-risks', label: 'nav.ismsRisks' },
      { kind: 'page', path: 'assets', label: 'nav.assets' },
      { kind: 'page', path: 'threats', label: 'nav.threats' },
      { kind: 'page', path: 'risks', label: 'nav.riskRegister' },
      { kind: 'page', path: 'risk-methodology', label: 'nav.riskMethodology' },
      { kind: 'page', path: 'risk-assessments', label: 'nav.riskAssessments' },
      { kind: 'page', path: 'controls', label: 'nav.controls' },
      { kind: 'page', path: 'soa', label: 'nav.soa' },
      { kind: 'page', path: 'risk-treatment-plan', label: 'nav.treatmentPlan' },
      // 8.3: the plan's status at a date, beside the plan it freezes
      { kind: 'page', path: 'treatment-results', label: 'nav.treatmentResults' },
      { kind: 'page', path: 'treatment-checks', label: 'nav.treatmentChecks' },
      { kind: 'page', path: 'objectives', label: 'nav.objectives' },
      { kind: 'page', path: 'objectives-document', label: 'nav.objectivesDocument' },
      { kind: 'page', path: 'actions', label: 'nav.actionPlans' },
    ],
  },
  {
    id: 'support',
    label: 'nav.group.support',
    items: [
      { kind: 'page', path: 'documents', label: 'nav.documents' },
      { kind: 'page', path: 'evidence', label: 'nav.evidence' },
      // 7.5: the pack is the mandatory documented information of every clause, handed over as one controlled set
      // (it sits with the documents, not under 9: it is not a performance evaluation)
      {
        kind: 'page',
        path: 'certification-pack',
        label: 'nav.certificationPack',
        permission: 'certification_pack.read',
      },
      { kind: 'module', slug: 'competence', label: 'module.competence.title' },
      { kind: 'module', slug: 'communication', label: 'module.communication.title' },
    ],
  },
  {
    id: 'operation',
    label: 'nav.group.operation',
    items: [
      { kind: 'module', slug: 'operation', label: 'module.operation.title' },
      { kind: 'module', slug: 'incidents', label: 'module.incidents.title' },
    ],
  },
  {
    id: 'performance',
    label: 'nav.group.performance',
    items: [
      { kind: 'page', path: 'measures', label: 'nav.measures' },
      { kind: 'page', path: 'measures/dashboard', label: 'nav.measurementDashboard' },
      // 9.2: the programme and its coverage, then the internal audits, then the requirements they check
      { kind: 'page', path: 'audit-programme', label: 'nav.auditProgramme' },
      { kind: 'page', path: 'audit-programme/coverage', label: 'nav.auditCoverage' },
      { kind: 'page', path: 'internal-audits', label: 'nav.internalAudits' },
      { kind: 'page', path: 'isms-requirements', label: 'nav.ismsRequirements' },
      // 9.3: the reviews, then the parties' feedback they look at (input e)
      { kind: 'page', path: 'management-reviews', label: 'nav.managementReviews' },
      { kind: 'page', path: 'party-feedback', label: 'nav.partyFeedback' },
    ],
  },
  {
    id: 'improvement',
    label: 'nav.group.improvement',
    items: [
      { kind: 'page', path: 'nonconformities', label: 'nav.nonconformities' },
      { kind: 'page', path: 'improvements', label: 'nav.improvements' },
      { kind: 'page', path: 'actions', label: 'nav.correctiveActions' },
    ],
  },
  {
    id: 'admin',
    label: 'nav.group.admin',
    items: [
      { kind: 'page', path: 'members', label: 'nav.members', permission: 'members.read' },
      { kind: 'page', path: 'tokens', label: 'nav.tokens', permission: 'tokens.read' },
      { kind: 'page', path: 'automation-accounts', label: 'nav.automationAccounts', permission: 'members.read' },
      { kind: 'page', path: 'audit', label: 'nav.audit', permission: 'audit.read' },
    ],
  },
];
