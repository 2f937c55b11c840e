import { z } from 'zod';
import { isoDateSchema } from '../common/primitives.js';

/**
 * The follow-up plan of a nonconformity finding, agreed with the lead auditor (27003 9.2 i–l): the correction
 * proposed, the corrective action proposed and its timeframe, and how the audit team verifies it. The description
 * (i) is the finding, the causes (j) come with the nonconformity's cause analysis, the person responsible (l) is
 * the nonconformity's owner.
 */
export const followUpInputSchema = z.strictObject({
  correction: z.string().trim().min(1, 'Required').max(4000),
  correctiveAction: z.string().trim().min(1, 'Required').max(4000),
  dueOn: isoDateSchema,
  verification: z.string().trim().min(1, 'Required').max(4000),
});
export type FollowUpInput = z.infer<typeof followUpInputSchema>;

const person = z.object({ id: z.string(), name: z.string() });
export const followUpSchema = z.object({
  correction: z.string(),
  correctiveAction: z.string(),
  dueOn: z.string(),
  verification: z.string(),
  /** the lead auditor who agreed the plan, and when */
  agreedBy: person,
  agreedOn: z.string(),
});
export type FollowUp = z.infer<typeof followUpSchema>;

export const RAISED_TYPES = ['nonconformity', 'improvement'] as const;
/** The record raised from a finding. */
export const raisedSchema = z.object({ type: z.enum(RAISED_TYPES), id: z.string(), ref: z.string() });
export type Raised = z.infer<typeof raisedSchema>;
