import type { RaciValue } from './raci.schema.js';
import type { ROLE_TYPES } from './isms-role.register.js';

/**
 * The starting set offered to an organization that defines its ISMS roles (27003 5.3): the activities whose
 * responsibilities must be given to someone (a–f, plus two approvals every ISMS needs), one role per activity, the
 * ordinary roles that carry security duties (g–n), and a suggested RACI. Each item has a stable key so that adding
 * the set again creates only what is missing, even after the organization renamed or rewrote what it got.
 */
export interface StarterRole {
  key: string;
  name: string;
  roleType: (typeof ROLE_TYPES)[number];
  responsibilities: string;
  authorities: string;
  reportsTo?: string;
}
export interface StarterActivity {
  key: string;
  name: string;
  description: string;
  clauses: string;
  position: number;
}

export const STARTER_ACTIVITIES: readonly StarterActivity[] = [
  {
    key: 'coordinate_isms',
    position: 10,
    name: 'Coordinate the ISMS',
    clauses: '4.4, 9.1, 10.2',
    description: 'Set up, run, keep up to date and improve the management system, and report on how it performs.',
  },
  {
    key: 'advise_risk',
    position: 20,
    name: 'Advise on information security risk',
    clauses: '6.1.2, 6.1.3, 8.2, 8.3',
    description: 'Guide risk owners through assessing risks and choosing how to treat them.',
  },
  {
    key: 'design_security',
    position: 30,
    name: 'Design security processes and systems',
    clauses: '8.1',
    description: 'Shape the processes and technical systems that deliver information security.',
  },
  {
    key: 'set_control_standards',
    position: 40,
    name: 'Set standards for controls',
    clauses: '6.1.3, 8.1',
    description: 'Decide how controls are chosen, configured and operated, and write that down as standards.',
  },
  {
    key: 'manage_incidents',
    position: 50,
    name: 'Manage information security incidents',
    clauses: '8.1',
    description: 'Receive reports of events, decide which are incidents, respond and learn from them.',
  },
  {
    key: 'review_audit',
    position: 60,
    name: 'Review and audit the ISMS',
    clauses: '9.2, 9.3',
    description: 'Check independently that the ISMS conforms and works, and bring the results to top management.',
  },
  {
    key: 'approve_policies',
    position: 70,
    name: 'Approve policies',
    clauses: '5.2',
    description: 'Approve the information security policy and the topic-specific policies under it.',
  },
  {
    key: 'accept_risks',
    position: 80,
    name: 'Accept residual risks',
    clauses: '6.1.3, 8.3',
    description: 'Approve the treatment plan and accept the risks that remain after treatment.',
  },
];

