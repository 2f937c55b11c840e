import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { treatmentChecksSchema } from '../../../schema/controls/checks.schema.js';
import { planPageSchema } from '../../../schema/controls/treatment-plan.schema.js';
import { treatmentSchema, type AcceptanceInput } from '../../../schema/controls/treatment.schema.js';
import { api, isApiError, orgPath } from '../../lib/api-client.js';
import { riskRegister } from '../../../schema/risks/risk.register.js';

/**
 * The risk treatment plan's live view, the consistency checks and the owner's acceptance. Plan and checks read what
 * treatments, controls and actions say, so an acceptance refreshes them, the risk and its treatment.
 */

export function usePlan(org: string, query: { page: number; pageSize: number; attention: boolean }) {
  return useQuery({
    queryKey: ['org', org, 'risk-treatment-plan', 'live', query],
    queryFn: ({ signal }) =>
      api.get(orgPath(org, '/risk-treatment-plans/live'), planPageSchema, {
        query: { ...query, attention: query.attention ? 'true' : undefined },
        signal,
      }),
    placeholderData: keepPreviousData,
  });
}

export function useTreatmentChecks(org: string) {
  return useQuery({
    queryKey: ['org', org, 'treatment-checks'],
    queryFn: () => api.get(orgPath(org, '/treatment-checks'), treatmentChecksSchema),
  });
}

export function treatmentQueryKey(org: string, riskId: string) {
  return ['org', org, 'risks', 'record', riskId, 'treatment'] as const;
}

export function useTreatment(org: string, riskId: string, enabled = true) {
  return useQuery({
    queryKey: treatmentQueryKey(org, riskId),
    queryFn: () => api.get(orgPath(org, `/risks/${encodeURIComponent(riskId)}/treatment`), treatmentSchema),
    enabled,
  });
}

/** The risk itself, for its owner (the plan row names the owner, the panel needs the id). */
export function useRiskOwner(org: string, riskId: string) {
  return useQuery({
    queryKey: ['org', org, 'risks', 'record', riskId],
    queryFn: () => api.get(orgPath(org, `/risks/${encodeURIComponent(riskId)}`), riskRegister.recordSchema),
    select: (r) => (typeof r.ownerId === 'string' ? r.ownerId : null),
  });
}

export function useAcceptRisk(org: string, riskId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: AcceptanceInput) =>
      api.post(orgPath(org, `/risks/${encodeURIComponent(riskId)}/acceptance`), input, treatmentSchema),
    onSuccess: async (treatment) => {
      queryClient.setQueryData(treatmentQueryKey(org, riskId), treatment);
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: ['org', org, 'risks'] }),
        queryClient.invalidateQueries({ queryKey: ['org', org, 'risk-treatment-plan'] }),
        queryClient.invalidateQueries({ queryKey: ['org', org, 'treatment-checks'] }),
      ]);
    },
    // the treatment changed since it was read: load it again so the owner reads what they would approve
    onError: (err) => {
      if (isApiError(err) && err.status === 409)
        void queryClient.invalidateQueries({ queryKey: treatmentQueryKey(org, riskId) });
    },
  });
}
