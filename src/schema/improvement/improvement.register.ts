import { z } from 'zod';
import { intInput } from '../common/primitives.js';
import { defineRegister } from '../register/define-register.js';

/** Where an improvement comes from (27003 10.1: audits, management review, corrective action, anyone's idea…). */
export const IMPROVEMENT_SOURCES = [
  'suggestion',
  'audit_observation',
  'audit_ofi',
  'management_review',
  'corrective_action',
  'measurement',
  'other',
] as const;
/**
 * suggested → evaluated (worth pursuing) or rejected (10.2 d of 27003 10.1: evaluated) → planned (an action in the
 * tracker) → implemented (the ISMS changed, e) → reviewed (its effectiveness, g).
 */
export const IMPROVEMENT_STATUSES = [
  'suggested',
  'evaluated',
  'rejected',
  'planned',
  'implemented',
  'reviewed',
] as const;
export type ImprovementStatus = (typeof IMPROVEMENT_STATUSES)[number];

const step = { readOnly: true } as const;

/** Continual improvement (27001 10.1): suggestions from anyone, evaluated, acted on and reviewed. */
export const improvementRegister = defineRegister({
  entity: 'improvement',
  collection: 'improvements',
  table: 'improvements',
  refPrefix: 'IMP',
  title: 'improvements.title',
  titleField: 'title',
  defaultSort: { field: 'ref', order: 'desc' },
  fields: {
    title: {
      kind: 'text',
      label: 'improvements.field.title',
      required: true,
      inList: true,
      sortable: true,
      searchable: true,
    },
    description: { kind: 'longtext', label: 'improvements.field.description', searchable: true, maxLength: 8000 },
    source: {
      kind: 'enum',
      label: 'improvements.field.source',
      options: IMPROVEMENT_SOURCES,
      default: 'suggestion',
      inList: true,
      filterable: true,
    },
    sourceType: { kind: 'text', label: 'improvements.field.sourceType', maxLength: 40, ...step },
    sourceId: { kind: 'text', label: 'improvements.field.sourceId', maxLength: 40, ...step },
    suggestedBy: { kind: 'member', label: 'improvements.field.suggestedBy', filterable: true, ...step },
    ownerId: { kind: 'member', label: 'improvements.field.owner', inList: true, filterable: true },
    status: {
      kind: 'enum',
      label: 'improvements.field.status',
      options: IMPROVEMENT_STATUSES,
      default: 'suggested',
      inList: true,
      filterable: true,
      sortable: true,
      ...step,
    },
    worthPursuing: { kind: 'boolean', label: 'improvements.field.worthPursuing', ...step },
    evaluationNote: { kind: 'longtext', label: 'improvements.field.evaluationNote', maxLength: 4000, ...step },
    evaluatedBy: { kind: 'member', label: 'improvements.field.evaluatedBy', ...step },
    evaluatedOn: { kind: 'date', label: 'improvements.field.evaluatedOn', ...step },
    ismsChange: { kind: 'longtext', label: 'improvements.field.ismsChange', maxLength: 8000 },
    effective: { kind: 'boolean', label: 'improvements.field.effective', ...step },
    effectivenessNote: { kind: 'longtext', label: 'improvements.field.effectivenessNote', maxLength: 4000, ...step },
    reviewedOn: { kind: 'date', label: 'improvements.field.reviewedOn', ...step },
  },
});
export type ImprovementRecord = z.infer<typeof improvementRegister.recordSchema>;

const expectedVersion = intInput(1);
/** A suggestion: what anyone in the organization (viewers and auditors too) may send. */
export const improvementSuggestBodySchema = z.strictObject({
  title: z.string().trim().min(1, 'Required').max(200),
  description: z.string().max(8000).optional(),
});
export const improvementEvaluationBodySchema = z.strictObject({
  expectedVersion,
  worthPursuing: z.boolean(),
  evaluationNote: z.string().trim().min(1, 'Required').max(4000),
});
export const improvementImplementedBodySchema = z.strictObject({
  expectedVersion,
  ismsChange: z.string().trim().min(1, 'Required').max(8000),
});
export const improvementReviewBodySchema = z.strictObject({
  expectedVersion,
  effective: z.boolean(),
  effectivenessNote: z.string().trim().min(1, 'Required').max(4000),
});
