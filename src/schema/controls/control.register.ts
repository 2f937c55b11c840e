import { z } from 'zod';
import { defineRegister, queryBoolean } from '../register/define-register.js';

/** Where a control comes from: an Annex A edition, or the organization itself (27003's example: mobile device management). */
export const CONTROL_SOURCES = ['iso27001-2022', 'iso27001-2013', 'custom'] as const;
export type ControlSource = (typeof CONTROL_SOURCES)[number];
/** The four themes of 27001:2022 Annex A; custom controls take one too so they sit beside their neighbours. */
export const CONTROL_THEMES = ['organizational', 'people', 'physical', 'technological'] as const;
export const APPLICABILITY = ['undecided', 'applicable', 'excluded'] as const;
/** Why a control is excluded from the SoA (6.1.3 d). */
export const EXCLUSION_REASONS = ['not_needed', 'out_of_scope', 'replaced'] as const;
/** Implementation status of an applicable control, lowest first. */
export const IMPLEMENTATION_STATUSES = ['not_started', 'planned', 'in_progress', 'implemented'] as const;

/**
 * The organization's controls: one row per control of its Annex A edition (made by the server when the edition is
 * chosen; identifier and title are the catalog's and cannot be edited) plus its custom controls (made by people,
 * reference CUS-001…). Each row is also its line of the Statement of Applicability: applicability with its reasons,
 * implementation status, owner and how it is implemented. Reasons that are links (risks the control treats,
 * requirements that call for it) are not fields: the server reads them where they live (risk treatment, links).
 */
export const controlRegister = defineRegister({
  entity: 'control',
  collection: 'controls',
  refPrefix: 'CUS',
  title: 'controls.title',
  titleField: 'title',
  defaultSort: { field: 'sortKey', order: 'asc' },
  fields: {
    title: {
      kind: 'text',
      label: 'controls.field.title',
      required: true,
      inList: true,
      sortable: true,
      searchable: true,
    },
    source: {
      kind: 'enum',
      label: 'controls.field.source',
      options: CONTROL_SOURCES,
      readOnly: true,
      filterable: true,
    },
    theme: {
      kind: 'enum',
      label: 'controls.field.theme',
      options: CONTROL_THEMES,
      inList: true,
      filterable: true,
      help: 'controls.help.theme',
    },
    /** 2013 edition only: the control objective (A.9.2) the control belongs to */
    objective: { kind: 'text', label: 'controls.field.objective', readOnly: true, filterable: true },
    description: {
      kind: 'longtext',
      label: 'controls.field.description',
      searchable: true,
      help: 'controls.help.description',
    },
    ownerId: { kind: 'member', label: 'controls.field.owner', inList: true, filterable: true },
    applicability: {
      kind: 'enum',
      label: 'controls.field.applicability',
      options: APPLICABILITY,
      default: 'undecided',
      inList: true,
      filterable: true,
      sortable: true,
    },
    statedReason: {
      kind: 'longtext',
      label: 'controls.field.statedReason',
      maxLength: 4000,
      help: 'controls.help.statedReason',
    },
    exclusionReason: {
      kind: 'enum',
      label: 'controls.field.exclusionReason',
      options: EXCLUSION_REASONS,
      filterable: true,
    },
    replacedById: {
      kind: 'record',
      target: 'control',
      label: 'controls.field.replacedBy',
      help: 'controls.help.replacedBy',
    },
    exclusionExplanation: { kind: 'longtext', label: 'controls.field.exclusionExplanation', maxLength: 4000 },
    implementationStatus: {
      kind: 'enum',
      label: 'controls.field.implementationStatus',
      options: IMPLEMENTATION_STATUSES,
      ordered: true,
      default: 'not_started',
      inList: true,
      filterable: true,
      sortable: true,
    },
    plannedDate: {
      kind: 'date',
      label: 'controls.field.plannedDate',
      filterable: true,
      help: 'controls.help.plannedDate',
    },
    implementation: {
      kind: 'longtext',
      label: 'controls.field.implementation',
      maxLength: 8000,
      help: 'controls.help.implementation',
    },
    /** catalog order: the edition's controls by identifier, then custom controls in the order they were made */
    sortKey: { kind: 'text', label: 'controls.field.sortKey', readOnly: true, sortable: true },
  },
  extraQuery: {
    /** controls that are applicable but have no reason left (no risk, no requirement, nothing stated) */
    unjustified: queryBoolean.optional(),
    /** controls no risk, requirement or decision has touched yet (6.1.3 c: compare with Annex A) */
    untouched: queryBoolean.optional(),
    /** controls determined for this risk */
    riskId: z.uuid().optional(),
  },
});

export type ControlRecord = z.infer<typeof controlRegister.recordSchema>;
