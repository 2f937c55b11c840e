import { z } from 'zod';
import { intInput } from '../common/primitives.js';
import { defineRegister } from '../register/define-register.js';
import { VERSION_STATES, defineVersioned } from '../versioning/versioned.js';
import { REVIEW_INPUT_KEYS, reviewInputsSchema, type ReviewInputs } from './review-inputs.schema.js';

export const MANAGEMENT_REVIEW_ENTITY = 'management_review';
export const REVIEW_DECISION_ENTITY = 'management_review_decision';
/** A review of the whole ISMS, or of a unit whose review feeds the organization's (27003 9.3: linked reviews). */
export const REVIEW_LEVELS = ['organization', 'unit'] as const;
/** planned → held (heldOn recorded) → approved (the minutes' first approved version); set by the server */
export const REVIEW_STATUSES = ['planned', 'held', 'approved'] as const;
/** ISO/IEC 27001 asks for reviews at planned intervals; 27003 9.3: at least yearly */
export const DEFAULT_REVIEW_INTERVAL_MONTHS = 12;

/**
 * Management reviews (27001 9.3, 27003 9.3): planned at intervals, chaired by top management, with attendees and
 * the inputs of 9.3.2 compiled by Rampart; the minutes are the record's versions (approved by the chair), and the
 * decisions are records of their own (below) that become tracker actions or drafts of the affected documents.
 */
export const managementReviewRegister = defineRegister({
  entity: MANAGEMENT_REVIEW_ENTITY,
  collection: 'management-reviews',
  table: 'management_reviews',
  refPrefix: 'MR',
  title: 'management-reviews.title',
  titleField: 'title',
  defaultSort: { field: 'plannedDate', order: 'desc' },
  fields: {
    title: {
      kind: 'text',
      label: 'management-reviews.field.title',
      required: true,
      inList: true,
      sortable: true,
      searchable: true,
    },
    level: {
      kind: 'enum',
      label: 'management-reviews.field.level',
      options: REVIEW_LEVELS,
      default: 'organization',
      inList: true,
      filterable: true,
    },
    unitName: { kind: 'text', label: 'management-reviews.field.unitName', help: 'management-reviews.help.unitName' },
    /** a unit's review feeds this (organization-level) review */
    parentReviewId: {
      kind: 'record',
      target: MANAGEMENT_REVIEW_ENTITY,
      label: 'management-reviews.field.parentReview',
    },
    plannedDate: {
      kind: 'date',
      label: 'management-reviews.field.plannedDate',
      required: true,
      inList: true,
      sortable: true,
      filterable: true,
    },
    heldOn: { kind: 'date', label: 'management-reviews.field.heldOn', inList: true, sortable: true, filterable: true },
    /** top management: a member holding the approver role; the one who approves the minutes */
    chairId: {
      kind: 'member',
      label: 'management-reviews.field.chair',
      help: 'management-reviews.help.chair',
      inList: true,
      filterable: true,
    },
    location: { kind: 'text', label: 'management-reviews.field.location' },
    /** when the next review is due; the server sets plannedDate + 12 months when left empty */
    nextReviewDue: {
      kind: 'date',
      label: 'management-reviews.field.nextReviewDue',
      help: 'management-reviews.help.nextReviewDue',
      inList: true,
      sortable: true,
    },
    status: {
      kind: 'enum',
      label: 'management-reviews.field.status',
      options: REVIEW_STATUSES,
      readOnly: true,
      inList: true,
      filterable: true,
    },
    // the list shows the status and the minutes' state; the version numbers are on the review's page
    latestVersion: { kind: 'integer', label: 'versions.field.latestVersion', readOnly: true },
    latestState: {
      kind: 'enum',
      label: 'versions.field.latestState',
      options: VERSION_STATES,
      readOnly: true,
      inList: true,
      filterable: true,
    },
    approvedVersion: { kind: 'integer', label: 'versions.field.approvedVersion', readOnly: true },
  },
});

/**
 * What a decision is about (27003 9.3 outputs g–l), or explicitly that an input needs no action (27003 9.3:
 * "even where it is decided that no action is necessary").
 */
