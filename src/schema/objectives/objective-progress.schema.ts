import { z } from 'zod';
import { decimalInput, intInput, isoDateSchema } from '../common/primitives.js';
import { TARGET_DIRECTIONS } from '../measurement/measure-target.js';
import { CLOSED_LIFECYCLES, PROGRESS_STATUSES, type ObjectiveLifecycle } from './objective.register.js';

/**
 * A manual progress entry (6.2 b when no measure fits): append-only. A wrong entry is corrected by a new one whose
 * note says so; the latest entry by date (then by when it was recorded) is the objective's value.
 */
export const objectiveProgressBodySchema = z.strictObject({
  entryDate: isoDateSchema,
  value: decimalInput(),
  note: z.string().trim().max(4000).optional(),
  evidenceIds: z.array(z.uuid()).max(50).default([]),
});
export type ObjectiveProgressBody = z.infer<typeof objectiveProgressBodySchema>;

export const objectiveProgressSchema = z.object({
  id: z.string(),
  objectiveId: z.string(),
  entryDate: z.string(),
  value: z.number(),
  note: z.string().nullable(),
  evidenceIds: z.array(z.string()),
  recordedBy: z.string(),
  recordedAt: z.string(),
});
export type ObjectiveProgress = z.infer<typeof objectiveProgressSchema>;
export const objectiveProgressListSchema = z.object({ items: z.array(objectiveProgressSchema) });

/** The points of an objective's progress chart, oldest first, with what the chart draws around them. */
export const PROGRESS_SOURCES = ['manual', 'measure'] as const;
export const objectiveSeriesSchema = z.object({
  points: z.array(
    z.object({
      date: z.string(),
      value: z.number(),
      source: z.enum(PROGRESS_SOURCES),
      /** the status the objective had with this point as its latest value */
      status: z.enum(PROGRESS_STATUSES),
    }),
  ),
  target: z.number().nullable(),
  targetUnit: z.string().nullable(),
  targetDirection: z.enum(TARGET_DIRECTIONS).nullable(),
  baseline: z.number().nullable(),
  startDate: z.string().nullable(),
  deadline: z.string().nullable(),
  status: z.enum(PROGRESS_STATUSES),
});
export type ObjectiveSeries = z.infer<typeof objectiveSeriesSchema>;

/** Closing an objective: achieved, missed or withdrawn, with the note that says why (a decision, not a reading). */
export const objectiveCloseBodySchema = z.strictObject({
  expectedVersion: intInput(1),
  outcome: z.enum(CLOSED_LIFECYCLES as [ObjectiveLifecycle, ...ObjectiveLifecycle[]]),
  note: z.string().trim().min(1, 'Required').max(4000),
});
export type ObjectiveCloseBody = z.infer<typeof objectiveCloseBodySchema>;

/** Linking a measure the objective takes its value from (kind `measured_by`, written only by this route). */
export const objectiveMeasureBodySchema = z.strictObject({ measureId: z.uuid() });
export const objectiveMeasureLinkSchema = z.object({
  measureId: z.string(),
  ref: z.string(),
  title: z.string(),
  /** set when the measure's unit differs from the objective's target unit: the link is made, the caller is told */
  unitWarning: z.string().nullable(),
});
export const objectiveMeasureListSchema = z.object({ items: z.array(objectiveMeasureLinkSchema) });
