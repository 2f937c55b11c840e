import { z } from 'zod';
import { DISPOSABLE_VERSION_STATES } from './versioned.js';

/** Answers of the version routes every versioned register has (docs/API.md "Versioned records and approvals"). */

export const versionStateSchema = z.enum(DISPOSABLE_VERSION_STATES);
/** A version's content: section key → its value (text, table rows, or a module's structured data). */
export const contentSchema = z.record(z.string(), z.unknown());
export type Content = z.infer<typeof contentSchema>;
export const tableRowSchema = z.record(z.string(), z.string());
export type TableRow = z.infer<typeof tableRowSchema>;

export const versionSummarySchema = z.object({
  id: z.string(),
  versionNo: z.number().int(),
  state: versionStateSchema,
  stage: z.string().nullable(),
  contentHash: z.string(),
  changeNote: z.string().nullable(),
  createdAt: z.string(),
  createdBy: z.string().nullable(),
  updatedAt: z.string(),
  updatedBy: z.string().nullable(),
  approvedAt: z.string().nullable(),
});
export type VersionSummary = z.infer<typeof versionSummarySchema>;
export const versionListSchema = z.object({ items: z.array(versionSummarySchema) });

/** A signature on a version, bound to the hash of the content the signer read. */
export const approvalSchema = z.object({
  id: z.string(),
  signerId: z.string(),
  signerName: z.string(),
  signerEmail: z.string(),
  signerRole: z.string(),
  meaning: z.string(),
  comment: z.string().nullable(),
  signedAt: z.string(),
  contentHash: z.string(),
});
export type Approval = z.infer<typeof approvalSchema>;

/** One version with its content, its signatures and how many make it approved. */
export const versionSchema = versionSummarySchema.extend({
  recordId: z.string(),
  content: contentSchema,
  approvals: z.array(approvalSchema),
  requiredApprovals: z.number().int(),
});
export type Version = z.infer<typeof versionSchema>;

export const valueChangeSchema = z.object({ path: z.string(), before: z.unknown(), after: z.unknown() });
export type ValueChange = z.infer<typeof valueChangeSchema>;

export const sectionComparisonSchema = z.object({
  key: z.string(),
  kind: z.enum(['text', 'table', 'data']),
  changed: z.boolean(),
  /** text sections: the words kept, added and removed, in order */
  parts: z
    .array(z.object({ value: z.string(), added: z.boolean().optional(), removed: z.boolean().optional() }))
    .optional(),
  /** table sections: rows only in the older version, only in the newer one, and kept */
  removedRows: z.array(tableRowSchema).optional(),
  addedRows: z.array(tableRowSchema).optional(),
  keptRows: z.array(tableRowSchema).optional(),
  /** data sections: every value that differs, by its path (e.g. `likelihood.levels.2.label`) */
  changes: z.array(valueChangeSchema).optional(),
});
export type SectionComparison = z.infer<typeof sectionComparisonSchema>;

const comparedVersionSchema = versionSummarySchema.pick({
  versionNo: true,
  state: true,
  stage: true,
  contentHash: true,
  approvedAt: true,
  updatedAt: true,
});
export const comparisonSchema = z.object({
  from: comparedVersionSchema,
  to: comparedVersionSchema,
  sections: z.array(sectionComparisonSchema),
});
export type Comparison = z.infer<typeof comparisonSchema>;