export const DECISION_KINDS = [
  'no_action',
  'improvement',
  'policy_objectives',
  'risk_criteria',
  'performance_actions',
  'resources_budget',
  'treatment_soa',
  'measurement',
  'other',
] as const;
export type DecisionKind = (typeof DECISION_KINDS)[number];
/** the input a decision answers (a–g), or none in particular */
export const DECISION_INPUTS = [...REVIEW_INPUT_KEYS, 'general'] as const;
export type DecisionInput = (typeof DECISION_INPUTS)[number];
/** open until its actions are done (or the draft it opened is approved); no_action decisions are `no_action` */
export const DECISION_STATUSES = ['open', 'done', 'no_action'] as const;
/** the documents a decision may open a draft of (the versioned records of the ISMS) */
export const DECISION_DRAFT_TARGETS = [
  'scope',
  'risk_methodology',
  'soa',
  'risk_treatment_plan',
  'document',
  'objectives_document',
] as const;

export const reviewDecisionRegister = defineRegister({
  entity: REVIEW_DECISION_ENTITY,
  collection: 'management-review-decisions',
  table: 'management_review_decisions',
  refPrefix: 'MRD',
  title: 'management-review-decisions.title',
  titleField: 'statement',
  defaultSort: { field: 'ref', order: 'asc' },
  fields: {
    reviewId: {
      kind: 'record',
      target: MANAGEMENT_REVIEW_ENTITY,
      label: 'management-review-decisions.field.review',
      required: true,
      inList: true,
      filterable: true,
    },
    input: {
      kind: 'enum',
      label: 'management-review-decisions.field.input',
      options: DECISION_INPUTS,
      required: true,
      inList: true,
      filterable: true,
    },
    kind: {
      kind: 'enum',
      label: 'management-review-decisions.field.kind',
      options: DECISION_KINDS,
      required: true,
      inList: true,
      filterable: true,
    },
    statement: {
      kind: 'longtext',
      label: 'management-review-decisions.field.statement',
      required: true,
      maxLength: 4000,
      inList: true,
      searchable: true,
    },
    ownerId: { kind: 'member', label: 'management-review-decisions.field.owner', inList: true, filterable: true },
    dueDate: {
      kind: 'date',
      label: 'management-review-decisions.field.dueDate',
      inList: true,
      sortable: true,
      filterable: true,
    },
    status: {
      kind: 'enum',
      label: 'management-review-decisions.field.status',
      options: DECISION_STATUSES,
      readOnly: true,
      inList: true,
      filterable: true,
    },
    /** the versioned record whose draft the decision opened (set by open-draft) */
    targetEntity: {
      kind: 'enum',
      label: 'management-review-decisions.field.targetEntity',
      options: DECISION_DRAFT_TARGETS,
      readOnly: true,
    },
    targetId: { kind: 'text', label: 'management-review-decisions.field.targetId', readOnly: true, maxLength: 40 },
    /** the version number of the draft it opened: the decision is done once the target has that version approved */
    targetVersion: { kind: 'integer', label: 'management-review-decisions.field.targetVersion', readOnly: true },
  },
});

/** Who attended (members of the organization, and others by name: a consultant, the external auditor). */
export const reviewAttendanceSchema = z.strictObject({
  members: z
    .array(z.strictObject({ userId: z.uuid(), capacity: z.string().trim().max(200).default(''), present: z.boolean() }))
    .max(200),
  others: z
    .array(
      z.strictObject({
        name: z.string().trim().min(1).max(200),
        capacity: z.string().trim().max(200).default(''),
        present: z.boolean(),
      }),
    )
    .max(200),
});
export type ReviewAttendance = z.infer<typeof reviewAttendanceSchema>;
/** the attendance as the API answers and the minutes freeze it: names resolved */
export const reviewAttendanceViewSchema = z.object({
  members: z.array(
    z.object({ userId: z.string(), name: z.string(), email: z.string(), capacity: z.string(), present: z.boolean() }),
  ),
  others: z.array(z.object({ name: z.string(), capacity: z.string(), present: z.boolean() })),
});

