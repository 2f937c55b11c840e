import { useMutation } from '@tanstack/react-query';
import {
  raiseFindingBodySchema,
  raiseFindingResponseSchema,
  type RaiseFindingBody,
} from '../../../schema/internal-audit/audit-raise.schema.js';
import { findingsResponseSchema, type ChecklistItem } from '../../../schema/internal-audit/internal-audit.register.js';
import { api } from '../../lib/api-client.js';
import { auditPath, useAuditQuery, useRefreshAudit } from './audits-api.js';

/** The form of raising an NC finding: its owner and the follow-up plan agreed with the lead auditor are required. */
export const raiseNcBodySchema = raiseFindingBodySchema.required({ ownerId: true, followUp: true });
/** The form of raising an observation or OFI: no follow-up plan (an owner may be named). */
export const raiseImprovementBodySchema = raiseFindingBodySchema.omit({ followUp: true });

/** A finding: a checklist item with what it was raised as and the agreed follow-up. */
export type FindingItem = ChecklistItem;
export type RaiseBody = RaiseFindingBody;

/** `POST …/checklist/{itemId}/raise`: the NC finding becomes a nonconformity, an observation or OFI an improvement. */
export function useRaise(org: string, auditId: string) {
  const refresh = useRefreshAudit(org);
  return useMutation({
    mutationFn: ({ itemId, body }: { itemId: string; body: RaiseBody }) =>
      api.post(
        auditPath(org, auditId, `/checklist/${encodeURIComponent(itemId)}/raise`),
        body,
        raiseFindingResponseSchema,
      ),
    onSuccess: refresh,
  });
}

/** The audit's findings (GET …/findings), each with what it was raised as. */
export const useFindings = (org: string, id: string) => useAuditQuery(org, id, '/findings', findingsResponseSchema);
