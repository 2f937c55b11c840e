import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { Role } from '../../schema/auth/roles.js';
import { documentRegister, type Classification } from '../../schema/documents/document.register.js';
import {
  acknowledgedSchema,
  acknowledgementsSchema,
  classificationSchemeSchema,
  currentDisposalSchema,
  disposalListSchema,
  disposalSchema,
  documentPeopleSchema,
  remindedSchema,
  reviewListSchema,
  reviewSchema,
  toReadListSchema,
  treeListSchema,
  type classificationLevelSchema,
  type toReadItemSchema,
  type treeItemSchema,
} from '../../schema/documents/documents.schema.js';
import { useT } from '../i18n/i18n.js';
import { api, orgPath, requestFile } from '../lib/api-client.js';
import { recordSchemaOf } from '../register/register-api.js';

/** Answers of the document routes beyond the register and version ones (schema/documents/documents.schema.ts). */
export type TreeItem = z.infer<typeof treeItemSchema>;
export type ToReadItem = z.infer<typeof toReadItemSchema>;
export type DocumentPeople = z.infer<typeof documentPeopleSchema>;
export type Acknowledgements = z.infer<typeof acknowledgementsSchema>;
export type Review = z.infer<typeof reviewSchema>;
export type Disposal = z.infer<typeof disposalSchema>;
export type ClassificationLevel = z.infer<typeof classificationLevelSchema>;
export type ClassificationLabels = Record<Classification, string>;

const base = (org: string) => orgPath(org, '/documents');
const doc = (org: string, id: string, rest = '') => `${base(org)}/${encodeURIComponent(id)}${rest}`;
/** Everything about one document lives under the register's record key, so one invalidation refreshes it all. */
const key = (org: string, id: string) => ['org', org, 'documents', 'record', id] as const;

export function useDocumentTree(org: string) {
  return useQuery({
    queryKey: ['org', org, 'documents', 'tree'],
    queryFn: () => api.get(`${base(org)}/tree`, treeListSchema),
  });
}

export const toReadKey = (org: string) => ['org', org, 'documents', 'to-read'];

export function useToRead(org: string, enabled = true) {
  return useQuery({
    queryKey: toReadKey(org),
    queryFn: () => api.get(`${base(org)}/to-read`, toReadListSchema),
    enabled,
  });
}

export function useDocumentPeople(org: string, id: string) {
  return useQuery({
    queryKey: [...key(org, id), 'people'],
    queryFn: () => api.get(doc(org, id, '/people'), documentPeopleSchema),
  });
}

export function useAcknowledgements(org: string, id: string, enabled: boolean) {
  return useQuery({
    queryKey: [...key(org, id), 'acknowledgements'],
    queryFn: () => api.get(doc(org, id, '/acknowledgements'), acknowledgementsSchema),
    enabled,
  });
}

export function useReviews(org: string, id: string) {
  return useQuery({
    queryKey: [...key(org, id), 'reviews'],
    queryFn: () => api.get(doc(org, id, '/reviews'), reviewListSchema),
  });
}

export function useDisposal(org: string, id: string) {
  return useQuery({
    queryKey: [...key(org, id), 'disposal'],
    queryFn: () => api.get(doc(org, id, '/disposal'), currentDisposalSchema),
  });
}