/** One decision as the minutes freeze it. */
export const reviewDecisionSnapshotSchema = z.object({
  ref: z.string(),
  input: z.enum(DECISION_INPUTS),
  kind: z.enum(DECISION_KINDS),
  statement: z.string(),
  owner: z.string().nullable(),
  dueDate: z.string().nullable(),
  status: z.enum(DECISION_STATUSES),
  actions: z.array(
    z.object({ ref: z.string(), title: z.string(), status: z.string(), dueDate: z.string().nullable() }),
  ),
  draft: z.object({ entity: z.string(), ref: z.string(), versionNo: intInput(1) }).nullable(),
});
export const reviewDecisionsSnapshotSchema = z.object({ decisions: z.array(reviewDecisionSnapshotSchema) });

/**
 * When and where the review met, and who chaired it, as the minutes freeze them: the control block of an approved
 * version reads these, never the review record, which may be edited after the minutes were approved.
 */
export const reviewMeetingSchema = z.object({
  plannedDate: z.string().nullable(),
  heldOn: z.string().nullable(),
  location: z.string().nullable(),
  chair: z.string().nullable(),
});
export type ReviewMeeting = z.infer<typeof reviewMeetingSchema>;

/** before the first draft is saved: nothing compiled yet */
const EMPTY_INPUTS: ReviewInputs = { compiledAt: '', asOf: '', since: null, sections: [] };

/** The minutes (27001 9.3.3): the review's versions, approved by the chair. Inputs, attendance, decisions: server. */
export const reviewMinutesVersioned = defineVersioned({
  entity: MANAGEMENT_REVIEW_ENTITY,
  documentTitle: 'Management review minutes',
  approvalMeaning: 'Approved by the chair as the minutes of this management review',
  sections: [
    {
      kind: 'data',
      key: 'meeting',
      label: 'management-reviews.section.meeting',
      schema: reviewMeetingSchema,
      initial: { plannedDate: null, heldOn: null, location: null, chair: null },
      serverFilled: true,
    },
    {
      kind: 'data',
      key: 'attendance',
      label: 'management-reviews.section.attendance',
      schema: reviewAttendanceViewSchema,
      initial: { members: [], others: [] },
      serverFilled: true,
    },
    {
      kind: 'data',
      key: 'inputs',
      label: 'management-reviews.section.inputs',
      schema: reviewInputsSchema,
      initial: EMPTY_INPUTS,
      serverFilled: true,
    },
    ...REVIEW_INPUT_KEYS.map((key) => ({
      kind: 'text' as const,
      key: `comment_${key}`,
      label: `management-reviews.section.comment.${key}`,
      help: `management-reviews.help.comment.${key}`,
    })),
    { kind: 'text', key: 'discussion', label: 'management-reviews.section.discussion' },
    {
      kind: 'data',
      key: 'decisions',
      label: 'management-reviews.section.decisions',
      schema: reviewDecisionsSnapshotSchema,
      initial: { decisions: [] },
      serverFilled: true,
    },
    {
      kind: 'text',
      key: 'conclusions',
      label: 'management-reviews.section.conclusions',
      help: 'management-reviews.help.conclusions',
    },
  ],
});

export const reviewScheduleSchema = z.object({
  intervalMonths: z.number().int(),
  lastHeld: z.object({ id: z.string(), ref: z.string(), title: z.string(), heldOn: z.string() }).nullable(),
  /** when the next review is due: the last held review's nextReviewDue (or heldOn + interval); null: none held yet */
  nextDue: z.string().nullable(),
  /** due within 30 days or past due: the reminder shows */
  dueSoon: z.boolean(),
  overdue: z.boolean(),
  upcoming: z.object({ id: z.string(), ref: z.string(), title: z.string(), plannedDate: z.string() }).nullable(),
});
export type ReviewSchedule = z.infer<typeof reviewScheduleSchema>;

export const openDraftBodySchema = z.strictObject({ entity: z.enum(DECISION_DRAFT_TARGETS), id: z.uuid() });
export const openDraftResponseSchema = z.object({
  entity: z.enum(DECISION_DRAFT_TARGETS),
  id: z.string(),
  ref: z.string(),
  versionNo: z.number().int(),
  /** false: a draft was already open and is now linked to the decision */
  created: z.boolean(),
});
