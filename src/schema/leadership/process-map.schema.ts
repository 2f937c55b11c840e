import { z } from 'zod';

/** The diagram's data in one request: every current process and every interaction between current processes. */
export const processMapSchema = z.object({
  processes: z.array(
    z.object({
      id: z.string(),
      ref: z.string(),
      name: z.string(),
      status: z.string(),
      ownerId: z.string().nullable(),
      clauses: z.string().nullable(),
    }),
  ),
  interactions: z.array(
    z.object({
      id: z.string(),
      ref: z.string(),
      fromProcessId: z.string(),
      toProcessId: z.string(),
      flows: z.string(),
      description: z.string().nullable(),
    }),
  ),
});
export type ProcessMap = z.infer<typeof processMapSchema>;