/** Every change to a document can move its status, dates and lists: refresh the whole register and "to read". */
export function useDocumentMutations(org: string, id: string) {
  const queryClient = useQueryClient();
  const onSuccess = () => queryClient.invalidateQueries({ queryKey: ['org', org, 'documents'] });
  return {
    setPeople: useMutation({
      mutationFn: (body: { approverIds: string[]; audienceUserIds: string[]; audienceRoles: Role[] }) =>
        api.put(doc(org, id, '/people'), body, documentPeopleSchema),
      onSuccess,
    }),
    publish: useMutation({
      mutationFn: (body: { versionNo: number; note?: string }) =>
        api.post(doc(org, id, '/publish'), body, recordSchemaOf(documentRegister)),
      onSuccess,
    }),
    withdraw: useMutation({
      mutationFn: (body: { reason: string }) =>
        api.post(doc(org, id, '/withdraw'), body, recordSchemaOf(documentRegister)),
      onSuccess,
    }),
    acknowledge: useMutation({
      mutationFn: (body: { versionNo: number; contentHash: string }) =>
        api.post(doc(org, id, '/acknowledge'), body, acknowledgedSchema),
      onSuccess,
    }),
    remind: useMutation({
      mutationFn: (body: { userIds?: string[] }) => api.post(doc(org, id, '/reminders'), body, remindedSchema),
      onSuccess,
    }),
    review: useMutation({
      mutationFn: (body: { outcome: 'no_change' | 'revise'; note: string; reviewedOn?: string }) =>
        api.post(doc(org, id, '/reviews'), body, reviewSchema),
      onSuccess,
    }),
    proposeDisposal: useMutation({
      mutationFn: (body: { reason: string }) => api.post(doc(org, id, '/disposal'), body, disposalSchema.nullable()),
      onSuccess,
    }),
    decideDisposal: useMutation({
      mutationFn: (body: { decision: 'approve' | 'reject'; note?: string }) =>
        api.post(doc(org, id, '/disposal/decision'), body, disposalSchema.nullable()),
      onSuccess,
    }),
  };
}

/** Where an external copy (published version, confidential parts left out) is downloaded. */
export function externalCopyUrl(org: string, id: string, format: 'docx' | 'pdf'): string {
  return doc(org, id, `/external-copy.${format}`);
}

export function useDisposals(org: string) {
  return useQuery({
    queryKey: ['org', org, 'documents', 'disposals'],
    queryFn: () => api.get(`${base(org)}/disposals`, disposalListSchema),
  });
}

const schemeKey = (org: string) => ['org', org, 'documents', 'classification-scheme'] as const;

export function useClassificationScheme(org: string) {
  return useQuery({
    queryKey: schemeKey(org),
    queryFn: () => api.get(`${base(org)}/classification-scheme`, classificationSchemeSchema),
    staleTime: 60_000,
  });
}

/**
 * The organization's name for each classification level, for every badge, column, filter and form; the catalog's
 * words while the scheme loads (or when it cannot be read).
 */
export function useClassificationLabels(org: string): ClassificationLabels {
  const { td } = useT();
  const levels = useClassificationScheme(org).data?.levels;
  const word = (level: Classification) => td(`documents.classification.${level}`, undefined, level);
  const labels: ClassificationLabels = {
    public: word('public'),
    internal: word('internal'),
    confidential: word('confidential'),
    restricted: word('restricted'),
  };
  for (const l of levels ?? []) if (l.label) labels[l.level] = l.label;
  return labels;
}

export function useSetClassificationScheme(org: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { levels: { level: Classification; label: string; description?: string }[] }) =>
      api.put(`${base(org)}/classification-scheme`, body, classificationSchemeSchema),
    onSuccess: (answer) => {
      queryClient.setQueryData(schemeKey(org), answer);
      return queryClient.invalidateQueries({ queryKey: ['org', org, 'documents'] });
    },
  });
}

/** Builds the evidence package (every readable current document, or these) and hands the ZIP to the browser. */
export function useEvidencePackage(org: string) {
  return useMutation({
    mutationFn: async (documentIds?: string[]) => {
      const file = await requestFile('POST', `${base(org)}/evidence-package`, {
        body: documentIds ? { documentIds } : {},
      });
      saveFile(file.blob, file.fileName ?? 'evidence-package.zip');
      return file;
    },
  });
}

/** Offers a file the page holds in memory as a download (an object URL on a temporary link). */
export function saveFile(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // Revoking at once can cancel the download in some browsers; a minute is plenty for it to start.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
