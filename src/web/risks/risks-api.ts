import { useRef } from 'react';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { methodologySchema } from '../../schema/risks/methodology.schema.js';
import { linkedListSchema } from '../../schema/risks/risks.schema.js';
import {
  assessmentEntriesSchema,
  closedAssessmentSchema,
  comparisonSchema,
  currentMethodologySchema,
  heatMapSchema,
  rescoreListSchema,
  rescoreSchema,
} from '../../schema/risks/risks.responses.js';
import { api, orgPath } from '../lib/api-client.js';

/** Queries of the risk assessment routes beyond the generic register ones (docs/API.md "Risk assessment"). */

const key = (org: string, ...rest: unknown[]) => ['org', org, 'risks', ...rest];

/** The approved methodology every risk is evaluated with (null until one is approved). */
export const inForceKey = (org: string) => ['org', org, 'risk-methodologies', 'in-force'];

export function useMethodologyInForce(org: string) {
  return useQuery({
    queryKey: inForceKey(org),
    queryFn: () => api.get(orgPath(org, '/risk-methodologies/current'), currentMethodologySchema),
    select: (d) => d.current,
  });
}

/** What this page reads of a methodology version (the versioned routes answer more: the rest is not read here). */
const methodologyVersionSchema = z.object({ content: z.object({ methodology: methodologySchema.optional() }) });

/** One version of the methodology (older assessments and re-scorings are read on the scales of their own version). */
export function useMethodologyVersion(org: string, recordId: string | undefined, versionNo: number | null | undefined) {
  return useQuery({
    // The same key and answer as the versioned-document pages' useVersion, so both share the cache.
    queryKey: ['org', org, 'risk-methodologies', 'record', recordId, 'versions', versionNo],
    enabled: !!recordId && typeof versionNo === 'number',
    queryFn: () =>
      api.get(
        orgPath(org, `/risk-methodologies/${encodeURIComponent(recordId!)}/versions/${versionNo}`),
        methodologyVersionSchema,
      ),
    select: (d) => d.content.methodology,
  });
}

export function useHeatMap(org: string, filters: { ownerId?: string | undefined; assetId?: string | undefined }) {
  return useQuery({
    queryKey: key(org, 'heat-map', filters),
    queryFn: ({ signal }) => api.get(orgPath(org, '/risks/heat-map'), heatMapSchema, { query: filters, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useRescores(org: string, page: number, pageSize = 20) {
  return useQuery({
    queryKey: key(org, 'rescores', page, pageSize),
    queryFn: () => api.get(orgPath(org, '/risk-rescores'), rescoreListSchema, { query: { page, pageSize } }),
    placeholderData: keepPreviousData,
  });
}

export function useRescore(org: string, id: string) {
  return useQuery({
    queryKey: key(org, 'rescores', 'one', id),
    queryFn: () => api.get(orgPath(org, `/risk-rescores/${encodeURIComponent(id)}`), rescoreSchema),
  });
}

/** A set of records a record names, replaced as a whole: the assets of a risk, the risks of a trigger. */
function useLinkedSet(
  org: string,
  path: string,
  bodyKey: 'assetIds' | 'riskIds',
  queryKey: unknown[],
  alsoInvalidate: unknown[],
) {
  const queryClient = useQueryClient();
  const query = useQuery({ queryKey, queryFn: () => api.get(orgPath(org, path), linkedListSchema) });
  // The set as last asked for: two quick additions each send the whole set, the second including the first.
  const wanted = useRef<string[] | null>(null);
  const replace = useMutation({
    mutationFn: (ids: string[]) => api.put(orgPath(org, path), { [bodyKey]: ids }, linkedListSchema),
    onSuccess: async (data) => {
      queryClient.setQueryData(queryKey, data);
      await queryClient.invalidateQueries({ queryKey: alsoInvalidate });
    },
    onError: () => {
      wanted.current = null;
    },
  });
  const current = () => wanted.current ?? (query.data?.items ?? []).map((r) => r.id);
  const change = (next: string[]) => {
    wanted.current = next;
    replace.mutate(next, {
      onSettled: () => {
        if (wanted.current === next) wanted.current = null;
      },
    });
  };
  return {
    query,
    replace,
    add: (id: string) => change([...current().filter((x) => x !== id), id]),
    remove: (id: string) => change(current().filter((x) => x !== id)),
  };
}

export const riskAssetsPath = (id: string) => `/risks/${encodeURIComponent(id)}/assets`;

export function useRiskAssets(org: string, riskId: string) {
  return useLinkedSet(org, riskAssetsPath(riskId), 'assetIds', key(org, 'record', riskId, 'assets'), [
    'org',
    org,
    'risks',
    'record',
    riskId,
    'history',
  ]);
}

export function useTriggerRisks(org: string, triggerId: string) {
  return useLinkedSet(
    org,
    `/reassessment-triggers/${encodeURIComponent(triggerId)}/risks`,
    'riskIds',
    ['org', org, 'reassessment-triggers', 'record', triggerId, 'risks'],
    ['org', org, 'risks'],
  );
}

export function useCloseAssessment(org: string, id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (note: string) =>
      api.post(
        orgPath(org, `/risk-assessments/${encodeURIComponent(id)}/close`),
        note ? { note } : {},
        closedAssessmentSchema,
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['org', org, 'risk-assessments'] }),
  });
}

export function useAssessmentEntries(org: string, id: string, page: number, pageSize: number, enabled: boolean) {
  return useQuery({
    queryKey: ['org', org, 'risk-assessments', 'record', id, 'entries', page, pageSize],
    enabled,
    queryFn: () =>
      api.get(orgPath(org, `/risk-assessments/${encodeURIComponent(id)}/entries`), assessmentEntriesSchema, {
        query: { page, pageSize },
      }),
    placeholderData: keepPreviousData,
  });
}

export interface CompareQuery {
  from: string;
  to: string;
  changesOnly: boolean;
}

export const compareQueryString = (q: CompareQuery) => ({ from: q.from, to: q.to, changesOnly: String(q.changesOnly) });

export function useComparison(org: string, q: CompareQuery | null) {
  return useQuery({
    queryKey: ['org', org, 'risk-assessments', 'compare', q],
    enabled: !!q,
    queryFn: () =>
      api.get(orgPath(org, '/risk-assessments/compare'), comparisonSchema, { query: compareQueryString(q!) }),
    placeholderData: keepPreviousData,
  });
}
