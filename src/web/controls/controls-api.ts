import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  controlDriversSchema,
  controlSettingsSchema,
  treatmentSchema,
  type CONTROL_EDITIONS,
  type TreatmentInput,
} from '../../schema/controls/treatment.schema.js';
import { api, orgPath } from '../lib/api-client.js';
import { controlCountsSchema } from '../../schema/pages/page-summaries.schema.js';

/** Queries of the controls routes beyond the generic register ones (docs/API.md "Controls and risk treatment"). */

export type Edition = (typeof CONTROL_EDITIONS)[number];

export const settingsKey = (org: string) => ['org', org, 'controls', 'settings'];

/** The Annex A edition the organization works with (null until chosen). */
export function useControlSettings(org: string) {
  return useQuery({
    queryKey: settingsKey(org),
    queryFn: () => api.get(orgPath(org, '/control-settings'), controlSettingsSchema),
  });
}

export function useChooseEdition(org: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (edition: Edition) =>
      api.post(orgPath(org, '/control-settings/edition'), { edition }, controlSettingsSchema),
    onSuccess: async (settings) => {
      queryClient.setQueryData(settingsKey(org), settings);
      await queryClient.invalidateQueries({ queryKey: ['org', org, 'controls'] });
    },
    // someone else may have chosen meanwhile (409): show the page as it now is
    onError: () => queryClient.invalidateQueries({ queryKey: settingsKey(org) }),
  });
}

/** Every risk and requirement that needs a control. */
export const driversKey = (org: string, id: string) => ['org', org, 'controls', 'record', id, 'drivers'];

export function useControlDrivers(org: string, id: string) {
  return useQuery({
    queryKey: driversKey(org, id),
    queryFn: () => api.get(orgPath(org, `/controls/${encodeURIComponent(id)}/drivers`), controlDriversSchema),
  });
}

/**
 * The counts above the Controls list, all in one request (GET …/controls/counts; issue 15: they were one list call
 * each). Each is the total of the list query CONTROL_COUNT_QUERIES names, so a count agrees with what a click shows.
 */
export function useControlCounts(org: string) {
  const query = useQuery({
    queryKey: ['org', org, 'controls', 'counts'],
    queryFn: ({ signal }) => api.get(orgPath(org, '/controls/counts'), controlCountsSchema, { signal }),
  });
  return { pending: query.isPending, failed: query.isError, counts: query.data?.counts ?? {} };
}

export const treatmentKey = (org: string, riskId: string) => ['org', org, 'risks', 'record', riskId, 'treatment'];

export function useTreatment(org: string, riskId: string) {
  return useQuery({
    queryKey: treatmentKey(org, riskId),
    queryFn: () => api.get(orgPath(org, `/risks/${encodeURIComponent(riskId)}/treatment`), treatmentSchema),
  });
}

/** Replaces the whole treatment; the risk (its status), its history and the controls (applicability) change too. */
export function useSaveTreatment(org: string, riskId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TreatmentInput) =>
      api.put(orgPath(org, `/risks/${encodeURIComponent(riskId)}/treatment`), body, treatmentSchema),
    onSuccess: async (treatment) => {
      queryClient.setQueryData(treatmentKey(org, riskId), treatment);
      await Promise.all([
        queryClient.invalidateQueries({
          queryKey: ['org', org, 'risks'],
          predicate: (q) => q.queryKey[5] !== 'treatment',
        }),
        queryClient.invalidateQueries({ queryKey: ['org', org, 'controls'] }),
      ]);
    },
  });
}
