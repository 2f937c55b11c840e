import type { Role } from './roles.js';

/**
 * The one place where permissions are declared: entity → action → roles allowed.
 * Every API route names one of these (route config `permission`); a test fails when a route has none.
 * auditor: reads everything, writes only audit records (the internal-audit module adds its entities here).
 * approver (top management): reads everything and approves.
 */
const ALL: readonly Role[] = ['admin', 'isms_manager', 'contributor', 'auditor', 'approver', 'viewer'];
const EDITORS: readonly Role[] = ['admin', 'isms_manager', 'contributor'];
const MANAGERS: readonly Role[] = ['admin', 'isms_manager'];
const ADMINS: readonly Role[] = ['admin'];
const APPROVERS: readonly Role[] = ['approver'];
/** who writes internal audits and their checklists: managers and auditors */
const AUDIT_WRITERS: readonly Role[] = ['admin', 'isms_manager', 'auditor'];
/** Everyone except viewers may create API tokens for automation. */
const TOKEN_USERS: readonly Role[] = ['admin', 'isms_manager', 'contributor', 'auditor', 'approver'];

export const PERMISSIONS = {
  org: { read: ALL },
  members: { read: ALL, manage: ADMINS },
  tokens: { read: TOKEN_USERS, create: TOKEN_USERS, manageAll: ADMINS },
  audit: { read: ['admin', 'isms_manager', 'auditor', 'approver'] },
  action: { read: ALL, export: ALL, create: EDITORS, update: EDITORS, import: EDITORS, delete: MANAGERS },
  links: { read: ALL, create: EDITORS, delete: EDITORS },
  // Top management approves the scope; keeping approval apart from editing is deliberate (segregation of duties).
  scope: {
    read: ALL,
    export: ALL,
    create: MANAGERS,
    update: MANAGERS,
    import: MANAGERS,
    delete: MANAGERS,
    approve: APPROVERS,
  },
  // Context of the organization (4.1) and interested parties (4.2).
  issue: { read: ALL, export: ALL, create: EDITORS, update: EDITORS, import: EDITORS, delete: MANAGERS },
  interested_party: { read: ALL, export: ALL, create: EDITORS, update: EDITORS, import: EDITORS, delete: MANAGERS },
  requirement: { read: ALL, export: ALL, create: EDITORS, update: EDITORS, import: EDITORS, delete: MANAGERS },
  // Whether climate change is a relevant issue is an organization-level determination, recorded by managers.
  climate_decision: { read: ALL, update: MANAGERS },
  // ISMS processes and their interactions (4.4).
  isms_process: { read: ALL, export: ALL, create: EDITORS, update: EDITORS, import: EDITORS, delete: MANAGERS },
  process_interaction: { read: ALL, export: ALL, create: EDITORS, update: EDITORS, import: EDITORS, delete: MANAGERS },
  // Roles, their assignments and the RACI define authority in the ISMS: managed by ISMS managers (5.3).
  isms_role: {
    read: ALL,
    export: ALL,
    create: MANAGERS,
    update: MANAGERS,
    import: MANAGERS,
    delete: MANAGERS,
    seed: MANAGERS,
  },
  isms_activity: { read: ALL, export: ALL, create: MANAGERS, update: MANAGERS, import: MANAGERS, delete: MANAGERS },
  role_assignment: { read: ALL, export: ALL, create: MANAGERS, update: MANAGERS, import: MANAGERS, delete: MANAGERS },
  raci: { read: ALL, export: ALL, update: MANAGERS },
  leadership_commitment: {
    read: ALL,
    export: ALL,
    create: MANAGERS,
    update: MANAGERS,
    import: MANAGERS,
    delete: MANAGERS,
  },
  // Assets and the threat and vulnerability catalogs (6.1.2 c): whoever knows the systems records them; archiving is
  // for managers. A dependency is an edge of the asset map that editors remove as they add it (like a link).
  // Loading the starting catalog only adds entries a contributor could add one by one.
  asset: { read: ALL, export: ALL, create: EDITORS, update: EDITORS, import: EDITORS, delete: MANAGERS },
  asset_dependency: { read: ALL, export: ALL, create: EDITORS, update: EDITORS, import: EDITORS, delete: EDITORS },
  threat: {
    read: ALL,
    export: ALL,
    create: EDITORS,
    update: EDITORS,
    import: EDITORS,
    delete: MANAGERS,
    seed: EDITORS,
  },
  vulnerability: { read: ALL, export: ALL, create: EDITORS, update: EDITORS, import: EDITORS, delete: MANAGERS },
  // The risk methodology sets the acceptance criteria: managers write it, top management approves it (6.1.2 a).
  risk_methodology: {
    read: ALL,
    export: ALL,
    create: MANAGERS,
    update: MANAGERS,
    import: MANAGERS,
    delete: MANAGERS,
    approve: APPROVERS,
  },
  // Risk owners analyse their risks: contributors edit risks; closing assessments and triggers belong to managers.
  risk: { read: ALL, export: ALL, create: EDITORS, update: EDITORS, import: EDITORS, delete: MANAGERS },
  risk_assessment: {
    read: ALL,
    export: ALL,
    create: MANAGERS,
    update: MANAGERS,
    import: MANAGERS,
    delete: MANAGERS,
    close: MANAGERS,
  },
  reassessment_trigger: { read: ALL, export: ALL, create: EDITORS, update: EDITORS, import: EDITORS, delete: MANAGERS },
  // ISMS-level risks and opportunities (6.1.1): recorded like the issues and requirements they come from.
  isms_risk: { read: ALL, export: ALL, create: EDITORS, update: EDITORS, import: EDITORS, delete: MANAGERS },
  // Evidence files: whoever does the work files its proof; archiving evidence is for managers. Everyone who reads
  // the ISMS (auditors first) may read and download it. Attaching and detaching are links (links.create/delete).
  control: {
    read: ALL,
    export: ALL,
    create: MANAGERS,
    update: MANAGERS,
    import: MANAGERS,
    delete: MANAGERS,
    choose_edition: MANAGERS,
  },
  // accepting is further limited to the risk's own owner (checked in core)
  risk_treatment: { read: ALL, update: EDITORS, accept: ['admin', 'isms_manager', 'contributor', 'approver'] },
  risk_treatment_plan: {
    read: ALL,
    export: ALL,
    create: MANAGERS,
    update: MANAGERS,
    import: MANAGERS,
    delete: MANAGERS,
    approve: APPROVERS,
  },
  soa: {
    read: ALL,
    export: ALL,
    create: MANAGERS,
    update: MANAGERS,
    import: MANAGERS,
    delete: MANAGERS,
    approve: APPROVERS,
  },
  // Documented information (7.5): whoever writes documents drafts them; named approvers (or top management) approve;
  // managers publish, withdraw, remind and propose disposal; top management approves a disposal (it destroys
  // approved text). Everyone acknowledges what was published to them. Reading is further limited by classification.
  document: {
    read: ALL,
    export: ALL,
    create: EDITORS,
    update: EDITORS,
    import: EDITORS,
    delete: MANAGERS,
    approve: ['admin', 'isms_manager', 'approver'],
    publish: MANAGERS,
    review: EDITORS,
    acknowledge: ALL,
    dispose: MANAGERS,
    approve_disposal: ['admin', 'approver'],
    set_scheme: MANAGERS,
  },
  evidence: { read: ALL, export: ALL, create: EDITORS, update: EDITORS, delete: MANAGERS },
  // Internal audit (9.2). The auditor role writes audit records and their checklists and nothing else in the ISMS;
  // managers plan the programme, top management approves it. The lead auditor approves an audit's report (named
  // signer, checked in core); the report goes to top management.
  audit_programme: {
    read: ALL,
    export: ALL,
    create: MANAGERS,
    update: MANAGERS,
    import: MANAGERS,
    delete: MANAGERS,
    approve: APPROVERS,
  },
  internal_audit: {
    read: ALL,
    export: ALL,
    create: AUDIT_WRITERS,
    update: AUDIT_WRITERS,
    import: AUDIT_WRITERS,
    delete: AUDIT_WRITERS,
    approve: AUDIT_WRITERS,
  },
  // Raising a finding (a nonconformity from a major/minor NC, an improvement from an observation or OFI) is the
  // audit's own output, so it is an audit permission, not nonconformity.create / improvement.create: the auditor
  // role raises what it found and still writes nothing else. Core narrows it further: only the audit's lead auditor
  // raises a nonconformity (they agree its follow-up plan, 27003 9.2: 403 for anyone else); an improvement is
  // raised by a member of the audit team or an ISMS manager (admin included).
  audit_checklist: { read: ALL, write: AUDIT_WRITERS, raise: AUDIT_WRITERS },
  // Nonconformities (10.2): whoever handles them records correction, decision, causes and reviews; closing one is
  // the ISMS manager's (or an admin's) call.
  nonconformity: {
    read: ALL,
    export: ALL,
    create: EDITORS,
    update: EDITORS,
    import: EDITORS,
    delete: MANAGERS,
    close: MANAGERS,
  },
  // Improvements (10.1): anyone in the organization may suggest one (viewers and auditors too: a suggestion box
  // open to all is what 27003 10.1 asks for); evaluating and following them up is for editors.
  improvement: {
    read: ALL,
    export: ALL,
    create: EDITORS,
    update: EDITORS,
    import: EDITORS,
    delete: MANAGERS,
    suggest: ALL,
  },
  // Monitoring and measurement (9.1). Recording a result by hand and evaluating a period are the analyst's work
  // (editors: 27003 9.1 names who analyses, usually the measure's owner, not an auditor, who reviews instead).
  // Pushing results is for automation accounts of an editing role; a viewer token is refused.
  // Feedback from interested parties (9.3.2 e): recorded by editors, like the other context registers.
  party_feedback: { read: ALL, export: ALL, create: EDITORS, update: EDITORS, import: EDITORS, delete: MANAGERS },
  measure: {
    read: ALL,
    export: ALL,
    create: EDITORS,
    update: EDITORS,
    import: EDITORS,
    delete: MANAGERS,
    evaluate: EDITORS,
  },
  measure_result: { record: EDITORS, push: EDITORS, import: EDITORS },
  // Objectives (6.2): editors set them and record progress and communication; closing one (achieved, missed,
  // withdrawn) is the ISMS manager's call; the documented set is approved by top management like the SoA.
  objective: {
    read: ALL,
    export: ALL,
    create: EDITORS,
    update: EDITORS,
    import: EDITORS,
    delete: MANAGERS,
    progress: EDITORS,
    communicate: EDITORS,
    close: MANAGERS,
  },
  objectives_document: {
    read: ALL,
    export: ALL,
    create: MANAGERS,
    update: MANAGERS,
    import: MANAGERS,
    delete: MANAGERS,
    approve: APPROVERS,
  },
  // Management review (9.3): managers prepare it; the minutes are approved by the chair, who is top management (a
  // member holding the approver role), so approving is the approvers' alone; the approval rule narrows it to the chair.
  management_review: {
    read: ALL,
    export: ALL,
    create: MANAGERS,
    update: MANAGERS,
    import: MANAGERS,
    delete: MANAGERS,
    approve: APPROVERS,
  },
  management_review_decision: {
    read: ALL,
    export: ALL,
    create: EDITORS,
    update: EDITORS,
    import: EDITORS,
    delete: MANAGERS,
  },
} as const satisfies Record<string, Record<string, readonly Role[]>>;

type Perms = typeof PERMISSIONS;
export type Permission = { [E in keyof Perms]: `${E & string}.${keyof Perms[E] & string}` }[keyof Perms];

export function allowedRoles(permission: string): readonly Role[] | undefined {
  const [entity, action] = permission.split('.');
  const byAction = (PERMISSIONS as Record<string, Record<string, readonly Role[]>>)[entity ?? ''];
  return byAction?.[action ?? ''];
}

export function can(role: Role, permission: Permission | string): boolean {
  return allowedRoles(permission)?.includes(role) ?? false;
}

export function permissionsOf(role: Role): Permission[] {
  const out: string[] = [];
  for (const [entity, actions] of Object.entries(PERMISSIONS)) {
    for (const [action, roles] of Object.entries(actions)) {
      if ((roles as readonly Role[]).includes(role)) out.push(`${entity}.${action}`);
    }
  }
  return out as Permission[];
}