export const STARTER_ROLES: readonly StarterRole[] = [
  {
    key: 'top_management',
    name: 'Top management',
    roleType: 'top_management',
    responsibilities:
      'Answers for the ISMS as a whole: sets direction, provides resources, chairs the management review.',
    authorities:
      'Approves the scope, the policy, the risk acceptance criteria and the major ISMS roles; accepts residual risks.',
  },
  {
    key: 'isms_manager',
    name: 'ISMS manager',
    roleType: 'isms_manager',
    reportsTo: 'top_management',
    responsibilities:
      'Coordinates setting up, running, maintaining and improving the ISMS; reports its performance to top management.',
    authorities: 'Calls on process and asset owners for information and action; proposes changes to the ISMS.',
  },
  {
    key: 'risk_adviser',
    name: 'Information security risk adviser',
    roleType: 'security_specialist',
    reportsTo: 'isms_manager',
    responsibilities:
      'Advises risk owners on assessing and treating information security risks; keeps the methodology current.',
    authorities: 'Challenges risk ratings and treatment choices before they go for approval.',
  },
  {
    key: 'security_architect',
    name: 'Security architect',
    roleType: 'security_specialist',
    reportsTo: 'isms_manager',
    responsibilities: 'Designs security into processes and systems, from requirements to acceptance.',
    authorities: 'Signs off the security design of new or changed systems.',
  },
  {
    key: 'control_standards_lead',
    name: 'Control standards lead',
    roleType: 'security_specialist',
    reportsTo: 'isms_manager',
    responsibilities: 'Writes and maintains the standards for choosing, configuring and operating controls.',
    authorities: 'Issues control standards and grants documented exceptions.',
  },
  {
    key: 'incident_manager',
    name: 'Incident manager',
    roleType: 'incident_manager',
    reportsTo: 'isms_manager',
    responsibilities: 'Runs the handling of information security incidents from report to lessons learned.',
    authorities: 'Convenes the response team and orders containment measures during an incident.',
  },
  {
    key: 'internal_auditor',
    name: 'Internal auditor',
    roleType: 'auditor',
    reportsTo: 'top_management',
    responsibilities: 'Plans and carries out internal audits of the ISMS and reports findings.',
    authorities: 'Has access to every record and person in the audit scope; never audits their own work.',
  },
  {
    key: 'information_owner',
    name: 'Information owner',
    roleType: 'information_owner',
    responsibilities: 'Decides how a body of information is classified, who may use it and how it is protected.',
    authorities: 'Grants or refuses access to the information they own.',
  },
  {
    key: 'process_owner',
    name: 'Process owner',
    roleType: 'process_owner',
    responsibilities: 'Builds the ISMS requirements and controls into the process they own and keeps them working.',
    authorities: 'Changes the process to meet security requirements.',
  },
  {
    key: 'asset_owner',
    name: 'Asset owner',
    roleType: 'asset_owner',
    responsibilities: 'Keeps an application or piece of infrastructure inventoried, protected and maintained.',
    authorities: 'Approves changes to the asset and its access rights.',
  },
  {
    key: 'risk_owner',
    name: 'Risk owner',
    roleType: 'risk_owner',
    responsibilities: 'Answers for a risk: assesses it with the adviser, chooses its treatment, follows the actions.',
    authorities: 'Accepts residual risk within the acceptance criteria.',
  },
  {
    key: 'security_coordinator',
    name: 'Local security coordinator',
    roleType: 'security_coordinator',
    reportsTo: 'isms_manager',
    responsibilities:
      'Supports the ISMS in a department or site: relays requirements, collects evidence, raises issues.',
    authorities: 'Asks colleagues in their area for ISMS information.',
  },
  {
    key: 'project_manager',
    name: 'Project manager',
    roleType: 'project_manager',
    responsibilities: 'Makes sure projects identify and meet their information security requirements.',
    authorities: 'Plans security work and budget within the project.',
  },
  {
    key: 'line_manager',
    name: 'Line manager',
    roleType: 'line_manager',
    responsibilities: 'Makes sure their staff know and follow the policies and complete awareness activities.',
    authorities: 'Requests and removes access for their staff.',
  },
  {
    key: 'information_user',
    name: 'Information user',
    roleType: 'information_user',
    responsibilities: 'Uses information as the policies say and reports events and weaknesses.',
    authorities: 'Uses the information and systems their job requires.',
  },
];

/** Suggested RACI for the starting set: activity key → role key → value (one A per activity). */
export const STARTER_RACI: Readonly<Record<string, Readonly<Record<string, RaciValue>>>> = {
  coordinate_isms: { top_management: 'A', isms_manager: 'R', security_coordinator: 'C', internal_auditor: 'I' },
  advise_risk: { isms_manager: 'A', risk_adviser: 'R', risk_owner: 'C', top_management: 'I' },
  design_security: {
    isms_manager: 'A',
    security_architect: 'R',
    process_owner: 'C',
    asset_owner: 'C',
    project_manager: 'C',
  },
  set_control_standards: {
    isms_manager: 'A',
    control_standards_lead: 'R',
    asset_owner: 'C',
    security_architect: 'C',
    line_manager: 'I',
  },
  manage_incidents: {
    isms_manager: 'A',
    incident_manager: 'R',
    asset_owner: 'C',
    information_user: 'I',
    top_management: 'I',
  },
  review_audit: { top_management: 'A', internal_auditor: 'R', isms_manager: 'C' },
  approve_policies: { top_management: 'A', isms_manager: 'R', line_manager: 'I', information_user: 'I' },
  accept_risks: { top_management: 'A', risk_owner: 'R', risk_adviser: 'C', isms_manager: 'C' },
};
