import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { nonconformityRegister } from '../../schema/improvement/nonconformity.register.js';
import {
  ncAnalysisListsSchema,
  ncReviewListSchema,
  ncSimilarListSchema,
} from '../../schema/improvement/nonconformity-steps.schema.js';
import { ncTrendsSchema, type NcTrendsQuery } from '../../schema/improvement/nonconformity-trends.schema.js';
import { improvementRegister } from '../../schema/improvement/improvement.register.js';
import { api, orgPath } from '../lib/api-client.js';
import { recordSchemaOf } from '../register/register-api.js';

const NC = nonconformityRegister.collection;
const ncPath = (org: string, id: string, rest = '') => orgPath(org, `/${NC}/${encodeURIComponent(id)}${rest}`);

/** The steps of a nonconformity's handling (27001 10.2): each one is its own endpoint. */
export type NcStep = 'correction' | 'decision' | 'analysis' | 'effectiveness-review' | 'close';

/**
 * Takes one step of a nonconformity (`POST …/{step}` with the version read); the record, its lists and the
 * tracker's actions are read again after it.
 */
export function useNcStep(org: string, id: string, step: NcStep) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: Record<string, unknown>) =>
      api.post(ncPath(org, id, `/${step}`), body, recordSchemaOf(nonconformityRegister)),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['org', org, NC] }),
  });
}

/** Nonconformities Rampart proposes as similar: same requirement, same control or process (10.2 b 3). */
export function useSimilarNonconformities(org: string, id: string, enabled = true) {
  return useQuery({
    queryKey: ['org', org, NC, 'record', id, 'similar'],
    queryFn: () => api.get(ncPath(org, id, '/similar'), ncSimilarListSchema),
    enabled,
  });
}

/** The five whys in order and the similar nonconformities confirmed by the analysis. */
export function useNcAnalysisLists(org: string, id: string, enabled = true) {
  return useQuery({
    queryKey: ['org', org, NC, 'record', id, 'analysis'],
    queryFn: () => api.get(ncPath(org, id, '/analysis'), ncAnalysisListsSchema),
    enabled,
  });
}

/** Every effectiveness review, oldest first: a "not effective" one stays on record after the reopening. */
export function useNcReviews(org: string, id: string) {
  return useQuery({
    queryKey: ['org', org, NC, 'record', id, 'reviews'],
    queryFn: () => api.get(ncPath(org, id, '/reviews'), ncReviewListSchema),
  });
}

export function useNcTrends(org: string, query: Partial<NcTrendsQuery>) {
  return useQuery({
    queryKey: ['org', org, NC, 'trends', query],
    queryFn: () =>
      api.get(orgPath(org, `/${NC}/trends`), ncTrendsSchema, {
        query: { by: query.by, from: query.from, to: query.to },
      }),
  });
}

/** The address of a nonconformity's history export (its steps, actions, reviews and audit events). */
export const ncHistoryPath = (org: string, id: string, format: 'xlsx' | 'pdf') => ncPath(org, id, `/history.${format}`);

export type ImprovementStep = 'evaluation' | 'implemented' | 'review';

/** Takes one step of an improvement (27001 10.1): evaluation, implemented, effectiveness review. */
export function useImprovementStep(org: string, id: string, step: ImprovementStep) {
  const queryClient = useQueryClient();
  const path = orgPath(org, `/${improvementRegister.collection}/${encodeURIComponent(id)}/${step}`);
  return useMutation({
    mutationFn: (body: Record<string, unknown>) => api.post(path, body, recordSchemaOf(improvementRegister)),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['org', org, improvementRegister.collection] }),
  });
}

/** "Suggest an improvement": open to every member, viewers and auditors included. */
export function useSuggestImprovement(org: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { title: string; description?: string }) =>
      api.post(orgPath(org, `/${improvementRegister.collection}/suggest`), body, recordSchemaOf(improvementRegister)),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['org', org, improvementRegister.collection] }),
  });
}
