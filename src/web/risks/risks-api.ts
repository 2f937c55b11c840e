import { useRef } from 'react';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Methodology } from '../../schema/risks/methodology.schema.js';
import { api, orgPath } from '../lib/api-client.js';
import type { ItemList, Page, RegisterRecord } from '../lib/api-types.js';

/** Queries of the risk assessment routes beyond the generic register ones (docs/API.md "Risk assessment"). */

export interface MethodologyInForce {
  recordId: string;
  ref: string;
  versionNo: number;
  approvedAt: string | null;
  methodology: Methodology;
}

export interface HeatMapLevel {
  key: string;
  label: string;
  colour: string;
  acceptable: boolean;
}

export interface HeatMapData {
  methodology: null | {
    recordId: string;
    ref: string;
    versionNo: number;
    likelihood: { name: string; levels: string[] };
    consequence: { name: string; levels: string[] };
    levels: HeatMapLevel[];
  };
  cells: { likelihood: number; consequence: number; level: string; count: number }[];
  total: number;
  notEvaluated: number;
}

export interface RescoreStanding {
  level: string | null;
  score: number | null;
  acceptable: boolean | null;
}

export interface RiskMove {
  riskId: string;
  ref: string;
  title: string;
  before: RescoreStanding | null;
  after: RescoreStanding | null;
  crossed: boolean;
  carried: { field: string; from: number; to: number }[];
}

export interface Rescore {
  id: string;
  fromVersion: number | null;
  toVersion: number;
  total: number;
  changed: number;
  crossed: number;
  createdAt: string;
  createdBy: string | null;
  moves?: RiskMove[];
}

/** A risk as an assessment froze it, or as the register stands (compare). */
export interface Standing {
  riskId: string;
  ref: string;
  title: string;
  ownerLabel: string | null;
  status: string;
  likelihood: number | null;
  consequenceLevel: number | null;
  score: number | null;
  level: string | null;
  levelRank: number | null;
  acceptable: boolean | null;
  priority: number | null;
}

export type CompareChange = 'added' | 'removed' | 'rose' | 'fell' | 'same';
export interface CompareRow {
  riskId: string;
  ref: string;
  title: string;
  change: CompareChange;
  crossed: 'to_unacceptable' | 'to_acceptable' | null;
  before: Standing | null;
  after: Standing | null;
}
export interface CompareHead {
  id: string;
  ref: string | null;
  title: string | null;
  closedAt: string | null;
  methodologyVersion: number | null;
}
export interface Comparison {
  from: CompareHead;
  to: CompareHead;
  methodologyChanged: boolean;
  summary: {
    added: number;
    removed: number;
    rose: number;
    fell: number;
    toUnacceptable: number;
    toAcceptable: number;
    unchanged: number;
  };
  rows: CompareRow[];
}

export interface LinkedRecord {
  id: string;
  ref: string;
  title: string;
}

const key = (org: string, ...rest: unknown[]) => ['org', org, 'risks', ...rest];

/** The approved methodology every risk is evaluated with (null until one is approved). */
export function useMethodologyInForce(org: string) {
  return useQuery({
    queryKey: ['org', org, 'risk-methodologies', 'in-force'],
    queryFn: () => api.get<{ current: MethodologyInForce | null }>(orgPath(org, '/risk-methodologies/current')),
    select: (d) => d.current,
  });
}

/** One version of the methodology (older assessments and re-scorings are read on the scales of their own version). */
export function useMethodologyVersion(org: string, recordId: string | undefined, versionNo: number | null | undefined) {
  return useQuery({
    // The same key and answer as the versioned-document pages' useVersion, so both share the cache.
    queryKey: ['org', org, 'risk-methodologies', 'record', recordId, 'versions', versionNo],
    enabled: !!recordId && typeof versionNo === 'number',
    queryFn: () =>
      api.get<{ content: { methodology?: Methodology } }>(
        orgPath(org, `/risk-methodologies/${encodeURIComponent(recordId!)}/versions/${versionNo}`),
      ),
    select: (d) => d.content.methodology,
  });
}

export function useHeatMap(org: string, filters: { ownerId?: string | undefined; assetId?: string | undefined }) {
  return useQuery({
    queryKey: key(org, 'heat-map', filters),
    queryFn: ({ signal }) => api.get<HeatMapData>(orgPath(org, '/risks/heat-map'), { query: filters, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useRescores(org: string, page: number, pageSize = 20) {
  return useQuery({
    queryKey: key(org, 'rescores', page, pageSize),
    queryFn: () => api.get<Page<Rescore>>(orgPath(org, '/risk-rescores'), { query: { page, pageSize } }),
    placeholderData: keepPreviousData,
  });
}

export function useRescore(org: string, id: string) {
  return useQuery({
    queryKey: key(org, 'rescores', 'one', id),
    queryFn: () => api.get<Rescore>(orgPath(org, `/risk-rescores/${encodeURIComponent(id)}`)),
  });
}

/** Whether an open reassessment trigger names this risk and it was not evaluated since (one small list query). */
export function useReassessmentDue(org: string, risk: RegisterRecord | undefined) {
  return useQuery({
    queryKey: key(org, 'list', 'due', risk?.id, risk?.version),
    enabled: !!risk,
    queryFn: () =>
      api.get<Page<RegisterRecord>>(orgPath(org, '/risks'), {
        query: { reassessmentDue: 'true', q: risk!.ref, pageSize: 25 },
      }),
    select: (p) => p.items.some((r) => r.id === risk!.id),
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
  const query = useQuery({ queryKey, queryFn: () => api.get<ItemList<LinkedRecord>>(orgPath(org, path)) });
  // The set as last asked for: two quick additions each send the whole set, the second including the first.
  const wanted = useRef<string[] | null>(null);
  const replace = useMutation({
    mutationFn: (ids: string[]) => api.put<ItemList<LinkedRecord>>(orgPath(org, path), { [bodyKey]: ids }),
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
      api.post<{ riskCount: number; methodologyVersion: number }>(
        orgPath(org, `/risk-assessments/${encodeURIComponent(id)}/close`),
        note ? { note } : {},
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['org', org, 'risk-assessments'] }),
  });
}

export function useAssessmentEntries(org: string, id: string, page: number, pageSize: number, enabled: boolean) {
  return useQuery({
    queryKey: ['org', org, 'risk-assessments', 'record', id, 'entries', page, pageSize],
    enabled,
    queryFn: () =>
      api.get<Page<Standing>>(orgPath(org, `/risk-assessments/${encodeURIComponent(id)}/entries`), {
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
    queryFn: () => api.get<Comparison>(orgPath(org, '/risk-assessments/compare'), { query: compareQueryString(q!) }),
    placeholderData: keepPreviousData,
  });
}
