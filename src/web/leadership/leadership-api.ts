import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ProcessMap } from '../../schema/leadership/process-map.schema.js';
import type { RaciMatrix, RaciValue } from '../../schema/leadership/raci.schema.js';
import { api, orgPath } from '../lib/api-client.js';

/** Queries and mutations of the leadership routes (docs/API.md "Leadership"). */
export function useProcessMap(org: string) {
  return useQuery({
    queryKey: ['org', org, 'isms-processes', 'map'],
    queryFn: ({ signal }) => api.get<ProcessMap>(orgPath(org, '/process-map'), { signal }),
  });
}

export function useRaciMatrix(org: string) {
  return useQuery({
    queryKey: ['org', org, 'raci'],
    queryFn: ({ signal }) => api.get<RaciMatrix>(orgPath(org, '/raci'), { signal }),
  });
}

export function useSetRaciCell(org: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ activityId, roleId, value }: { activityId: string; roleId: string; value: RaciValue | null }) =>
      api.put<{ activityId: string; roleId: string; value: RaciValue | null }>(
        orgPath(org, `/raci/activities/${encodeURIComponent(activityId)}/roles/${encodeURIComponent(roleId)}`),
        { value },
      ),
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['org', org, 'raci'] }),
  });
}

export interface StartingSetResult {
  roles: { created: number; existing: number };
  activities: { created: number; existing: number };
  cells: { created: number };
}

export function useAddStartingSet(org: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<StartingSetResult>(orgPath(org, '/isms-roles/starting-set'), { roleStatus: 'draft' }),
    onSuccess: async () => {
      for (const key of ['isms-roles', 'isms-activities', 'raci'])
        await queryClient.invalidateQueries({ queryKey: ['org', org, key] });
    },
  });
}
