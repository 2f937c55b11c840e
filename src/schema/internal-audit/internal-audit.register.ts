import { z } from 'zod';
import { intInput, versionNoInput } from '../common/primitives.js';
import { defineRegister } from '../register/define-register.js';
import { VERSION_STATES, defineVersioned } from '../versioning/versioned.js';
import { followUpSchema, raisedSchema } from './audit-follow-up.schema.js';
import { ISMS_REQUIREMENT_KEYS } from './isms-requirements.js';

/** Where an internal audit stands (27001 9.2.2: plan, conduct, report). */
export const AUDIT_STATUSES = ['planned', 'in_progress', 'reporting', 'completed', 'cancelled'] as const;
export type AuditStatus = (typeof AUDIT_STATUSES)[number];
/** The moves an audit may make; everything else is refused naming `body.to`. */
export const AUDIT_TRANSITIONS: Record<AuditStatus, readonly AuditStatus[]> = {
  planned: ['in_progress', 'cancelled'],
  in_progress: ['reporting', 'cancelled'],
  reporting: ['completed', 'in_progress'],
  completed: [],
  cancelled: [],
};

export const TEAM_ROLES = ['lead', 'auditor', 'observer', 'expert'] as const;
export const CONCLUSIONS = ['not_assessed', 'conforms', 'major_nc', 'minor_nc', 'observation', 'ofi'] as const;
export type Conclusion = (typeof CONCLUSIONS)[number];
/** Conclusions that are findings (everything but conforms and not assessed). */
export const FINDING_CONCLUSIONS: readonly Conclusion[] = ['major_nc', 'minor_nc', 'observation', 'ofi'];
export const CHECKLIST_SOURCES = ['requirement', 'control', 'key_control', 'added'] as const;
export const CHECKLIST_LINK_KINDS = ['evidence', 'sample', 'object'] as const;

/**
 * An internal audit (27001 9.2): scope, criteria (clauses, the SoA, documents through links), team, dates, status;
 * the checklist, findings and report hang off it. The report is this record's versioned content.
 */
export const internalAuditRegister = defineRegister({
  entity: 'internal_audit',
  collection: 'internal-audits',
  table: 'internal_audits',
  refPrefix: 'AUD',
  title: 'internal-audits.title',
  titleField: 'title',
  defaultSort: { field: 'ref', order: 'asc' },
  fields: {
    title: {
      kind: 'text',
      label: 'internal-audits.field.title',
      required: true,
      inList: true,
      sortable: true,
      searchable: true,
    },
    programmeId: { kind: 'record', target: 'audit_programme', label: 'internal-audits.field.programme' },
    plannedAuditKey: { kind: 'text', label: 'internal-audits.field.plannedAuditKey', maxLength: 40, filterable: true },
    scope: { kind: 'longtext', label: 'internal-audits.field.scope', maxLength: 20_000 },
    clauses: {
      kind: 'text',
      label: 'internal-audits.field.clauses',
      help: 'internal-audits.help.clauses',
      maxLength: 1000,
      inList: true,
    },
    soaCriterion: { kind: 'boolean', label: 'internal-audits.field.soaCriterion', default: false },
    status: {
      kind: 'enum',
      label: 'internal-audits.field.status',
      options: AUDIT_STATUSES,
      readOnly: true,
      inList: true,
      filterable: true,
    },
    plannedStart: { kind: 'date', label: 'internal-audits.field.plannedStart', inList: true, sortable: true },
    plannedEnd: { kind: 'date', label: 'internal-audits.field.plannedEnd', sortable: true },
    actualStart: { kind: 'date', label: 'internal-audits.field.actualStart', sortable: true },
    actualEnd: { kind: 'date', label: 'internal-audits.field.actualEnd', sortable: true },
    leadAuditorId: {
      kind: 'member',
      label: 'internal-audits.field.leadAuditor',
      help: 'internal-audits.help.leadAuditor',
      inList: true,
      filterable: true,
    },
    auditees: { kind: 'longtext', label: 'internal-audits.field.auditees', maxLength: 5000 },
    auditPlan: { kind: 'longtext', label: 'internal-audits.field.auditPlan', maxLength: 50_000 },
    latestVersion: { kind: 'integer', label: 'versions.field.latestVersion', readOnly: true },
    latestState: {
      kind: 'enum',
      label: 'versions.field.latestState',
      options: VERSION_STATES,
      readOnly: true,
      filterable: true,
    },
    approvedVersion: { kind: 'integer', label: 'versions.field.approvedVersion', readOnly: true },
  },
});

/** An auditor auditing something they own or are assigned to does it only with a written justification. */
export const independenceExceptionSchema = z.strictObject({ justification: z.string().trim().min(10).max(2000) });

export const teamBodySchema = z.strictObject({
  members: z
    .array(z.strictObject({ userId: z.uuid(), role: z.enum(TEAM_ROLES) }))
    .max(50)
    .superRefine((m, ctx) => {
      const seen = new Set<string>();
      m.forEach((x, i) => {
        if (seen.has(x.userId)) ctx.addIssue({ code: 'custom', path: [i, 'userId'], message: 'Listed twice' });
        seen.add(x.userId);
      });
    }),
  independenceException: independenceExceptionSchema.optional(),
});
export type TeamBody = z.infer<typeof teamBodySchema>;

export const scopeProcessesBodySchema = z.strictObject({
  processIds: z.array(z.uuid()).max(200),
  independenceException: independenceExceptionSchema.optional(),
});

export const transitionBodySchema = z.strictObject({
  to: z.enum(AUDIT_STATUSES),
  /** the audit's version the caller read; another writer's change first answers 409 */
  expectedVersion: versionNoInput(),
});

