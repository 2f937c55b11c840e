import { useQuery } from '@tanstack/react-query';
import {
  currentMethodologySchema,
  rescoreListSchema,
  rescorePreviewSchema,
  rescoreSchema,
  startingSetSchema,
} from '../../../schema/risks/risks.responses.js';
import { api, orgPath } from '../../lib/api-client.js';

/**
 * The methodology's own routes (src/server/routes/risks.routes.ts) beyond the generic register and version ones.
 * Every key starts with the register's collection, so saving or approving a version (which refreshes
 * ['org', org, 'risk-methodologies']) refreshes these too: the re-scoring an approval did shows at once.
 */
const COLLECTION = 'risk-methodologies';

export function useStartingSet(org: string) {
  return useQuery({
    queryKey: ['org', org, COLLECTION, 'starting-set'],
    queryFn: async () =>
      (await api.get(orgPath(org, '/risk-methodologies/starting-set'), startingSetSchema)).methodologies,
    staleTime: Infinity,
  });
}

export function useRescorePreview(org: string, id: string, no: number, contentHash: string) {
  return useQuery({
    queryKey: ['org', org, COLLECTION, 'record', id, 'rescore-preview', no, contentHash],
    queryFn: () =>
      api.get(
        orgPath(org, `/${COLLECTION}/${encodeURIComponent(id)}/versions/${no}/rescore-preview`),
        rescorePreviewSchema,
      ),
  });
}

/** The approved methodology in force (null until one is approved). */
export const currentMethodologyKey = (org: string) => ['org', org, COLLECTION, 'current'];

export function useCurrentMethodology(org: string) {
  return useQuery({
    queryKey: currentMethodologyKey(org),
    queryFn: async () => (await api.get(orgPath(org, '/risk-methodologies/current'), currentMethodologySchema)).current,
  });
}

/** The re-scoring done by the latest approval, with every risk it moved (null before the first approval). */
export function useLatestRescore(org: string) {
  return useQuery({
    queryKey: ['org', org, COLLECTION, 'rescores', 'latest'],
    queryFn: async () => {
      const list = await api.get(orgPath(org, '/risk-rescores'), rescoreListSchema, { query: { pageSize: 1 } });
      const latest = list.items[0];
      return latest ? api.get(orgPath(org, `/risk-rescores/${encodeURIComponent(latest.id)}`), rescoreSchema) : null;
    },
  });
}
