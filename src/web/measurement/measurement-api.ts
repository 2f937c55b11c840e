import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { builtInCatalogSchema, type BuiltInMeasureKey } from '../../schema/measurement/measure-builtin.schema.js';
import { dashboardSchema } from '../../schema/measurement/measure-dashboard.schema.js';
import {
  evaluationListSchema,
  measureEvaluationSchema,
  raisedFromEvaluationSchema,
  resultPageSchema,
  measureResultSchema,
} from '../../schema/measurement/measure-results.schema.js';
import { measureRegister } from '../../schema/measurement/measure.register.js';
import type { Rag } from '../../schema/measurement/measure-target.js';
import { api, orgPath } from '../lib/api-client.js';
import { recordSchemaOf } from '../register/register-api.js';

const M = measureRegister.collection;
const measurePath = (org: string, id: string, rest = '') => orgPath(org, `/${M}/${encodeURIComponent(id)}${rest}`);
/** Every query of this module sits under the register's key, so a write reads the list, record and dashboard again. */
const key = (org: string, ...rest: unknown[]) => ['org', org, M, ...rest];

/** The results of a measure, newest period first (the trend reads the last 200; corrections on demand). */
export function useMeasureResults(org: string, id: string, superseded = false) {
  return useQuery({
    queryKey: key(org, 'record', id, 'results', superseded),
    queryFn: () =>
      api.get(measurePath(org, id, '/results'), resultPageSchema, {
        query: { pageSize: 200, superseded: superseded || undefined },
      }),
  });
}

export function useMeasureEvaluations(org: string, id: string) {
  return useQuery({
    queryKey: key(org, 'record', id, 'evaluations'),
    queryFn: () => api.get(measurePath(org, id, '/evaluations'), evaluationListSchema),
  });
}

/** Writes of a measure's page; each one reads the measure (its latest value and RAG) and its lists again. */
export function useMeasureWrites(org: string, id: string) {
  const queryClient = useQueryClient();
  const onSuccess = () => queryClient.invalidateQueries({ queryKey: key(org) });
  return {
    recordResult: useMutation({
      mutationFn: (body: unknown) => api.post(measurePath(org, id, '/results'), body, measureResultSchema),
      onSuccess,
    }),
    evaluate: useMutation({
      mutationFn: (body: unknown) => api.post(measurePath(org, id, '/evaluations'), body, measureEvaluationSchema),
      onSuccess,
    }),
    raise: useMutation({
      mutationFn: (evaluationId: string) =>
        api.post(
          measurePath(org, id, `/evaluations/${encodeURIComponent(evaluationId)}/raise`),
          {},
          raisedFromEvaluationSchema,
        ),
      onSuccess,
    }),
  };
}

export interface DashboardFilters {
  kind?: 'performance' | 'effectiveness' | undefined;
  rag?: Rag | undefined;
}

export function useMeasuresDashboard(org: string, filters: DashboardFilters) {
  return useQuery({
    queryKey: key(org, 'dashboard', filters),
    queryFn: () =>
      api.get(orgPath(org, `/${M}/dashboard`), dashboardSchema, {
        query: { kind: filters.kind, rag: filters.rag, periods: 12 },
      }),
  });
}

export function useBuiltInCatalog(org: string) {
  return useQuery({
    queryKey: key(org, 'built-in'),
    queryFn: () => api.get(orgPath(org, `/${M}/built-in`), builtInCatalogSchema),
  });
}

/** Switches a built-in measure on: the server creates its measure (or answers the one it has). */
export function useSwitchOnBuiltIn(org: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (builtInKey: BuiltInMeasureKey) =>
      api.post(orgPath(org, `/${M}/built-in`), { key: builtInKey }, recordSchemaOf(measureRegister)),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: key(org) }),
  });
}

/** Addresses of the documented results (9.1): the report for a period and every value as a sheet. */
export const measurementReportPath = (org: string, format: 'docx' | 'pdf', from: string, to: string) =>
  `${orgPath(org, `/${M}/report.${format}`)}?from=${from}&to=${to}`;
export const measurementValuesPath = (org: string, from: string, to: string) =>
  `${orgPath(org, `/${M}/results.xlsx`)}?from=${from}&to=${to}`;
/** The automation endpoint, as a curl example shows it. */
export const pushResultsPath = (org: string) => orgPath(org, '/measure-results/batch');
