import { z } from 'zod';
import { isoDateSchema } from '../common/primitives.js';

export const NC_TREND_PERIODS = ['month', 'quarter'] as const;

export const ncTrendsQuerySchema = z.strictObject({
  from: isoDateSchema.optional(),
  to: isoDateSchema.optional(),
  by: z.enum(NC_TREND_PERIODS).default('month'),
});
export type NcTrendsQuery = z.infer<typeof ncTrendsQuerySchema>;

const count = z.number().int();
export const ncTrendsSchema = z.object({
  from: z.string(),
  to: z.string(),
  by: z.enum(NC_TREND_PERIODS),
  /** every period of the range, in order (`2026-03` or `2026-Q1`), with the nonconformities found and closed in it */
  periods: z.array(z.object({ period: z.string(), opened: count, closed: count })),
  bySource: z.array(z.object({ source: z.string(), count })),
  /** by the clause of the 27001 requirement not fulfilled (2022 numbering, the 2013 clause beside) */
  byClause: z.array(z.object({ clause: z.string(), clause2013: z.string().nullable(), count })),
  byControl: z.array(z.object({ controlId: z.string(), ref: z.string(), title: z.string(), count })),
  /** days from found to closed, of those closed in the range */
  daysToClose: z.object({ closed: count, mean: z.number().nullable(), median: z.number().nullable() }),
  /** found in the range with another one of the same requirement or the same control in the 12 months before */
  repeats: z.object({ byRequirement: count, byControl: count }),
});
export type NcTrends = z.infer<typeof ncTrendsSchema>;
