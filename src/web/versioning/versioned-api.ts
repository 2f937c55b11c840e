import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { RegisterDef } from '../../schema/register/define-register.js';
import { comparisonSchema, versionListSchema, versionSchema } from '../../schema/versioning/version-responses.js';
import { api } from '../lib/api-client.js';
import { registerBase } from '../register/register-api.js';

/** Answers of the version routes (docs/API.md "Versioned records and approvals"): schema/versioning/version-responses.ts. */
export type {
  Approval,
  Comparison,
  Content,
  SectionComparison,
  TableRow,
  Version,
  VersionSummary,
} from '../../schema/versioning/version-responses.js';
import type { Content } from '../../schema/versioning/version-responses.js';

export interface DraftBody {
  content: Content;
  stage?: string;
  changeNote?: string;
  baseVersion?: number;
  baseContentHash?: string;
}

export function recordPath(org: string, register: RegisterDef, id: string, rest = ''): string {
  return `${registerBase(org, register)}/${encodeURIComponent(id)}${rest}`;
}

const keyOf = (org: string, register: RegisterDef, id: string) =>
  ['org', org, register.collection, 'record', id] as const;

export function useVersions(org: string, register: RegisterDef, id: string) {
  return useQuery({
    queryKey: [...keyOf(org, register, id), 'versions'],
    queryFn: () => api.get(recordPath(org, register, id, '/versions'), versionListSchema),
  });
}

export function useVersion(org: string, register: RegisterDef, id: string, no: number | undefined) {
  return useQuery({
    queryKey: [...keyOf(org, register, id), 'versions', no],
    queryFn: () => api.get(recordPath(org, register, id, `/versions/${no}`), versionSchema),
    enabled: no !== undefined,
  });
}

export function useComparison(org: string, register: RegisterDef, id: string, from: number, to: number) {
  return useQuery({
    queryKey: [...keyOf(org, register, id), 'compare', from, to],
    queryFn: () =>
      api.get(recordPath(org, register, id, '/versions/compare'), comparisonSchema, { query: { from, to } }),
  });
}

/** Saving a draft or approving changes the versions, the record's summary columns and the list: refresh them all. */
export function useVersionMutations(org: string, register: RegisterDef, id: string) {
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['org', org, register.collection] });
  return {
    save: useMutation({
      mutationFn: (body: DraftBody) => api.put(recordPath(org, register, id, '/draft'), body, versionSchema),
      onSuccess: refresh,
    }),
    approve: useMutation({
      mutationFn: ({ no, contentHash, comment }: { no: number; contentHash: string; comment?: string }) =>
        api.post(
          recordPath(org, register, id, `/versions/${no}/approve`),
          { contentHash, ...(comment ? { comment } : {}) },
          versionSchema,
        ),
      onSuccess: refresh,
    }),
  };
}
