import { z } from 'zod';

/** Migrations applied and still to run (`latest` is the name of the last applied one); db/migrate.ts keeps its own interface, as db imports nothing of schema. */
export const migrationStateSchema = z.object({
  applied: z.number().int(),
  pending: z.number().int(),
  latest: z.string().nullable(),
});

export const healthSchema = z.object({
  status: z.enum(['ok', 'migrations-pending']),
  database: z.enum(['sqlite', 'postgres']),
  migrations: migrationStateSchema,
});
export type Health = z.infer<typeof healthSchema>;
