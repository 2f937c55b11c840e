import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { processMapSchema } from '../../schema/leadership/process-map.schema.js';
import {
  raciCellSchema,
  raciMatrixSchema,
  startingSetResultSchema,
  type RaciValue,
} from '../../schema/leadership/raci.schema.js';
import { api, orgPath } from '../lib/api-client.js';

/** Queries and mutations of the leadership routes (docs/API.md "Leadership"). */
export function useProcessMap(org: string) {
  return useQuery({
    queryKey: ['org', org, 'isms-processes', 'map'],
    queryFn: ({ signal }) => api.get(orgPath(org, '/process-map'), processMapSchema, { signal }),
  });
}

export function useRaciMatrix(org: string) {
  return useQuery({
    queryKey: ['org', org, 'raci'],
    queryFn: ({ signal }) => api.get(orgPath(org, '/raci'), raciMatrixSchema, { signal }),
  });
}

export function useSetRaciCell(org: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ activityId, roleId, value }: { activityId: string; roleId: string; value: RaciValue | null }) =>
      api.put(
        orgPath(org, `/raci/activities/${encodeURIComponent(activityId)}/roles/${encodeURIComponent(roleId)}`),
        { value },
        raciCellSchema,
      ),
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['org', org, 'raci'] }),
  });
}

export type StartingSetResult = z.infer<typeof startingSetResultSchema>;

export function useAddStartingSet(org: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () =>
      api.post(orgPath(org, '/isms-roles/starting-set'), { roleStatus: 'draft' }, startingSetResultSchema),
    onSuccess: async () => {
      for (const key of ['isms-roles', 'isms-activities', 'raci'])
        await queryClient.invalidateQueries({ queryKey: ['org', org, key] });
    },
  });
}
