import { useQuery } from '@tanstack/react-query';
import type { Methodology } from '../../../schema/risks/methodology.schema.js';
import { api, orgPath } from '../../lib/api-client.js';

/**
 * The methodology's own routes (src/server/routes/risks.routes.ts) beyond the generic register and version ones.
 * Every key starts with the register's collection, so saving or approving a version (which refreshes
 * ['org', org, 'risk-methodologies']) refreshes these too: the re-scoring an approval did shows at once.
 */
const COLLECTION = 'risk-methodologies';

export interface StartingMethodology {
  key: string;
  name: string;
  methodology: Methodology;
}

export interface Standing {
  level: string | null;
  score: number | null;
  acceptable: boolean | null;
}

export interface RiskMove {
  riskId: string;
  ref: string;
  title: string;
  before: Standing | null;
  after: Standing | null;
  /** moved across the acceptance line, either way */
  crossed?: boolean;
}

export interface RescoreSummary {
  fromVersion: number | null;
  toVersion: number;
  total: number;
  changed: number;
  crossed: number;
}

export interface RescorePreview extends RescoreSummary {
  moves: RiskMove[];
}

export interface Rescore extends RescorePreview {
  id: string;
  createdAt: string;
  createdBy: string | null;
}

export function useStartingSet(org: string) {
  return useQuery({
    queryKey: ['org', org, COLLECTION, 'starting-set'],
    queryFn: async () => {
      const body = await api.get<{ methodologies?: StartingMethodology[]; items?: StartingMethodology[] }>(
        orgPath(org, '/risk-methodologies/starting-set'),
      );
      return body.methodologies ?? body.items ?? [];
    },
    staleTime: Infinity,
  });
}

export function useRescorePreview(org: string, id: string, no: number, contentHash: string) {
  return useQuery({
    queryKey: ['org', org, COLLECTION, 'record', id, 'rescore-preview', no, contentHash],
    queryFn: () =>
      api.get<RescorePreview>(orgPath(org, `/${COLLECTION}/${encodeURIComponent(id)}/versions/${no}/rescore-preview`)),
  });
}

/** The approved methodology in force (null until one is approved). */
export function useCurrentMethodology(org: string) {
  return useQuery({
    queryKey: ['org', org, COLLECTION, 'current'],
    queryFn: async () =>
      (
        await api.get<{ current: { recordId: string; versionNo: number; methodology: Methodology } | null }>(
          orgPath(org, '/risk-methodologies/current'),
        )
      ).current,
  });
}

/** The re-scoring done by the latest approval, with every risk it moved (null before the first approval). */
export function useLatestRescore(org: string) {
  return useQuery({
    queryKey: ['org', org, COLLECTION, 'rescores', 'latest'],
    queryFn: async () => {
      const list = await api.get<{ items: (RescoreSummary & { id: string })[] }>(orgPath(org, '/risk-rescores'), {
        query: { pageSize: 1 },
      });
      const latest = list.items[0];
      return latest ? api.get<Rescore>(orgPath(org, `/risk-rescores/${encodeURIComponent(latest.id)}`)) : null;
    },
  });
}
