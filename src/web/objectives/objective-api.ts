import { useQuery } from '@tanstack/react-query';
import { objectiveRegister } from '../../schema/objectives/objective.register.js';
import {
  objectiveMeasureListSchema,
  objectiveProgressListSchema,
  objectiveSeriesSchema,
} from '../../schema/objectives/objective-progress.schema.js';
import { objectiveCommunicationListSchema } from '../../schema/objectives/objective-communication.schema.js';
import {
  objectivesCompareSchema,
  objectivesDocumentRegister,
} from '../../schema/objectives/objectives-document.register.js';
import { api, orgPath } from '../lib/api-client.js';

/**
 * The objectives' own routes beyond the generic register ones. Keys start with the register's collection, so a
 * change to the objective (which refreshes ['org', org, 'objectives']) refreshes its progress, chart and the rest.
 */
const C = objectiveRegister.collection;
export const objectivePath = (org: string, id: string, rest = '') =>
  orgPath(org, `/${C}/${encodeURIComponent(id)}${rest}`);
export const objectiveKey = (org: string, id: string, what: string) => ['org', org, C, 'record', id, what];

export function useProgressSeries(org: string, id: string) {
  return useQuery({
    queryKey: objectiveKey(org, id, 'series'),
    queryFn: () => api.get(objectivePath(org, id, '/progress-series'), objectiveSeriesSchema),
  });
}

export function useProgressEntries(org: string, id: string) {
  return useQuery({
    queryKey: objectiveKey(org, id, 'progress'),
    queryFn: () => api.get(objectivePath(org, id, '/progress'), objectiveProgressListSchema),
  });
}

export function useObjectiveMeasures(org: string, id: string) {
  return useQuery({
    queryKey: objectiveKey(org, id, 'measures'),
    queryFn: () => api.get(objectivePath(org, id, '/measures'), objectiveMeasureListSchema),
  });
}

/** How one objective (`id`) or the whole set (`null`) was communicated. */
export function useCommunications(org: string, id: string | null) {
  return useQuery({
    queryKey: id ? objectiveKey(org, id, 'communications') : ['org', org, C, 'communications'],
    queryFn: () =>
      api.get(
        id ? objectivePath(org, id, '/communications') : orgPath(org, `/${C}/communications`),
        objectiveCommunicationListSchema,
      ),
  });
}

const D = objectivesDocumentRegister.collection;

export function useObjectivesCompare(org: string, id: string, from: number | undefined, to: number | undefined) {
  return useQuery({
    queryKey: ['org', org, D, 'record', id, 'objectives-compare', from, to],
    queryFn: () =>
      api.get(orgPath(org, `/${D}/${encodeURIComponent(id)}/compare`), objectivesCompareSchema, {
        query: { from, to },
      }),
    enabled: from !== undefined && to !== undefined && from !== to,
  });
}

export function objectivesDocumentXlsxHref(org: string, id: string, no: number): string {
  return orgPath(org, `/${D}/${encodeURIComponent(id)}/versions/${no}/export.xlsx`);
}
