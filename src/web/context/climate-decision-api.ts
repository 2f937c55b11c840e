import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ClimateDecision, ClimateDecisionInput } from '../../schema/context/climate-decision.schema.js';
import { api, orgPath } from '../lib/api-client.js';
import type { Page, RegisterRecord } from '../lib/api-types.js';

export interface ClimateHistoryItem {
  id: string;
  seq: number;
  actorId: string | null;
  actorLabel: string;
  createdAt: string;
  relevant: boolean;
  reasoning: string;
  decidedBy: string;
  decidedOn: string;
  changes: Record<string, { from: unknown; to: unknown }>;
}

const base = (org: string) => orgPath(org, '/context/climate-decision');
const key = (org: string) => ['org', org, 'climate-decision'] as const;

export const useClimateDecision = (org: string) =>
  useQuery({ queryKey: key(org), queryFn: () => api.get<ClimateDecision>(base(org)) });

export const useClimateHistory = (org: string, enabled: boolean) =>
  useQuery({
    queryKey: [...key(org), 'history'],
    enabled,
    queryFn: () => api.get<{ items: ClimateHistoryItem[] }>(`${base(org)}/history`),
  });

/** How many issues are flagged climate-related (a relevant decision should have at least one). */
export const useClimateIssueCount = (org: string) =>
  useQuery({
    queryKey: ['org', org, 'issues', 'climate-count'],
    queryFn: () =>
      api.get<Page<RegisterRecord>>(orgPath(org, '/issues'), { query: { climateRelated: 'true', pageSize: 1 } }),
    select: (p) => p.total,
  });

export function useSaveClimateDecision(org: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ClimateDecisionInput) => api.put<ClimateDecision>(base(org), body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: key(org) }),
  });
}
