import { z } from 'zod';
import { intInput, isoDateSchema } from '../common/primitives.js';
import { MAX_WHYS, NC_CAUSE_CATEGORIES } from './nonconformity.register.js';

/** Every step names the version it was decided on: of twenty people pressing the same button, one step is taken. */
const expectedVersion = intInput(1);
const text = (max: number) => z.string().trim().min(1, 'Required').max(max);

/** 10.2 a: react to the nonconformity, control and correct it, deal with its consequences. */
export const ncCorrectionBodySchema = z.strictObject({
  expectedVersion,
  correctionText: text(8000),
  correctionDoneOn: isoDateSchema.optional(),
  consequencesText: z.string().trim().max(8000).optional(),
});

/** 10.2 b: whether action is needed to eliminate the causes, and by which criterion (impact, repetition…). */
export const ncDecisionBodySchema = z.strictObject({
  expectedVersion,
  correctiveActionNeeded: z.boolean(),
  decisionCriterion: text(4000),
});

/** 10.2 b 1–3: review, causes (five whys), similar nonconformities. */
export const ncAnalysisBodySchema = z.strictObject({
  expectedVersion,
  whatWentWrong: text(8000),
  causeCategory: z.enum(NC_CAUSE_CATEGORIES),
  whys: z.array(text(1000)).min(1).max(MAX_WHYS),
  rootCause: text(4000),
  patterns: z.string().trim().max(4000).optional(),
  similarConfirmed: z.array(z.uuid()).max(50).default([]),
});

/** 10.2 d: the effectiveness of the corrective actions, reviewed by someone who owns none of them. */
export const ncEffectivenessReviewBodySchema = z.strictObject({
  expectedVersion,
  reviewedBy: z.uuid().optional(),
  reviewedOn: isoDateSchema.optional(),
  effective: z.boolean(),
  note: z.string().trim().max(4000).optional(),
  evidenceIds: z.array(z.uuid()).max(50).default([]),
});

export const ncCloseBodySchema = z.strictObject({ expectedVersion });

/** A kept effectiveness review (never overwritten). */
export const ncReviewSchema = z.object({
  id: z.string(),
  reviewedBy: z.string(),
  reviewedOn: z.string(),
  effective: z.boolean(),
  note: z.string().nullable(),
  evidenceIds: z.array(z.string()),
  createdAt: z.string(),
});
export const ncReviewListSchema = z.object({ items: z.array(ncReviewSchema) });

/** A nonconformity Rampart proposes as similar, and why. */
export const ncSimilarSchema = z.object({
  id: z.string(),
  ref: z.string(),
  title: z.string(),
  status: z.string(),
  reasons: z.array(z.enum(['requirement', 'control', 'process'])),
});
export const ncSimilarListSchema = z.object({ items: z.array(ncSimilarSchema) });

/** The lists of a cause analysis: the five-whys chain and the similar nonconformities confirmed (10.2 b 2–3). */
export const ncAnalysisListsSchema = z.object({
  whys: z.array(z.string()),
  similarConfirmed: z.array(z.object({ id: z.string(), ref: z.string(), title: z.string(), status: z.string() })),
});

export type NcCorrectionBody = z.infer<typeof ncCorrectionBodySchema>;
export type NcDecisionBody = z.infer<typeof ncDecisionBodySchema>;
export type NcAnalysisBody = z.infer<typeof ncAnalysisBodySchema>;
export type NcEffectivenessReviewBody = z.infer<typeof ncEffectivenessReviewBodySchema>;
export type NcReview = z.infer<typeof ncReviewSchema>;
export type NcSimilar = z.infer<typeof ncSimilarSchema>;
