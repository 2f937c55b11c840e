import { z } from 'zod';
import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { NoDerived, RegisterDef } from '../../schema/register/define-register.js';
import type { FieldMap } from '../../schema/register/fields.js';
import { paginated } from '../../schema/common/primitives.js';
import { linkListSchema } from '../../schema/orgs/org.schema.js';
import { registerRecordBaseSchema, relatedSchema } from '../../schema/register/register-responses.js';
import { api, orgPath } from '../lib/api-client.js';
import type { RelatedMap } from './record-select.js';
import type { RegisterSearch } from './register-search.js';

/** A record or a page of them, with the references and titles of the records its `record` fields point at. */
export type WithRelated<T> = T & { related?: RelatedMap };

/**
 * A register's record as the web reads it, checked by the definition's `recordSchema` (the columns every record
 * has and the register's fields), and typed by it: `useRegisterRecord(org, riskRegister, id)` gives a `RiskRecord`,
 * so a misspelt field fails to compile.
 */
export function recordSchemaOf<F extends FieldMap, D extends z.ZodRawShape = NoDerived>(register: RegisterDef<F, D>) {
  // the base columns spelled out too: for "any register" (FieldMap) the definition's type is only an index signature
  return registerRecordBaseSchema.and(register.recordSchema);
}

/**
 * A record as `useRegisterRecord` reads it: the columns every record has and the register's typed fields. Generic
 * pages give it to a module's callbacks, which then read `RecordOf<F>`'s fields with their types.
 */
export type RecordRead<F extends FieldMap, D extends z.ZodRawShape = NoDerived> = z.output<
  ReturnType<typeof recordSchemaOf<F, D>>
>;

/** A page of records of any register (the columns every record has), where the definition is not at hand. */
export const anyRecordPageSchema = paginated(registerRecordBaseSchema);

/** The list answer: a page of records, with the reference and title of the records their fields point at. */
export function recordPageSchemaOf<F extends FieldMap, D extends z.ZodRawShape = NoDerived>(
  register: RegisterDef<F, D>,
) {
  return paginated(recordSchemaOf(register)).extend({ related: relatedSchema });
}

/** Queries and mutations of the generic register routes (docs/API.md "Registers"). */
export function registerBase<F extends FieldMap, D extends z.ZodRawShape = NoDerived>(
  org: string,
  register: RegisterDef<F, D>,
): string {
  return orgPath(org, `/${register.collection}`);
}

export function registerListQuery<F extends FieldMap, D extends z.ZodRawShape = NoDerived>(
  org: string,
  register: RegisterDef<F, D>,
  search: RegisterSearch,
) {
  return queryOptions({
    queryKey: ['org', org, register.collection, 'list', search],
    queryFn: ({ signal }) =>
      api.get(registerBase(org, register), recordPageSchemaOf(register), { query: search, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useRegisterList<F extends FieldMap, D extends z.ZodRawShape = NoDerived>(
  org: string,
  register: RegisterDef<F, D>,
  search: RegisterSearch,
) {
  return useQuery(registerListQuery(org, register, search));
}

export const recordKey = (org: string, register: Pick<RegisterDef, 'collection'>, id: string) => [
  'org',
  org,
  register.collection,
  'record',
  id,
];
export const linksKey = (org: string, type: string, id: string) => ['org', org, 'links', type, id];

export function useRegisterRecord<F extends FieldMap, D extends z.ZodRawShape = NoDerived>(
  org: string,
  register: RegisterDef<F, D>,
  id: string,
) {
  return useQuery({
    queryKey: recordKey(org, register, id),
    queryFn: () =>
      api.get(
        `${registerBase(org, register)}/${encodeURIComponent(id)}`,
        recordSchemaOf(register).and(z.object({ related: relatedSchema })),
      ),
  });
}

export function useRecordLinks(org: string, type: string, id: string) {
  return useQuery({
    queryKey: linksKey(org, type, id),
    queryFn: () => api.get(orgPath(org, '/links'), linkListSchema, { query: { type, id } }),
  });
}

export function useRegisterMutations<F extends FieldMap, D extends z.ZodRawShape = NoDerived>(
  org: string,
  register: RegisterDef<F, D>,
) {
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
