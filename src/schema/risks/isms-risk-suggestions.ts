import type { ISMS_RISK_AIMS, IsmsRiskKind } from './isms-risk.register.js';

/**
 * Starting suggestions for the ISMS risks and opportunities register, written by the project from the kinds of
 * risk and opportunity 27003 6.1.1 describes. Offered one by one (a click opens a prefilled form the user adapts),
 * never loaded automatically: each organization decides which apply and ties them to its own issues and
 * requirements. `evaluationMethod` suggests how the effectiveness of the actions could be evaluated.
 */
export interface IsmsRiskSuggestion {
  key: string;
  kind: IsmsRiskKind;
  category: string;
  aim: (typeof ISMS_RISK_AIMS)[number];
  title: string;
  description: string;
  effect: string;
  evaluationMethod: string;
}

export const ISMS_RISK_SUGGESTIONS: readonly IsmsRiskSuggestion[] = [
  {
    key: 'unclear_responsibilities',
    kind: 'risk',
    category: 'unclear_responsibilities',
    aim: 'intended_outcomes',
    title: 'ISMS tasks fall between roles',
    description:
      'Some recurring ISMS tasks (reviewing access rights, keeping the asset inventory, following up audit findings) have no named person, or two teams each think the other does them.',
    effect:
      'Tasks are done late or not at all and nobody notices until an audit; controls that look implemented on paper stop working.',
    evaluationMethod:
      'Every ISMS process and recurring task has a named owner in the RACI; the next internal audit finds no task without an owner and no overdue recurring task.',
  },
  {
    key: 'weak_awareness',
    kind: 'risk',
    category: 'weak_awareness',
    aim: 'intended_outcomes',
    title: 'Staff do not know their part in information security',
    description:
      'People have read the policy once but do not know what it asks of them in their daily work, how to report an incident or why it matters.',
    effect:
      'Incidents go unreported, rules are worked around, and the controls that depend on people do not deliver what the ISMS expects of them.',
    evaluationMethod:
      'Awareness check after each session (at least 85% correct answers); phishing-simulation reporting rate rising quarter on quarter; incident reports from staff counted in the monitoring results.',
  },
  {
    key: 'poor_management_engagement',
    kind: 'risk',
    category: 'poor_management_engagement',
    aim: 'intended_outcomes',
    title: 'Top management sees the ISMS as a certificate to obtain',
    description:
      'Leaders support the project at the start but do not attend reviews, decide late on risks and resources, and rarely speak about security.',
    effect:
      'Decisions stall, resources do not follow, and staff read the silence as permission to treat security as optional.',
    evaluationMethod:
      'Management reviews held as planned with every member present; decisions recorded with owners and dates; share of review actions completed on time.',
  },
  {
    key: 'insufficient_resources',
    kind: 'risk',
    category: 'insufficient_resources',
    aim: 'intended_outcomes',
    title: 'Too little time and budget to run the ISMS',
    description:
      'ISMS work comes on top of people’s normal jobs and there is no budget line for tools, training or external help.',
    effect:
      'Treatment plans slip, evidence is gathered in a rush before audits, and the people doing the work burn out or leave.',
    evaluationMethod:
      'Planned ISMS hours and budget approved in the annual plan; share of treatment actions completed by their due date above 80%.',
  },
  {
    key: 'risk_owners_unaware',
    kind: 'risk',
    category: 'weak_risk_management',
    aim: 'undesired_effects',
    title: 'Risk owners do not know or manage their risks',
    description:
      'Information security risks are assessed by the security team alone; the people named as risk owners have not seen their risks or accepted the residual levels.',
    effect:
      'Risks are not treated to an acceptable level by the people with the authority to do so, which is what the ISMS is meant to achieve.',
    evaluationMethod:
      'Each risk owner has reviewed and signed off their risks in the last assessment; no open risk above the acceptance criteria without a treatment decision.',
  },
  {
    key: 'stale_risk_assessment',
    kind: 'risk',
    category: 'weak_risk_management',
    aim: 'undesired_effects',
    title: 'The risk assessment is not kept up to date',
    description:
      'Risks were assessed once for certification; changes to systems, suppliers and threats since then have not triggered a reassessment.',
    effect: 'New risks go unseen and the treatment plan protects against yesterday’s threats.',
    evaluationMethod:
      'Assessment repeated at the planned interval; every significant change and incident in the period checked for a reassessment trigger.',
  },
  {
    key: 'stale_documentation',
    kind: 'risk',
    category: 'ineffective_processes',
    aim: 'continual_improvement',
    title: 'ISMS documents and records fall out of date',
    description:
      'Policies and procedures describe how things were done when they were written; reviews are overdue and nobody is sure which version is current.',
    effect:
      'People follow outdated instructions, weaknesses in the management processes are not detected, and the ISMS stops improving.',
    evaluationMethod:
      'No controlled document past its review date; internal audit samples find procedures that match practice.',
  },
  {
    key: 'scope_gap',
    kind: 'risk',
    category: 'inappropriate_scope',
    aim: 'intended_outcomes',
    title: 'The scope leaves out something the ISMS outcomes depend on',
    description:
      'A service, site or supplier interface that customers rely on was left outside the scope to make certification easier.',
    effect:
      'The certificate does not cover what customers think it covers; an incident outside the scope still damages trust in the ISMS.',
    evaluationMethod:
      'Scope reviewed against the services sold and the interfaces with suppliers at each management review; no customer requirement depends on an excluded part.',
  },
  {
    key: 'integration_failure',
    kind: 'risk',
    category: 'integration_failure',
    aim: 'intended_outcomes',
    title: 'The ISMS runs beside the business instead of inside it',
    description:
      'Security steps are separate checklists rather than part of procurement, hiring, change and project processes.',
    effect:
      'The steps are skipped under time pressure and the ISMS becomes paperwork that does not change how work is done.',
    evaluationMethod:
      'Security steps present in the procurement, onboarding and change procedures; sampled changes and purchases show the step was done.',
  },
  {
    key: 'certified_tenders',
    kind: 'opportunity',
    category: 'new_markets',
    aim: 'intended_outcomes',
    title: 'Win tenders and customers that require a certified ISMS',
    description: 'Larger customers and public bodies list ISO/IEC 27001 certification as a condition to bid.',
    effect:
      'Certification opens markets that are closed today; pursuing them brings new requirements and new risks to consider.',
    evaluationMethod:
      'Number of tenders entered and won that required certification, reported at each management review.',
  },
  {
    key: 'faster_questionnaires',
    kind: 'opportunity',
    category: 'customer_trust',
    aim: 'intended_outcomes',
    title: 'Answer customer security questionnaires from ISMS evidence',
    description:
      'Sales spends days on each security questionnaire; the ISMS already holds the policies, SoA and evidence they ask about.',
    effect: 'Shorter sales cycles and more consistent answers build customer trust in the ISMS.',
    evaluationMethod:
      'Average time to answer a questionnaire, measured before and six months after a reusable answer library is in place.',
  },
  {
    key: 'partnerships',
    kind: 'opportunity',
    category: 'business_partnerships',
    aim: 'intended_outcomes',
    title: 'Become the assured partner of larger organizations',
    description:
      'Partners that must show their own supply chain is secure prefer suppliers whose ISMS they can rely on.',
    effect: 'New partnerships widen the business and add interfaces the scope and risk assessment must cover.',
    evaluationMethod:
      'Partnership agreements signed where the ISMS was a stated factor; partner audits passed without major findings.',
  },
  {
    key: 'less_overhead',
    kind: 'opportunity',
    category: 'process_simplification',
    aim: 'continual_improvement',
    title: 'Cut administrative overhead in ISMS processes',
    description:
      'A young ISMS usually has unclear hand-overs, duplicated approvals and steps that cost more than they bring.',
    effect:
      'Clearer interfaces and fewer steps free time for the controls that matter and make the processes easier to follow.',
    evaluationMethod:
      'Time spent on the process before and after the change (e.g. hours per access review); no loss of control effectiveness in the next audit.',
  },
  {
    key: 'simpler_documents',
    kind: 'opportunity',
    category: 'better_documentation',
    aim: 'continual_improvement',
    title: 'Consolidate and simplify the policy set',
    description: 'Overlapping policies written at different times repeat and sometimes contradict each other.',
    effect: 'Fewer, shorter documents are read, understood and kept current.',
    evaluationMethod:
      'Number of controlled documents and pages reduced; staff acknowledgement rate and awareness results no lower than before.',
  },
  {
    key: 'automation',
    kind: 'opportunity',
    category: 'automation',
    aim: 'continual_improvement',
    title: 'Automate evidence collection and routine controls',
    description: 'Access reviews, patch reports and backup checks are assembled by hand from several systems.',
    effect: 'Automation makes controls run on time and evidence available at any moment, not only before audits.',
    evaluationMethod:
      'Share of recurring controls whose evidence is produced automatically; missed control runs per quarter.',
  },
  {
    key: 'integrated_management',
    kind: 'opportunity',
    category: 'integration_with_other_systems',
    aim: 'continual_improvement',
    title: 'Run the ISMS together with the other management systems',
    description:
      'Quality and privacy management already have document control, internal audits and management reviews of their own.',
    effect: 'Shared processes avoid duplicate work and give management one view of its risks and opportunities.',
    evaluationMethod:
      'Joint internal audit and management review held; time spent on audits and reviews compared with the year before.',
  },
];

export function findSuggestion(key: string): IsmsRiskSuggestion | undefined {
  return ISMS_RISK_SUGGESTIONS.find((s) => s.key === key);
}
