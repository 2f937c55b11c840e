import { z } from 'zod';

const count = z.number().int();
/** one count per value of ISMS_RISK_EFFECTIVENESS */
const effectivenessCounts = z.object({
  not_evaluated: count,
  effective: count,
  partially_effective: count,
  not_effective: count,
});
const kindSummary = z.object({ total: count, effectiveness: effectivenessCounts });

/**
 * The register at a glance (current records only): how many risks and opportunities, how far the effectiveness of
 * their actions has been evaluated and with what result, and what needs attention.
 */
export const ismsRiskSummarySchema = z.object({
  total: count,
  byKind: z.object({ risk: kindSummary, opportunity: kindSummary }),
  /** one count per value of ISMS_RISK_STATUSES */
  byStatus: z.object({ identified: count, action_planned: count, monitoring: count, closed: count }),
  /** evaluation due date passed, effectiveness not evaluated, not closed */
  evaluationOverdue: count,
  /** neither a source issue nor a source requirement */
  withoutSource: count,
});
export type IsmsRiskSummary = z.infer<typeof ismsRiskSummarySchema>;
