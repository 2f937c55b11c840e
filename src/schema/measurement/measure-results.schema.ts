import { z } from 'zod';
import { decimalInput, intParam, isoDateSchema, paginated } from '../common/primitives.js';
import { queryBoolean } from '../register/define-register.js';
import { BASE_KEY_PATTERN } from './measure-formula.js';
import { periodKeySchema, ragSchema } from './measure-target.js';

/** How a result came in: by hand, a CSV/XLSX import, the automation API, the sampler (on time, or catching up). */
export const RESULT_SOURCES = ['manual', 'import', 'api', 'builtin', 'builtin_catch_up'] as const;
export type ResultSource = (typeof RESULT_SOURCES)[number];

/** The most results one automation push or import carries (all or nothing). */
export const MAX_BATCH_RESULTS = 10_000;
export const MAX_EVIDENCE_PER_RESULT = 50;

const value = decimalInput();
const note = z.string().trim().max(4000);
export const baseValuesSchema = z
  .record(z.string().regex(BASE_KEY_PATTERN, 'a base-measure key: letters, digits and _'), value)
  .refine((r) => Object.keys(r).length <= 20, 'at most 20 base values');

/**
 * One result recorded by hand: the value, or the base values from which the measure's formula derives it. The
 * period is the measure's period of `measuredOn` unless given (a value measured on 2 January for December). A
 * second result for a period supersedes the current one (it must say why in `note`) until the period is evaluated.
 */
export const recordResultBodySchema = z.strictObject({
  measuredOn: isoDateSchema,
  periodKey: periodKeySchema.optional(),
  value: value.nullable().optional(),
  base: baseValuesSchema.optional(),
  note: note.optional(),
  evidenceIds: z.array(z.uuid()).max(MAX_EVIDENCE_PER_RESULT).default([]),
});
export type RecordResultBody = z.output<typeof recordResultBodySchema>;

/** A result pushed by automation: the measure by reference (MSR-004) or id. */
export const pushedResultSchema = z.strictObject({
  measure: z.string().trim().min(1).max(60),
  measuredOn: isoDateSchema,
  periodKey: periodKeySchema.optional(),
  value: value.nullable().optional(),
  base: baseValuesSchema.optional(),
  note: note.optional(),
});
export const pushResultsBodySchema = z.strictObject({
  results: z
    .array(pushedResultSchema)
    .min(1, 'Give at least one result')
    .max(MAX_BATCH_RESULTS, `At most ${MAX_BATCH_RESULTS} results per request`),
});
export type PushedResult = z.output<typeof pushedResultSchema>;

export const measureResultSchema = z.object({
  id: z.uuid(),
  measureId: z.uuid(),
  periodKey: z.string(),
  measuredOn: z.string(),
  value: z.number().nullable(),
  baseValues: z.record(z.string(), z.number()),
  rag: ragSchema.nullable(),
  source: z.enum(RESULT_SOURCES),
  recordedBy: z.string().nullable(),
  recordedAt: z.string(),
  note: z.string().nullable(),
  evidenceIds: z.array(z.string()),
  evaluatedAt: z.string().nullable(),
  supersededBy: z.string().nullable(),
});
export type MeasureResult = z.infer<typeof measureResultSchema>;

export const resultListQuerySchema = z.strictObject({
  page: intParam(1, 1_000_000).default(1),
  pageSize: intParam(1, 200).default(50),
  /** measured on or after / before (ISO dates, inclusive) */
  from: isoDateSchema.optional(),
  to: isoDateSchema.optional(),
  /** also list the results later corrected (superseded) */
  superseded: queryBoolean.optional(),
});
export const resultPageSchema = paginated(measureResultSchema);

export const pushResultsAnswerSchema = z.object({
  stored: z.number().int(),
  superseded: z.number().int(),
});

/** An evaluation of one analysis period (9.1 e): the analyst's judgement; it freezes the period's results. */
export const evaluationBodySchema = z.strictObject({
  periodKey: periodKeySchema,
  rag: ragSchema,
  note: z.string().trim().min(1, 'Required: what the results mean and what follows').max(8000),
  actionIds: z.array(z.uuid()).max(50).default([]),
});
export const measureEvaluationSchema = z.object({
  id: z.uuid(),
  measureId: z.uuid(),
  periodKey: z.string(),
  rag: ragSchema,
  note: z.string(),
  actionIds: z.array(z.string()),
  evaluatedBy: z.string().nullable(),
  evaluatedAt: z.string(),
  nonconformityId: z.string().nullable(),
  /** the results this evaluation froze */
  resultCount: z.number().int(),
});
export type MeasureEvaluation = z.infer<typeof measureEvaluationSchema>;
export const evaluationListSchema = z.object({ items: z.array(measureEvaluationSchema) });
export const raisedFromEvaluationSchema = z.object({
  evaluation: measureEvaluationSchema,
  nonconformity: z.object({ id: z.uuid(), ref: z.string() }),
});
/** Raising a nonconformity from a red evaluation: who handles it and by when (both optional). */
export const raiseFromEvaluationBodySchema = z.strictObject({
  ownerId: z.uuid().optional(),
  dueDate: isoDateSchema.optional(),
});
export const importResultsAnswerSchema = z.object({
  dryRun: z.boolean(),
  rows: z.number().int(),
  stored: z.number().int(),
  superseded: z.number().int(),
  unchanged: z.number().int(),
});
