import { z } from 'zod';

/** Responsible (does it), Accountable (answers for it; one per activity), Consulted, Informed. */
export const RACI_VALUES = ['R', 'A', 'C', 'I'] as const;
export type RaciValue = (typeof RACI_VALUES)[number];

/** One cell: `null` empties it. */
export const raciCellBodySchema = z.strictObject({ value: z.enum(RACI_VALUES).nullable() });

export const raciCellParamsSchema = z.object({ org: z.string(), activityId: z.uuid(), roleId: z.uuid() });

const cellSchema = z.object({
  activityId: z.string(),
  roleId: z.string(),
  value: z.enum(RACI_VALUES),
  updatedAt: z.string(),
  updatedBy: z.string().nullable(),
});

export const raciMatrixSchema = z.object({
  activities: z.array(
    z.object({
      id: z.string(),
      ref: z.string(),
      name: z.string(),
      description: z.string().nullable(),
      clauses: z.string().nullable(),
      position: z.number().int(),
    }),
  ),
  roles: z.array(
    z.object({ id: z.string(), ref: z.string(), name: z.string(), roleType: z.string(), status: z.string() }),
  ),
  cells: z.array(cellSchema),
});
export type RaciMatrix = z.infer<typeof raciMatrixSchema>;

export const raciCellSchema = z.object({
  activityId: z.string(),
  roleId: z.string(),
  value: z.enum(RACI_VALUES).nullable(),
});

/** "Add the starting set": the roles it creates start as drafts to adapt, or approved when top management already agreed them. */
export const startingSetBodySchema = z.strictObject({ roleStatus: z.enum(['draft', 'approved']).default('draft') });

/** What "Add the starting set" did: how many roles and activities it created, and how many it found already there. */
export const startingSetResultSchema = z.object({
  roles: z.object({ created: z.number().int(), existing: z.number().int() }),
  activities: z.object({ created: z.number().int(), existing: z.number().int() }),
  cells: z.object({ created: z.number().int() }),
});
