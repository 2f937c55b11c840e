import { z } from 'zod';
import { isoDateSchema } from '../common/primitives.js';
import { defineRegister } from '../register/define-register.js';
import { VERSION_STATES, defineVersioned } from '../versioning/versioned.js';
import { ISO27001_CLAUSES } from '../leadership/isms-clauses.js';

/**
 * The internal audit programme (27001 9.2.2): one current per organization, its versions approved like the SoA.
 * The content says what is audited when, by what method and by whom (competence), over a period of a few years,
 * and which controls are so important (risk-based) that every audit looks at them.
 */
export const auditProgrammeRegister = defineRegister({
  entity: 'audit_programme',
  collection: 'audit-programmes',
  table: 'audit_programmes',
  refPrefix: 'AP',
  title: 'audit-programmes.title',
  titleField: 'title',
  defaultSort: { field: 'ref', order: 'asc' },
  fields: {
    title: {
      kind: 'text',
      label: 'audit-programmes.field.title',
      required: true,
      inList: true,
      sortable: true,
      searchable: true,
    },
    ownerId: { kind: 'member', label: 'audit-programmes.field.owner', inList: true, filterable: true },
    latestVersion: { kind: 'integer', label: 'versions.field.latestVersion', readOnly: true, inList: true },
    latestState: {
      kind: 'enum',
      label: 'versions.field.latestState',
      options: VERSION_STATES,
      readOnly: true,
      inList: true,
      filterable: true,
    },
    approvedVersion: { kind: 'integer', label: 'versions.field.approvedVersion', readOnly: true, inList: true },
  },
});

const clause = z.enum(ISO27001_CLAUSES);
/** a short stable key for a planned audit, referred to by the audits that carry it out */
const plannedKey = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$/, 'Letters, digits, dot, dash or underscore (up to 40)');

export const plannedAuditSchema = z.strictObject({
  key: plannedKey,
  title: z.string().trim().min(1).max(200),
  plannedFrom: isoDateSchema,
  plannedTo: isoDateSchema,
  /** 27001 clause numbers this audit covers (a whole clause `6` covers its sub-clauses) */
  clauses: z.array(clause).max(60).default([]),
  /** controls (ids) this audit covers */
  controlIds: z.array(z.string().min(1).max(64)).max(500).default([]),
});
export type PlannedAudit = z.infer<typeof plannedAuditSchema>;

/** The structured part of a programme version: the period, the key controls, competence and the coverage plan. */
export const auditPlanSchema = z
  .strictObject({
    periodFrom: isoDateSchema.nullable().default(null),
    periodTo: isoDateSchema.nullable().default(null),
    /** controls (ids) that go into every audit: the risk-based extent */
    keyControlIds: z.array(z.string().min(1).max(64)).max(200).default([]),
    competence: z.array(z.string().trim().min(1).max(500)).max(50).default([]),
    plannedAudits: z.array(plannedAuditSchema).max(200).default([]),
  })
  .superRefine((p, ctx) => {
    if (p.periodFrom && p.periodTo && p.periodTo < p.periodFrom)
      ctx.addIssue({ code: 'custom', path: ['periodTo'], message: 'Ends before it starts' });
    const seen = new Set<string>();
    p.plannedAudits.forEach((a, i) => {
      if (seen.has(a.key))
        ctx.addIssue({ code: 'custom', path: ['plannedAudits', i, 'key'], message: `${a.key} is used twice` });
      seen.add(a.key);
      if (a.plannedTo < a.plannedFrom)
        ctx.addIssue({ code: 'custom', path: ['plannedAudits', i, 'plannedTo'], message: 'Ends before it starts' });
    });
  });
export type AuditPlan = z.infer<typeof auditPlanSchema>;

export const EMPTY_AUDIT_PLAN: AuditPlan = {
  periodFrom: null,
  periodTo: null,
  keyControlIds: [],
  competence: [],
  plannedAudits: [],
};

export const auditProgrammeVersioned = defineVersioned({
  entity: 'audit_programme',
  documentTitle: 'Internal audit programme',
  approvalMeaning: 'Approved as the internal audit programme',
  sections: [
    { kind: 'text', key: 'objectives', label: 'audit-programmes.section.objectives' },
    { kind: 'text', key: 'extent', label: 'audit-programmes.section.extent', help: 'audit-programmes.help.extent' },
    { kind: 'text', key: 'methods', label: 'audit-programmes.section.methods' },
    {
      kind: 'data',
      key: 'plan',
      label: 'audit-programmes.section.plan',
      help: 'audit-programmes.help.plan',
      schema: auditPlanSchema,
      initial: EMPTY_AUDIT_PLAN,
    },
  ],
});

/** One cell of the coverage matrix: a clause or control against a planned audit. */
export const COVERAGE_STATES = ['planned', 'done', 'uncovered'] as const;
const coverageRow = z.object({
  /** `clause` rows carry the clause number; `control` rows the control's id and reference */
  kind: z.enum(['clause', 'control']),
  key: z.string(),
  title: z.string(),
  /** planned-audit keys that cover it */
  plannedBy: z.array(z.string()),
  /** planned-audit keys whose completed audit concluded a checklist item for it */
  doneBy: z.array(z.string()),
  state: z.enum(COVERAGE_STATES),
});
export const coverageMatrixSchema = z.object({
  programme: z.object({ id: z.string(), ref: z.string(), versionNo: z.number().int(), state: z.string() }).nullable(),
  periodFrom: z.string().nullable(),
  periodTo: z.string().nullable(),
  audits: z.array(z.object({ key: z.string(), title: z.string(), plannedFrom: z.string(), plannedTo: z.string() })),
  rows: z.array(coverageRow),
  counts: z.object({ planned: z.number().int(), done: z.number().int(), uncovered: z.number().int() }),
});
export type CoverageMatrix = z.infer<typeof coverageMatrixSchema>;
