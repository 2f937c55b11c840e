import { z } from 'zod';
import { intParam, isoDateSchema } from '../common/primitives.js';
import { FREQUENCIES, RAG, TARGET_DIRECTIONS, ragSchema } from './measure-target.js';
import { MEASURE_KINDS } from './measure.register.js';

export const MAX_DASHBOARD_PERIODS = 60;

/** `GET /measures/dashboard`: every active measure, with the series of its last `periods` results up to `to`. */
export const dashboardQuerySchema = z.strictObject({
  /** results measured on or after this date */
  from: isoDateSchema.optional(),
  /** results measured on or before this date (default: all) */
  to: isoDateSchema.optional(),
  periods: intParam(1, MAX_DASHBOARD_PERIODS).default(12),
  kind: z.enum(MEASURE_KINDS).optional(),
  rag: z.enum(RAG).optional(),
  /** only measures that inform this objective */
  objectiveId: z.uuid().optional(),
});

export const dashboardPointSchema = z.object({
  periodKey: z.string(),
  measuredOn: z.string(),
  value: z.number().nullable(),
  rag: ragSchema.nullable(),
});
export const dashboardMeasureSchema = z.object({
  id: z.uuid(),
  ref: z.string(),
  title: z.string(),
  kind: z.enum(MEASURE_KINDS),
  unit: z.string().nullable(),
  frequency: z.enum(FREQUENCIES),
  targetValue: z.number(),
  targetDirection: z.enum(TARGET_DIRECTIONS),
  amberThreshold: z.number().nullable(),
  builtInKey: z.string().nullable(),
  latestValue: z.number().nullable(),
  latestPeriod: z.string().nullable(),
  latestRag: ragSchema.nullable(),
  /** oldest first */
  series: z.array(dashboardPointSchema),
});
export const dashboardSchema = z.object({
  items: z.array(dashboardMeasureSchema),
  counts: z.object({ green: z.number().int(), amber: z.number().int(), red: z.number().int(), none: z.number().int() }),
});
export type Dashboard = z.infer<typeof dashboardSchema>;
