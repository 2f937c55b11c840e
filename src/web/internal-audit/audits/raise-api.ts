import { useMutation } from '@tanstack/react-query';
import { z } from 'zod';
import { isoDateSchema } from '../../../schema/common/primitives.js';
import { checklistItemSchema, findingsResponseSchema } from '../../../schema/internal-audit/internal-audit.register.js';
import { api } from '../../lib/api-client.js';
import { auditPath, useAuditQuery, useRefreshAudit } from './audits-api.js';

// The raise contract of i14-findings (branch h/i14-findings), not on main yet: these schemas stand in for the
// server's until that branch merges, when the lead swaps them for the ones in src/schema/internal-audit.

/** The follow-up plan of 27003 9.2 i–l, agreed with the lead auditor when an NC finding is raised. */
export const followUpBodySchema = z.strictObject({
  correction: z.string().trim().min(1).max(4000),
  correctiveAction: z.string().trim().min(1).max(4000),
  dueOn: isoDateSchema,
  verification: z.string().trim().min(1).max(4000),
});
export const raiseNcBodySchema = z.strictObject({
  expectedVersion: z.number().int().positive(),
  ownerId: z.uuid(),
  title: z.string().trim().min(1).max(200).optional(),
  followUp: followUpBodySchema,
});
export const raiseImprovementBodySchema = z.strictObject({
  expectedVersion: z.number().int().positive(),
  title: z.string().trim().min(1).max(200).optional(),
});

const raisedSchema = z.object({ type: z.string(), id: z.string(), ref: z.string() });
const followUpSchema = z.object({
  correction: z.string(),
  correctiveAction: z.string(),
  dueOn: z.string(),
  verification: z.string(),
  /** the lead auditor who agreed the plan, and when */
  agreedBy: z.object({ id: z.string(), name: z.string() }),
  agreedOn: z.string(),
});
/** A finding as the raise contract reads it: the item, with what it was raised as and the agreed follow-up. */
export const findingItemSchema = checklistItemSchema.extend({
  raised: raisedSchema.nullable().optional(),
  followUp: followUpSchema.nullable().optional(),
});
export type FindingItem = z.infer<typeof findingItemSchema>;
export const findingsWithRaisedSchema = findingsResponseSchema.extend({ items: z.array(findingItemSchema) });
export const raiseResponseSchema = z.object({
  kind: z.enum(['nonconformity', 'improvement']),
  id: z.string(),
  ref: z.string(),
  item: findingItemSchema,
});

export type RaiseBody = z.infer<typeof raiseNcBodySchema> | z.infer<typeof raiseImprovementBodySchema>;

/** `POST …/checklist/{itemId}/raise`: the NC finding becomes a nonconformity, an observation or OFI an improvement. */
export function useRaise(org: string, auditId: string) {
  const refresh = useRefreshAudit(org);
  return useMutation({
    mutationFn: ({ itemId, body }: { itemId: string; body: RaiseBody }) =>
      api.post(auditPath(org, auditId, `/checklist/${encodeURIComponent(itemId)}/raise`), body, raiseResponseSchema),
    onSuccess: refresh,
  });
}

/** The audit's findings (GET …/findings), each with what it was raised as once the raise route answers it. */
export const useFindings = (org: string, id: string) => useAuditQuery(org, id, '/findings', findingsWithRaisedSchema);
