import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { auditProgrammeRegister } from '../../../schema/internal-audit/audit-programme.register.js';
import {
  checklistItemSchema,
  checklistResponseSchema,
  distributionsResponseSchema,
  generateResponseSchema,
  internalAuditRegister,
  previousResultsSchema,
  scopeProcessesResponseSchema,
  teamResponseSchema,
  type AuditStatus,
} from '../../../schema/internal-audit/internal-audit.register.js';
import { AUDIT_STATUSES } from '../../../schema/internal-audit/internal-audit.register.js';
import { api } from '../../lib/api-client.js';
import { recordPageSchemaOf, registerBase } from '../../register/register-api.js';

/** The path of one audit, or of one of its sub-resources (`/team`, `/checklist`…). */
export const auditPath = (org: string, id: string, rest = '') =>
  `${registerBase(org, internalAuditRegister)}/${encodeURIComponent(id)}${rest}`;

/** Every query of one audit starts with this key: a change refreshes the record, its team, checklist and report. */
export const auditKey = (org: string, id: string) => ['org', org, internalAuditRegister.collection, 'record', id];

export function useAuditQuery<S extends z.ZodType>(org: string, id: string, rest: string, schema: S, enabled = true) {
  return useQuery({
    queryKey: [...auditKey(org, id), rest],
    queryFn: ({ signal }) => api.get(auditPath(org, id, rest), schema, { signal }),
    enabled,
  });
}

export const useTeam = (org: string, id: string) => useAuditQuery(org, id, '/team', teamResponseSchema);
export const useScopeProcesses = (org: string, id: string) =>
  useAuditQuery(org, id, '/scope-processes', scopeProcessesResponseSchema);
export const usePreviousResults = (org: string, id: string) =>
  useAuditQuery(org, id, '/previous-results', previousResultsSchema);
export const useChecklist = (org: string, id: string) => useAuditQuery(org, id, '/checklist', checklistResponseSchema);
export const useDistributions = (org: string, id: string, enabled: boolean) =>
  useAuditQuery(org, id, '/distributions', distributionsResponseSchema, enabled);

/** Refreshes everything read about one audit (and the register list, whose columns may have changed). */
export function useRefreshAudit(org: string) {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: ['org', org, internalAuditRegister.collection] });
}

const transitionResponse = z.object({ id: z.string(), status: z.enum(AUDIT_STATUSES), version: z.number().int() });

/** The audit moves along its states, on the version the page read. */
export function useTransition(org: string, id: string) {
  const refresh = useRefreshAudit(org);
  return useMutation({
    mutationFn: (body: { to: AuditStatus; expectedVersion: number }) =>
      api.post(auditPath(org, id, '/transition'), body, transitionResponse),
    onSuccess: refresh,
  });
}

export function useChecklistMutations(org: string, id: string) {
  const refresh = useRefreshAudit(org);
  return {
    generate: useMutation({
      mutationFn: (body: { independenceException?: { justification: string } } = {}) =>
        api.post(auditPath(org, id, '/checklist/generate'), body, generateResponseSchema),
      onSuccess: refresh,
    }),
    add: useMutation({
      mutationFn: (body: { title: string; requirementKey?: string }) =>
        api.post(auditPath(org, id, '/checklist'), body, checklistItemSchema),
      onSuccess: refresh,
    }),
    link: useMutation({
      mutationFn: ({
        itemId,
        ...body
      }: {
        itemId: string;
        kind: string;
        targetType: string;
        targetId: string;
        independenceException?: { justification: string };
      }) => api.post(auditPath(org, id, `/checklist/${encodeURIComponent(itemId)}/links`), body, checklistItemSchema),
      onSuccess: refresh,
    }),
    unlink: useMutation({
      mutationFn: ({ itemId, linkId }: { itemId: string; linkId: string }) =>
        api.delete(auditPath(org, id, `/checklist/${encodeURIComponent(itemId)}/links/${encodeURIComponent(linkId)}`)),
      onSuccess: refresh,
    }),
  };
}

/** The current audit programme (one per organization), to offer its planned audits. */
export function useCurrentProgramme(org: string) {
  return useQuery({
    queryKey: ['org', org, auditProgrammeRegister.collection, 'list', 'current'],
    queryFn: () =>
      api.get(registerBase(org, auditProgrammeRegister), recordPageSchemaOf(auditProgrammeRegister), {
        query: { pageSize: 1 },
      }),
    select: (page) => page.items[0],
  });
}
