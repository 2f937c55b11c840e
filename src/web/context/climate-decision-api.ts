import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { issueRegister } from '../../schema/context/issue.register.js';
import {
  climateDecisionHistorySchema,
  climateDecisionSchema,
  type ClimateDecisionInput,
} from '../../schema/context/climate-decision.schema.js';
import { api, orgPath } from '../lib/api-client.js';
import { recordPageSchemaOf } from '../register/register-api.js';

export type ClimateHistoryItem = z.infer<typeof climateDecisionHistorySchema>['items'][number];

const base = (org: string) => orgPath(org, '/context/climate-decision');
const key = (org: string) => ['org', org, 'climate-decision'] as const;

export const useClimateDecision = (org: string) =>
  useQuery({ queryKey: key(org), queryFn: () => api.get(base(org), climateDecisionSchema) });

export const useClimateHistory = (org: string, enabled: boolean) =>
  useQuery({
    queryKey: [...key(org), 'history'],
    enabled,
    queryFn: () => api.get(`${base(org)}/history`, climateDecisionHistorySchema),
  });

/** How many issues are flagged climate-related (a relevant decision should have at least one). */
export const useClimateIssueCount = (org: string) =>
  useQuery({
    queryKey: ['org', org, 'issues', 'climate-count'],
    queryFn: () =>
      api.get(orgPath(org, '/issues'), recordPageSchemaOf(issueRegister), {
        query: { climateRelated: 'true', pageSize: 1 },
      }),
    select: (p) => p.total,
  });

export function useSaveClimateDecision(org: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ClimateDecisionInput) => api.put(base(org), body, climateDecisionSchema),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: key(org) }),
  });
}
