import { z } from 'zod';
import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { RegisterDef } from '../../schema/register/define-register.js';
import { paginated } from '../../schema/common/primitives.js';
import { linkListSchema } from '../../schema/orgs/org.schema.js';
import { registerRecordBaseSchema, relatedSchema } from '../../schema/register/register-responses.js';
import { api, orgPath } from '../lib/api-client.js';
import type { RegisterSearch } from './register-search.js';

/**
 * A register's records as the web reads them: the definition's `recordSchema` checks its fields, the base schema
 * types the columns every record has (`RegisterRecord`).
 */
export function recordSchemaOf(register: RegisterDef) {
  return registerRecordBaseSchema.and(register.recordSchema);
}

/** A page of records of any register (the columns every record has), where the definition is not at hand. */
export const anyRecordPageSchema = paginated(registerRecordBaseSchema);

/** The list answer: a page of records, with the reference and title of the records their fields point at. */
export function recordPageSchemaOf(register: RegisterDef) {
  return paginated(recordSchemaOf(register)).extend({ related: relatedSchema });
}

/** Queries and mutations of the generic register routes (docs/API.md "Registers"). */
export function registerBase(org: string, register: RegisterDef): string {
  return orgPath(org, `/${register.collection}`);
}

export function registerListQuery(org: string, register: RegisterDef, search: RegisterSearch) {
  return queryOptions({
    queryKey: ['org', org, register.collection, 'list', search],
    queryFn: ({ signal }) =>
      api.get(registerBase(org, register), recordPageSchemaOf(register), { query: search, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useRegisterList(org: string, register: RegisterDef, search: RegisterSearch) {
  return useQuery(registerListQuery(org, register, search));
}

export function useRegisterRecord(org: string, register: RegisterDef, id: string) {
  return useQuery({
    queryKey: ['org', org, register.collection, 'record', id],
    queryFn: () =>
      api.get(
        `${registerBase(org, register)}/${encodeURIComponent(id)}`,
        recordSchemaOf(register).and(z.object({ related: relatedSchema })),
      ),
  });
}

export function useRecordLinks(org: string, type: string, id: string) {
  return useQuery({
    queryKey: ['org', org, 'links', type, id],
    queryFn: () => api.get(orgPath(org, '/links'), linkListSchema, { query: { type, id } }),
  });
}

export function useRegisterMutations(org: string, register: RegisterDef) {
  const queryClient = useQueryClient();
  const invalidate = () => queryClient.invalidateQueries({ queryKey: ['org', org, register.collection] });
  const base = registerBase(org, register);
  return {
    create: useMutation({
      mutationFn: (body: Record<string, unknown>) => api.post(base, body, recordSchemaOf(register)),
      onSuccess: invalidate,
    }),
    update: useMutation({
      mutationFn: ({ id, body }: { id: string; body: Record<string, unknown> }) =>
        api.patch(`${base}/${encodeURIComponent(id)}`, body, recordSchemaOf(register)),
      onSuccess: invalidate,
    }),
    archive: useMutation({
      mutationFn: (id: string) => api.delete(`${base}/${encodeURIComponent(id)}`),
      onSuccess: invalidate,
    }),
  };
}
