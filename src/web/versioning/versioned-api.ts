import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { RegisterDef } from '../../schema/register/define-register.js';
import type { VersionState } from '../../schema/versioning/versioned.js';
import { api } from '../lib/api-client.js';
import type { ItemList } from '../lib/api-types.js';
import { registerBase } from '../register/register-api.js';

/** Answers of the version routes (docs/API.md "Versioned records and approvals"). */
export type Content = Record<string, unknown>;
export type TableRow = Record<string, string>;

export interface VersionSummary {
  id: string;
  versionNo: number;
  state: VersionState;
  stage: string | null;
  contentHash: string;
  changeNote: string | null;
  createdAt: string;
  createdBy: string | null;
  updatedAt: string;
  updatedBy: string | null;
  approvedAt: string | null;
}

export interface Approval {
  id: string;
  signerId: string;
  signerName: string;
  signerEmail: string;
  signerRole: string;
  meaning: string;
  comment: string | null;
  signedAt: string;
  contentHash: string;
}

export interface Version extends VersionSummary {
  content: Content;
  approvals: Approval[];
  requiredApprovals?: number;
}

export interface SectionComparison {
  key: string;
  kind: 'text' | 'table' | 'data';
  changed: boolean;
  parts?: { value: string; added?: boolean; removed?: boolean }[];
  removedRows?: TableRow[];
  addedRows?: TableRow[];
  keptRows?: TableRow[];
  /** data sections: every changed value by its path inside the section */
  changes?: { path: string; before: unknown; after: unknown }[];
}

export interface Comparison {
  from: Pick<VersionSummary, 'versionNo' | 'state' | 'stage' | 'contentHash' | 'approvedAt' | 'updatedAt'>;
  to: Pick<VersionSummary, 'versionNo' | 'state' | 'stage' | 'contentHash' | 'approvedAt' | 'updatedAt'>;
  sections: SectionComparison[];
}

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
    queryFn: () => api.get<ItemList<VersionSummary>>(recordPath(org, register, id, '/versions')),
  });
}

export function useVersion(org: string, register: RegisterDef, id: string, no: number | undefined) {
  return useQuery({
    queryKey: [...keyOf(org, register, id), 'versions', no],
    queryFn: () => api.get<Version>(recordPath(org, register, id, `/versions/${no}`)),
    enabled: no !== undefined,
  });
}

export function useComparison(org: string, register: RegisterDef, id: string, from: number, to: number) {
  return useQuery({
    queryKey: [...keyOf(org, register, id), 'compare', from, to],
    queryFn: () => api.get<Comparison>(recordPath(org, register, id, '/versions/compare'), { query: { from, to } }),
  });
}

/** Saving a draft or approving changes the versions, the record's summary columns and the list: refresh them all. */
export function useVersionMutations(org: string, register: RegisterDef, id: string) {
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['org', org, register.collection] });
  return {
    save: useMutation({
      mutationFn: (body: DraftBody) => api.put<Version>(recordPath(org, register, id, '/draft'), body),
      onSuccess: refresh,
    }),
    approve: useMutation({
      mutationFn: ({ no, contentHash, comment }: { no: number; contentHash: string; comment?: string }) =>
        api.post<Version>(recordPath(org, register, id, `/versions/${no}/approve`), {
          contentHash,
          ...(comment ? { comment } : {}),
        }),
      onSuccess: refresh,
    }),
  };
}
