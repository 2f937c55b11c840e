import { z } from 'zod';
import { versionNoInput } from '../common/primitives.js';
import { roleSchema } from '../auth/roles.js';
import { CLASSIFICATIONS } from './document.register.js';

/**
 * Bodies and answers of the document routes beyond the generic register and version routes: who approves and who
 * the document is for, publication and acknowledgement (7.3 awareness evidence), reviews, retention and disposal.
 */
const ids = z.array(z.uuid()).max(500);

/** Named approvers (all of them must approve a version) and the audience when it is roles or named people. */
export const documentPeopleBody = z.strictObject({
  approverIds: ids.default([]),
  audienceUserIds: ids.default([]),
  audienceRoles: z.array(roleSchema).max(6).default([]),
});
export type DocumentPeopleBody = z.infer<typeof documentPeopleBody>;

export const personSchema = z.object({
  userId: z.string(),
  name: z.string(),
  email: z.string(),
  role: z.string().nullable(),
});
export const documentPeopleSchema = z.object({
  approvers: z.array(personSchema),
  audienceUsers: z.array(personSchema),
  audienceRoles: z.array(roleSchema),
});

/** Publish the approved version to the document's audience. */
export const publishBody = z.strictObject({
  versionNo: versionNoInput(),
  note: z.string().trim().max(2000).optional(),
});

export const withdrawBody = z.strictObject({
  reason: z.string().trim().min(1, 'Say why the document is withdrawn').max(2000),
});

/** A reader confirms having read this exact version (its hash, as shown to them). */
export const acknowledgeBody = z.strictObject({
  versionNo: versionNoInput(),
  contentHash: z.string().regex(/^[0-9a-f]{64}$/, 'A SHA-256 hex digest'),
});

/** Remind the audience members who have not acknowledged yet (all of them, or these). */
export const remindBody = z.strictObject({ userIds: ids.optional() });

export const acknowledgementRowSchema = z.object({
  userId: z.string(),
  name: z.string(),
  email: z.string(),
  role: z.string(),
  acknowledgedAt: z.string().nullable(),
  reminders: z.number().int(),
  lastRemindedAt: z.string().nullable(),
});
export const acknowledgementsSchema = z.object({
  versionNo: z.number().int().nullable(),
  publishedOn: z.string().nullable(),
  total: z.number().int(),
  acknowledged: z.number().int(),
  items: z.array(acknowledgementRowSchema),
});

export const toReadItemSchema = z.object({
  id: z.string(),
  ref: z.string(),
  title: z.string(),
  type: z.string(),
  versionNo: z.number().int(),
  publishedOn: z.string().nullable(),
  lastRemindedAt: z.string().nullable(),
});

export const REVIEW_OUTCOMES = ['no_change', 'revise'] as const;
export const reviewBody = z.strictObject({
  outcome: z.enum(REVIEW_OUTCOMES),
  note: z.string().trim().min(1, 'Say what the review found').max(4000),
  reviewedOn: z.iso.date().optional(),
});
export const reviewSchema = z.object({
  id: z.string(),
  reviewedOn: z.string(),
  reviewerId: z.string().nullable(),
  reviewerName: z.string().nullable(),
  /** one of REVIEW_OUTCOMES */
  outcome: z.string(),
  note: z.string(),
  versionNo: z.number().int().nullable(),
  nextReviewDate: z.string().nullable(),
  createdAt: z.string(),
});

export const DISPOSAL_STATES = ['proposed', 'approved', 'rejected'] as const;
export const proposeDisposalBody = z.strictObject({
  reason: z.string().trim().min(1, 'Say why the document can be disposed of').max(2000),
});
export const decideDisposalBody = z.strictObject({
  decision: z.enum(['approve', 'reject']),
  note: z.string().trim().max(2000).optional(),
});
/** What a disposal leaves behind: which versions existed and the hash of each, who proposed and who approved. */
export const disposalSchema = z.object({
  id: z.string(),
  documentId: z.string(),
  ref: z.string(),
  title: z.string(),
  /** one of DISPOSAL_STATES */
  state: z.string(),
  reason: z.string(),
  proposedAt: z.string(),
  proposedBy: z.string().nullable(),
  decidedAt: z.string().nullable(),
  decidedBy: z.string().nullable(),
  decisionNote: z.string().nullable(),
  versions: z.array(z.object({ versionNo: z.number().int(), state: z.string(), contentHash: z.string() })),
});

export const treeItemSchema = z.object({
  id: z.string(),
  ref: z.string(),
  title: z.string(),
  type: z.string(),
  isSecurityPolicy: z.boolean(),
  parentId: z.string().nullable(),
  status: z.string().nullable(),
  classification: z.string(),
});

/** The evidence package: chosen documents, or the whole register when none are named. */
export const evidencePackageBody = z.strictObject({ documentIds: ids.optional() });

/**
 * The organization's classification scheme: its own name and handling rules for each of the four levels (whose
 * meaning for reading is fixed). Every level must be named, each name once.
 */
export const classificationLevelSchema = z.object({
  level: z.enum(CLASSIFICATIONS),
  label: z.string(),
  description: z.string().nullable(),
  /** true while the organization has not named this level itself */
  isDefault: z.boolean(),
});
export const classificationSchemeSchema = z.object({ levels: z.array(classificationLevelSchema) });
export const classificationSchemeBody = z.strictObject({
  levels: z
    .array(
      z.strictObject({
        level: z.enum(CLASSIFICATIONS),
        label: z.string().trim().min(1, 'Required').max(60),
        description: z.string().trim().max(1000).optional(),
      }),
    )
    .length(CLASSIFICATIONS.length, `Name all ${CLASSIFICATIONS.length} levels`)
    .superRefine((levels, ctx) => {
      const seenLevels = new Set<string>();
      const seenLabels = new Set<string>();
      levels.forEach((l, i) => {
        if (seenLevels.has(l.level))
          ctx.addIssue({ code: 'custom', path: [i, 'level'], message: `${l.level} appears twice` });
        if (seenLabels.has(l.label.toLowerCase()))
          ctx.addIssue({ code: 'custom', path: [i, 'label'], message: 'Two levels cannot have the same name' });
        seenLevels.add(l.level);
        seenLabels.add(l.label.toLowerCase());
      });
    }),
});

/** Answers of the document routes, named so that the routes and the web read the same schema. */
export const treeListSchema = z.object({ items: z.array(treeItemSchema) });
export const toReadListSchema = z.object({ items: z.array(toReadItemSchema) });
export const disposalListSchema = z.object({ items: z.array(disposalSchema) });
export const reviewListSchema = z.object({ items: z.array(reviewSchema) });
export const acknowledgedSchema = z.object({ acknowledgedAt: z.string() });
export const remindedSchema = z.object({ reminded: z.number().int() });
export const currentDisposalSchema = z.object({ current: disposalSchema.nullable() });
