import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { RecordOf, RegisterDef } from '../../schema/register/define-register.js';
import type { FieldMap } from '../../schema/register/fields.js';
import { api, orgPath } from '../lib/api-client.js';
import type { ItemList, LinkItem, Page } from '../lib/api-types.js';
import type { RelatedMap } from './record-select.js';
import type { RegisterSearch } from './register-search.js';

/**
 * Queries and mutations of the generic register routes (docs/API.md "Registers"), typed by the register's
 * definition: `useRegisterRecord(org, riskRegister, id)` gives a `RiskRecord`, so a misspelt field fails to compile.
 */
/** A record or a page of them, with the references and titles of the records its `record` fields point at. */
export type WithRelated<T> = T & { related?: RelatedMap };
export function registerBase<F extends FieldMap>(org: string, register: RegisterDef<F>): string {
  return orgPath(org, `/${register.collection}`);
}

export function registerListQuery<F extends FieldMap>(org: string, register: RegisterDef<F>, search: RegisterSearch) {
  return queryOptions({
    queryKey: ['org', org, register.collection, 'list', search],
    queryFn: ({ signal }) =>
      api.get<WithRelated<Page<RecordOf<F>>>>(registerBase(org, register), { query: search, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useRegisterList<F extends FieldMap>(org: string, register: RegisterDef<F>, search: RegisterSearch) {
  return useQuery(registerListQuery(org, register, search));
}

export function useRegisterRecord<F extends FieldMap>(org: string, register: RegisterDef<F>, id: string) {
  return useQuery({
    queryKey: ['org', org, register.collection, 'record', id],
    queryFn: () => api.get<WithRelated<RecordOf<F>>>(`${registerBase(org, register)}/${encodeURIComponent(id)}`),
  });
}

export function useRecordLinks(org: string, type: string, id: string) {
  return useQuery({
    queryKey: ['org', org, 'links', type, id],
    queryFn: () => api.get<ItemList<LinkItem>>(orgPath(org, '/links'), { query: { type, id } }),
  });
}

export function useRegisterMutations<F extends FieldMap>(org: string, register: RegisterDef<F>) {
  const queryClient = useQueryClient();
  const invalidate = () => queryClient.invalidateQueries({ queryKey: ['org', org, register.collection] });
  const base = registerBase(org, register);
  return {
    create: useMutation({
      mutationFn: (body: Record<string, unknown>) => api.post<RecordOf<F>>(base, body),
      onSuccess: invalidate,
    }),
    update: useMutation({
      mutationFn: ({ id, body }: { id: string; body: Record<string, unknown> }) =>
        api.patch<RecordOf<F>>(`${base}/${encodeURIComponent(id)}`, body),
      onSuccess: invalidate,
    }),
    archive: useMutation({
      mutationFn: (id: string) => api.delete(`${base}/${encodeURIComponent(id)}`),
      onSuccess: invalidate,
    }),
  };
}
