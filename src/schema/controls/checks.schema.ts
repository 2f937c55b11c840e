import { z } from 'zod';

/**
 * What an internal auditor checks in risk treatment and the SoA (27003 9.2), each with the records to fix.
 */
export const TREATMENT_CHECKS = [
  'control_without_reason',
  'exclusion_without_explanation',
  'excluded_but_treating',
  'risk_without_treatment',
  'risk_without_owner_approval',
  'residual_above_acceptance',
  'actions_overdue',
] as const;
export type TreatmentCheck = (typeof TREATMENT_CHECKS)[number];

export const treatmentChecksSchema = z.object({
  checks: z.array(
    z.object({
      key: z.enum(TREATMENT_CHECKS),
      /** how many records fail the check (items lists the first ones) */
      count: z.number().int(),
      items: z.array(
        z.object({
          type: z.enum(['control', 'risk', 'action']),
          id: z.string(),
          ref: z.string(),
          title: z.string(),
          detail: z.string().nullable(),
        }),
      ),
    }),
  ),
});
export type TreatmentChecks = z.infer<typeof treatmentChecksSchema>;
