import { z } from 'zod';

/** RFC 9457 problem details, with per-field errors for validation problems. */
export const fieldErrorSchema = z.object({ field: z.string(), message: z.string() });
export const problemSchema = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string().optional(),
  errors: z.array(fieldErrorSchema).optional(),
  /** how many field errors there are beyond those in `errors` (the list is capped) */
  errorsNotListed: z.number().int().optional(),
});
export type Problem = z.infer<typeof problemSchema>;
export type FieldError = z.infer<typeof fieldErrorSchema>;

export const PROBLEM_BASE = 'https://rampart.dev/problems/';
