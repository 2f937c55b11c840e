import { z } from 'zod';
import { paginated, pageQuerySchema } from '../common/primitives.js';

/** Replace the set of records a risk (or trigger) names: at most 500, each a current record of the organization. */
export const riskAssetsBodySchema = z.strictObject({ assetIds: z.array(z.uuid()).max(500) });
export const triggerRisksBodySchema = z.strictObject({ riskIds: z.array(z.uuid()).max(500) });

export const linkedRecordSchema = z.object({ id: z.string(), ref: z.string(), title: z.string() });
export const linkedListSchema = paginated(linkedRecordSchema);
/** A set holds at most 500 (what a PUT accepts), so the default page is the whole set: a client can read, edit, PUT. */
export const SET_PAGE_MAX = 500;
export const linkedListQuerySchema = pageQuerySchema(SET_PAGE_MAX);

export const heatMapQuerySchema = z.strictObject({
  ownerId: z.union([z.literal('me'), z.uuid()]).optional(),
  assetId: z.uuid().optional(),
});

export const compareQuerySchema = z.strictObject({
  from: z.uuid(),
  /** an assessment id, or `current` for the register as it stands */
  to: z.union([z.literal('current'), z.uuid()]),
  changesOnly: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .default(true),
});

export const COMPARE_CHANGES = ['added', 'removed', 'rose', 'fell', 'same'] as const;
export const CROSSINGS = ['to_unacceptable', 'to_acceptable'] as const;

/** Closing an assessment; the note (what was concluded) goes into the audit trail with the closure. */
export const closeAssessmentBodySchema = z.strictObject({ note: z.string().trim().max(2000).optional() });
