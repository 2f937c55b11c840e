import { z } from 'zod';
import { versionNoParam } from '../common/primitives.js';
import { defineRegister } from '../register/define-register.js';
import { VERSION_STATES, defineVersioned } from '../versioning/versioned.js';
import { TARGET_DIRECTIONS } from '../measurement/measure-target.js';
import { MEASUREMENT_MODES, OBJECTIVE_LEVELS, PROGRESS_STATUSES } from './objective.register.js';

export const OBJECTIVES_DOCUMENT_ENTITY = 'objectives_document';

/**
 * The documented information on objectives (27001 6.2, last paragraph; 6.2 e "updated as appropriate"): one
 * record per organization whose versions freeze the set of active objectives, approved by top management. The
 * objectives are not typed in: each saved draft takes them from the register as it stands (`serverFilled`).
 */
export const objectivesDocumentRegister = defineRegister({
  entity: OBJECTIVES_DOCUMENT_ENTITY,
  collection: 'objectives-documents',
  table: 'objectives_documents',
  refPrefix: 'OD',
  title: 'objectives-documents.title',
  titleField: 'title',
  defaultSort: { field: 'ref', order: 'asc' },
  fields: {
    title: {
      kind: 'text',
      label: 'objectives-documents.field.title',
      required: true,
      inList: true,
      sortable: true,
      searchable: true,
    },
    ownerId: { kind: 'member', label: 'objectives-documents.field.owner', inList: true, filterable: true },
    nextReviewDate: {
      kind: 'date',
      label: 'objectives-documents.field.nextReviewDate',
      inList: true,
      sortable: true,
      filterable: true,
    },
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

const named = z.object({ ref: z.string(), title: z.string() });

/** One objective as the version froze it. */
export const objectiveSnapshotSchema = z.object({
  ref: z.string(),
  title: z.string(),
  statement: z.string().nullable(),
  level: z.enum(OBJECTIVE_LEVELS),
  functionName: z.string().nullable(),
  process: named.nullable(),
  parent: named.nullable(),
  owner: z.string().nullable(),
  policy: named.nullable(),
  policyObjective: z.string().nullable(),
  measurementMode: z.enum(MEASUREMENT_MODES),
  targetValue: z.number().nullable(),
  targetUnit: z.string().nullable(),
  targetDirection: z.enum(TARGET_DIRECTIONS).nullable(),
  baselineValue: z.number().nullable(),
  startDate: z.string().nullable(),
  deadline: z.string().nullable(),
  notMeasurableReason: z.string().nullable(),
  judgementMethod: z.string().nullable(),
  plannedWork: z.string().nullable(),
  resources: z.string().nullable(),
  evaluationMethod: z.string().nullable(),
  /** what it answers (6.2 c) and the measures it is measured by */
  requirements: z.array(named),
  issues: z.array(named),
  risks: z.array(named),
  measures: z.array(named),
  latestValue: z.number().nullable(),
  latestValueDate: z.string().nullable(),
  progressStatus: z.enum(PROGRESS_STATUSES).nullable(),
});
export type ObjectiveSnapshot = z.infer<typeof objectiveSnapshotSchema>;

export const objectivesSnapshotSchema = z.object({ objectives: z.array(objectiveSnapshotSchema).max(2000) });
export type ObjectivesSnapshot = z.infer<typeof objectivesSnapshotSchema>;

export const objectivesDocumentVersioned = defineVersioned({
  entity: OBJECTIVES_DOCUMENT_ENTITY,
  documentTitle: 'Information security objectives',
  approvalMeaning: 'Approved by top management as the information security objectives',
  sections: [
    {
      kind: 'text',
      key: 'framework',
      label: 'objectives-documents.section.framework',
      help: 'objectives-documents.help.framework',
    },
    {
      kind: 'text',
      key: 'communication',
      label: 'objectives-documents.section.communication',
      help: 'objectives-documents.help.communication',
    },
    {
      kind: 'data',
      key: 'objectives',
      label: 'objectives-documents.section.objectives',
      help: 'objectives-documents.help.objectives',
      schema: objectivesSnapshotSchema,
      initial: { objectives: [] },
      serverFilled: true,
    },
  ],
});

/** What changed in the set of objectives between two versions, objective by objective. */
export const OBJECTIVE_CHANGES = ['added', 'removed', 'target', 'deadline', 'statement', 'other'] as const;
export const objectivesCompareSchema = z.object({
  from: z.object({ versionNo: z.number().int(), state: z.string() }),
  to: z.object({ versionNo: z.number().int(), state: z.string() }),
  counts: z.record(z.string(), z.number().int()),
  rows: z.array(
    z.object({
      ref: z.string(),
      title: z.string(),
      changes: z.array(z.enum(OBJECTIVE_CHANGES)),
      before: objectiveSnapshotSchema.nullable(),
      after: objectiveSnapshotSchema.nullable(),
    }),
  ),
});
export type ObjectivesCompare = z.infer<typeof objectivesCompareSchema>;
export const objectivesCompareQuerySchema = z.strictObject({ from: versionNoParam(), to: versionNoParam() });