const person = z.object({ id: z.string(), name: z.string(), email: z.string() });
export const teamMemberSchema = z.object({ userId: z.string(), name: z.string(), role: z.enum(TEAM_ROLES) });
export const independenceExceptionRowSchema = z.object({
  id: z.string(),
  auditorId: z.string(),
  auditorName: z.string(),
  field: z.string(),
  objectType: z.string(),
  objectId: z.string(),
  objectRef: z.string(),
  reason: z.string(),
  justification: z.string(),
  createdAt: z.string(),
});
export const teamResponseSchema = z.object({
  members: z.array(teamMemberSchema),
  exceptions: z.array(independenceExceptionRowSchema),
});
export const scopeProcessesResponseSchema = z.object({
  processes: z.array(z.object({ id: z.string(), ref: z.string(), title: z.string() })),
  exceptions: z.array(independenceExceptionRowSchema),
});

/** What earlier audits left to follow up in this audit's scope (9.2.2: results of previous audits). */
export const previousResultsSchema = z.object({
  previousAudit: z.object({ id: z.string(), ref: z.string(), title: z.string() }).nullable(),
  findings: z.array(
    z.object({
      auditRef: z.string(),
      itemId: z.string(),
      title: z.string(),
      clause: z.string().nullable(),
      requirementKey: z.string().nullable(),
      conclusion: z.enum(CONCLUSIONS),
      notes: z.string().nullable(),
    }),
  ),
});

export const checklistLinkSchema = z.object({
  id: z.string(),
  kind: z.enum(CHECKLIST_LINK_KINDS),
  targetType: z.string(),
  targetId: z.string(),
  ref: z.string(),
  title: z.string(),
});
export const checklistItemSchema = z.object({
  id: z.string(),
  seq: z.number().int(),
  source: z.enum(CHECKLIST_SOURCES),
  requirementKey: z.string().nullable(),
  clause: z.string().nullable(),
  clause2013: z.string().nullable(),
  controlId: z.string().nullable(),
  controlRef: z.string().nullable(),
  title: z.string(),
  conclusion: z.enum(CONCLUSIONS),
  notes: z.string().nullable(),
  version: z.number().int(),
  links: z.array(checklistLinkSchema),
  /** the nonconformity or improvement raised from this finding (POST …/checklist/{itemId}/raise) */
  raised: raisedSchema.nullable(),
  /** a nonconformity finding's follow-up plan, agreed with the lead auditor (27003 9.2 i–l) */
  followUp: followUpSchema.nullable(),
});
export type ChecklistItem = z.infer<typeof checklistItemSchema>;
export const checklistResponseSchema = z.object({ items: z.array(checklistItemSchema) });
export const generateResponseSchema = z.object({ added: z.number().int(), items: z.array(checklistItemSchema) });

export const addItemBodySchema = z.strictObject({
  title: z.string().trim().min(1).max(500),
  requirementKey: z.enum(ISMS_REQUIREMENT_KEYS).optional(),
  controlId: z.uuid().optional(),
});
export const itemPatchSchema = z.strictObject({
  conclusion: z.enum(CONCLUSIONS).optional(),
  notes: z.string().trim().max(20_000).nullable().optional(),
  expectedVersion: versionNoInput(),
});
export const itemLinkBodySchema = z.strictObject({
  kind: z.enum(CHECKLIST_LINK_KINDS),
  targetType: z.string().min(1).max(64),
  targetId: z.uuid(),
  independenceException: independenceExceptionSchema.optional(),
});

export const findingsResponseSchema = z.object({
  items: z.array(checklistItemSchema),
  byClause: z.array(z.object({ clause: z.string(), count: z.number().int() })),
  byControl: z.array(z.object({ controlRef: z.string(), count: z.number().int() })),
});

export const distributionBodySchema = z.strictObject({
  memberIds: z.array(z.uuid()).min(1).max(50),
  note: z.string().trim().max(2000).optional(),
});
export const distributionSchema = z.object({
  id: z.string(),
  versionNo: z.number().int(),
  members: z.array(person),
  note: z.string().nullable(),
  distributedAt: z.string(),
  distributedBy: z.string().nullable(),
});
export const distributionsResponseSchema = z.object({ items: z.array(distributionSchema) });

/** The audit report's frozen facts: what the server copies into each draft (prepareDraft). */
export const auditFactsSchema = z.object({
  scope: z.string().nullable(),
  criteria: z.array(z.string()),
  team: z.array(z.object({ name: z.string(), role: z.string() })),
  exceptions: z.array(z.object({ auditor: z.string(), object: z.string(), justification: z.string() })),
  findingsByClause: z.array(z.object({ clause: z.string(), title: z.string(), conclusion: z.string() })),
  findingsByControl: z.array(z.object({ control: z.string(), title: z.string(), conclusion: z.string() })),
  counts: z.record(z.string(), intInput(0)),
});
export type AuditFacts = z.infer<typeof auditFactsSchema>;
export const EMPTY_AUDIT_FACTS: AuditFacts = {
  scope: null,
  criteria: [],
  team: [],
  exceptions: [],
  findingsByClause: [],
  findingsByControl: [],
  counts: {},
};

export const auditReportVersioned = defineVersioned({
  entity: 'internal_audit',
  documentTitle: 'Internal audit report',
  approvalMeaning: 'Approved by the lead auditor as the report of this audit',
  sections: [
    { kind: 'text', key: 'summary', label: 'internal-audits.section.summary' },
    {
      kind: 'data',
      key: 'facts',
      label: 'internal-audits.section.facts',
      schema: auditFactsSchema,
      initial: EMPTY_AUDIT_FACTS,
      serverFilled: true,
    },
    { kind: 'text', key: 'conclusions', label: 'internal-audits.section.conclusions' },
  ],
});
