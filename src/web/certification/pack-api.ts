import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { packIndexSchema } from '../../schema/certification/certification-pack.schema.js';
import { signingKeySchema } from '../../schema/audit/signing-key.js';
import { api, orgPath, requestFile } from '../lib/api-client.js';
import type { DownloadProgress } from '../lib/download-progress.js';
import { saveFile } from '../documents/documents-api.js';

const packPath = (org: string) => orgPath(org, '/certification-pack');

/** The pack's index as it stood at the end of `date` (UTC): what the ZIP of that day would hold. */
export function usePackIndex(org: string, date: string) {
  return useQuery({
    queryKey: ['org', org, 'certification-pack', date],
    queryFn: () => api.get(packPath(org), packIndexSchema, { query: { date } }),
  });
}

/** The installation's signing key (public route): the fingerprint the auditor passes to `verify-package --key`. */
export function useSigningKey() {
  return useQuery({
    queryKey: ['instance', 'signing-key'],
    queryFn: () => api.get('/api/v1/instance/signing-key', signingKeySchema),
  });
}

export interface SavedPack {
  fileName: string;
  size: number;
  /** SHA-256 of the file, as the audit trail records it (null where the browser offers no Web Crypto: plain http) */
  sha256: string | null;
}

async function sha256Hex(blob: Blob): Promise<string | null> {
  if (typeof crypto === 'undefined' || !crypto.subtle) return null;
  const digest = await crypto.subtle.digest('SHA-256', await blob.arrayBuffer());
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** Builds the pack of `date` on the server and hands the ZIP to the browser, reporting where it is meanwhile. */
export function useDownloadPack(org: string) {
  const [progress, setProgress] = useState<DownloadProgress | null>(null);
  const mutation = useMutation({
    mutationFn: async (date: string): Promise<SavedPack> => {
      const file = await requestFile('POST', packPath(org), { body: { date }, onProgress: setProgress });
      const fileName = file.fileName ?? `${org}-certification-pack-${date}.zip`;
      saveFile(file.blob, fileName);
      return { fileName, size: file.blob.size, sha256: await sha256Hex(file.blob) };
    },
    onSettled: () => setProgress(null),
  });
  return { ...mutation, progress };
}
