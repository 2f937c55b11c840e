import { z } from 'zod';
import { intInput } from '../common/primitives.js';

/**
 * ISO/IEC 27001:2022/Amd 1:2024 asks the organization to determine whether climate change is a relevant issue.
 * One decision per organization, with its reasoning, who decided and when. "undecided" (nothing recorded yet) is a
 * state of its own, so that a conformity check can tell it from "decided: not relevant".
 */
export const CLIMATE_DECISION_STATUSES = ['undecided', 'relevant', 'not_relevant'] as const;
export type ClimateDecisionStatus = (typeof CLIMATE_DECISION_STATUSES)[number];

export const climateDecisionPutSchema = z.strictObject({
  relevant: z.boolean(),
  reasoning: z.string().trim().min(1, 'Required').max(8000),
  /** the member who took the decision (top management or whoever it was delegated to) */
  decidedBy: z.uuid(),
  decidedOn: z.iso.date(),
  /** the version read before editing; a different current version answers 409 */
  expectedVersion: intInput(0).optional(),
});
export type ClimateDecisionInput = z.infer<typeof climateDecisionPutSchema>;

export const climateDecisionSchema = z.object({
  status: z.enum(CLIMATE_DECISION_STATUSES),
  relevant: z.boolean().nullable(),
  reasoning: z.string().nullable(),
  decidedBy: z.string().nullable(),
  decidedOn: z.string().nullable(),
  /** 0 while undecided; +1 on every change */
  version: z.number().int(),
  updatedAt: z.string().nullable(),
  updatedBy: z.string().nullable(),
});
export type ClimateDecision = z.infer<typeof climateDecisionSchema>;

export const climateDecisionHistorySchema = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      seq: z.number().int(),
      actorId: z.string().nullable(),
      actorLabel: z.string(),
      createdAt: z.string(),
      relevant: z.boolean(),
      reasoning: z.string(),
      decidedBy: z.string(),
      decidedOn: z.string(),
      changes: z.record(z.string(), z.object({ from: z.unknown(), to: z.unknown() })),
    }),
  ),
});
