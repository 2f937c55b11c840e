import { z } from 'zod';
import { versionNoParam } from '../common/primitives.js';
import { defineRegister } from '../register/define-register.js';
import { defineVersioned } from '../versioning/versioned.js';
import { VERSION_STATES } from '../versioning/versioned.js';
import { APPLICABILITY, CONTROL_SOURCES, EXCLUSION_REASONS, IMPLEMENTATION_STATUSES } from './control.register.js';

/**
 * The Statement of Applicability as a controlled document (27001 6.1.3 d): one record per organization whose
 * versions are frozen copies of every control's line, approved as a whole. The lines are not typed in: each saved
 * draft takes them from the controls as they stand (the server fills the `statement` section).
 */
export const soaRegister = defineRegister({
  entity: 'soa',
  collection: 'statements-of-applicability',
  table: 'statements_of_applicability',
  refPrefix: 'SOA',
  title: 'soa.title',
  titleField: 'title',
  defaultSort: { field: 'ref', order: 'asc' },
  fields: {
    title: { kind: 'text', label: 'soa.field.title', required: true, inList: true, sortable: true, searchable: true },
    ownerId: { kind: 'member', label: 'soa.field.owner', inList: true, filterable: true },
    nextReviewDate: { kind: 'date', label: 'soa.field.nextReviewDate', inList: true, sortable: true, filterable: true },
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

/** One control's line, as the version froze it. */
export const soaRowSchema = z.object({
  ref: z.string(),
  title: z.string(),
  source: z.enum(CONTROL_SOURCES),
  theme: z.string().nullable(),
  objective: z.string().nullable(),
  applicability: z.enum(APPLICABILITY),
  /** reasons for inclusion: risks the control treats, requirements that call for it, anything else stated */
  risks: z.array(named),
  requirements: z.array(named),
  statedReason: z.string().nullable(),
  exclusionReason: z.enum(EXCLUSION_REASONS).nullable(),
  replacedBy: z.string().nullable(),
  exclusionExplanation: z.string().nullable(),
  implementationStatus: z.enum(IMPLEMENTATION_STATUSES),
  plannedDate: z.string().nullable(),
  owner: z.string().nullable(),
  implementation: z.string().nullable(),
});
export type SoaRow = z.infer<typeof soaRowSchema>;

export const soaStatementSchema = z.object({
  edition: z.string().nullable(),
  rows: z.array(soaRowSchema).max(5000),
});
export type SoaStatement = z.infer<typeof soaStatementSchema>;

export const soaVersioned = defineVersioned({
  entity: 'soa',
  documentTitle: 'Statement of Applicability',
  approvalMeaning: 'Approved by top management as the Statement of Applicability',
  sections: [
    { kind: 'text', key: 'introduction', label: 'soa.section.introduction', help: 'soa.help.introduction' },
    {
      kind: 'data',
      key: 'statement',
      label: 'soa.section.statement',
      help: 'soa.help.statement',
      schema: soaStatementSchema,
      initial: { edition: null, rows: [] },
      serverFilled: true,
    },
  ],
});

/** What changed in the SoA between two versions, line by line. */
export const SOA_CHANGES = ['added', 'removed', 'applicability', 'justification', 'status', 'other'] as const;
export const soaCompareSchema = z.object({
  from: z.object({ versionNo: z.number().int(), state: z.string() }),
  to: z.object({ versionNo: z.number().int(), state: z.string() }),
  counts: z.record(z.string(), z.number().int()),
  rows: z.array(
    z.object({
      ref: z.string(),
      title: z.string(),
      changes: z.array(z.enum(SOA_CHANGES)),
      before: soaRowSchema.nullable(),
      after: soaRowSchema.nullable(),
    }),
  ),
});
export type SoaCompare = z.infer<typeof soaCompareSchema>;
export const soaCompareQuerySchema = z.strictObject({ from: versionNoParam(), to: versionNoParam() });
