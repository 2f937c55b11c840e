import { z } from 'zod';
import { defineRegister, queryBoolean } from '../register/define-register.js';

/** Where a nonconformity was found (27003 10.1 h–n: audits, incidents, measurement, objectives, complaints…). */
export const NC_SOURCES = [
  'internal_audit',
  'external_audit',
  'incident',
  'measurement',
  'objective',
  'control_activity',
  'complaint',
  'supplier',
  'staff_report',
  'other',
] as const;
export type NcSource = (typeof NC_SOURCES)[number];
/** Sources for which the grade (major | minor) is required: an audit grades what it finds. */
export const GRADED_SOURCES: readonly string[] = ['internal_audit', 'external_audit'];
export const NC_GRADES = ['major', 'minor'] as const;
export const NC_CAUSE_CATEGORIES = ['people', 'method', 'process', 'tool', 'measurement', 'environment'] as const;

/**
 * The steps of 27001 10.2: react and correct (a), decide whether a corrective action is needed (b), review and
 * analyse the causes (b 1–3), plan corrective actions (c), review their effectiveness (d), close. `verifying`: the
 * effectiveness review found the actions effective, the ISMS manager closes. `closed` also follows `decided`
 * directly when no corrective action is needed.
 */
export const NC_STATUSES = [
  'reported',
  'corrected',
  'decided',
  'analysed',
  'actions_planned',
  'verifying',
  'closed',
] as const;
export type NcStatus = (typeof NC_STATUSES)[number];

export const NONCONFORMITY_ENTITY = 'nonconformity';
/** At most seven whys: five is the method, two more for a chain that needs them. */
export const MAX_WHYS = 7;

const step = { readOnly: true } as const;

/**
 * Nonconformities (27001 10.2): what was found, where it came from, and the record of each step of its handling.
 * The step fields are read-only in the generic create/update: each step is its own endpoint, so the state machine
 * and its checks cannot be bypassed by a plain update.
 */
export const nonconformityRegister = defineRegister({
  entity: NONCONFORMITY_ENTITY,
  collection: 'nonconformities',
  table: 'nonconformities',
  refPrefix: 'NC',
  title: 'nonconformities.title',
  titleField: 'title',
  defaultSort: { field: 'ref', order: 'desc' },
  fields: {
    title: {
      kind: 'text',
      label: 'nonconformities.field.title',
      required: true,
      inList: true,
      sortable: true,
      searchable: true,
    },
    description: { kind: 'longtext', label: 'nonconformities.field.description', searchable: true, maxLength: 8000 },
    source: {
      kind: 'enum',
      label: 'nonconformities.field.source',
      options: NC_SOURCES,
      required: true,
      inList: true,
      filterable: true,
    },
    sourceType: { kind: 'text', label: 'nonconformities.field.sourceType', maxLength: 40, readOnly: true },
    sourceId: { kind: 'text', label: 'nonconformities.field.sourceId', maxLength: 40, readOnly: true },
    requirementKey: {
      kind: 'text',
      label: 'nonconformities.field.requirementKey',
      maxLength: 20,
      inList: true,
      filterable: true,
      help: 'nonconformities.help.requirementKey',
    },
    grade: {
      kind: 'enum',
      label: 'nonconformities.field.grade',
      options: NC_GRADES,
      inList: true,
      filterable: true,
      help: 'nonconformities.help.grade',
    },
    foundBy: { kind: 'member', label: 'nonconformities.field.foundBy', filterable: true },
    foundOn: { kind: 'date', label: 'nonconformities.field.foundOn', sortable: true, filterable: true },
    ownerId: { kind: 'member', label: 'nonconformities.field.owner', inList: true, filterable: true },
    dueDate: {
      kind: 'date',
      label: 'nonconformities.field.dueDate',
      inList: true,
      sortable: true,
      filterable: true,
      help: 'nonconformities.help.dueDate',
    },
    status: {
      kind: 'enum',
      label: 'nonconformities.field.status',
      options: NC_STATUSES,
      default: 'reported',
      inList: true,
      filterable: true,
      sortable: true,
      ...step,
    },
    correctionText: { kind: 'longtext', label: 'nonconformities.field.correctionText', maxLength: 8000, ...step },
    correctionDoneOn: { kind: 'date', label: 'nonconformities.field.correctionDoneOn', ...step },
    consequencesText: { kind: 'longtext', label: 'nonconformities.field.consequencesText', maxLength: 8000, ...step },
    correctiveActionNeeded: { kind: 'boolean', label: 'nonconformities.field.correctiveActionNeeded', ...step },
    decisionCriterion: { kind: 'longtext', label: 'nonconformities.field.decisionCriterion', maxLength: 4000, ...step },
    decidedBy: { kind: 'member', label: 'nonconformities.field.decidedBy', ...step },
    decidedOn: { kind: 'date', label: 'nonconformities.field.decidedOn', ...step },
    whatWentWrong: { kind: 'longtext', label: 'nonconformities.field.whatWentWrong', maxLength: 8000, ...step },
    causeCategory: {
      kind: 'enum',
      label: 'nonconformities.field.causeCategory',
      options: NC_CAUSE_CATEGORIES,
      filterable: true,
      ...step,
    },
    rootCause: { kind: 'longtext', label: 'nonconformities.field.rootCause', maxLength: 4000, ...step },
    patterns: { kind: 'longtext', label: 'nonconformities.field.patterns', maxLength: 4000, ...step },
    analysedBy: { kind: 'member', label: 'nonconformities.field.analysedBy', ...step },
    analysedOn: { kind: 'date', label: 'nonconformities.field.analysedOn', ...step },
    closedBy: { kind: 'member', label: 'nonconformities.field.closedBy', ...step },
    closedOn: { kind: 'date', label: 'nonconformities.field.closedOn', sortable: true, ...step },
  },
  extraQuery: {
    /** open (not closed) and past its due date */
    overdue: queryBoolean.optional(),
  },
});

export type NonconformityRecord = z.infer<typeof nonconformityRegister.recordSchema>;
