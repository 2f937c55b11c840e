import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { RegisterDef } from '../../schema/register/define-register.js';
import { api, orgPath } from '../lib/api-client.js';
import type { ItemList, LinkItem, Page, RegisterRecord } from '../lib/api-types.js';
import type { RegisterSearch } from './register-search.js';

/** Queries and mutations of the generic register routes (docs/API.md "Registers"). */
export function registerBase(org: string, register: RegisterDef): string {
  return orgPath(org, `/${register.collection}`);
}

export function registerListQuery(org: string, register: RegisterDef, search: RegisterSearch) {
  return queryOptions({
    queryKey: ['org', org, register.collection, 'list', search],
    queryFn: ({ signal }) => api.get<Page<RegisterRecord>>(registerBase(org, register), { query: search, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useRegisterList(org: string, register: RegisterDef, search: RegisterSearch) {
  return useQuery(registerListQuery(org, register, search));
}

export function useRegisterRecord(org: string, register: RegisterDef, id: string) {
  return useQuery({
    queryKey: ['org', org, register.collection, 'record', id],
    queryFn: () => api.get<RegisterRecord>(`${registerBase(org, register)}/${encodeURIComponent(id)}`),
  });
}

export function useRecordLinks(org: string, type: string, id: string) {
  return useQuery({
    queryKey: ['org', org, 'links', type, id],
    queryFn: () => api.get<ItemList<LinkItem>>(orgPath(org, '/links'), { query: { type, id } }),
  });
}

export function useRegisterMutations(org: string, register: RegisterDef) {
  const queryClient = useQueryClient();
  const invalidate = () => queryClient.invalidateQueries({ queryKey: ['org', org, register.collection] });
  const base = registerBase(org, register);
  return {
    create: useMutation({
      mutationFn: (body: Record<string, unknown>) => api.post<RegisterRecord>(base, body),
      onSuccess: invalidate,
    }),
    update: useMutation({
      mutationFn: ({ id, body }: { id: string; body: Record<string, unknown> }) =>
        api.patch<RegisterRecord>(`${base}/${encodeURIComponent(id)}`, body),
      onSuccess: invalidate,
    }),
    archive: useMutation({
      mutationFn: (id: string) => api.delete(`${base}/${encodeURIComponent(id)}`),
      onSuccess: invalidate,
    }),
  };
}
