import { z } from 'zod';
import { useQuery } from '@tanstack/react-query';
import { evidenceRegister, isExpired, type EvidenceRecord } from '../../schema/evidence/evidence.register.js';
import { evidenceUploadPolicySchema, uploadOutcomeSchema } from '../../schema/evidence/evidence.schema.js';
import { problemSchema } from '../../schema/common/problem.js';
import { api, ApiError, orgPath } from '../lib/api-client.js';
import { recordPageSchemaOf, recordSchemaOf } from '../register/register-api.js';
import type { I18n } from '../i18n/i18n.js';

/** Calls of the evidence routes (docs/API.md "Evidence files"). */
export const evidencePath = (org: string, rest = '') => orgPath(org, `/evidence${rest}`);

/** Where the browser downloads the file (a plain link: the server answers as an attachment). */
export const evidenceFileUrl = (org: string, id: string) => evidencePath(org, `/${encodeURIComponent(id)}/file`);

export function useUploadPolicy(org: string) {
  return useQuery({
    queryKey: ['org', org, 'evidence', 'upload-policy'],
    queryFn: () => api.get(evidencePath(org, '/upload-policy'), evidenceUploadPolicySchema),
    staleTime: 5 * 60_000,
  });
}

/** The evidence attached to one record, newest first (current and superseded alike: the card marks them). */
export const attachedEvidenceKey = (org: string, type: string, id: string) => [
  'org',
  org,
  evidenceRegister.collection,
  'attached',
  type,
  id,
];

export function useAttachedEvidence(org: string, type: string, id: string, enabled = true) {
  return useQuery({
    queryKey: attachedEvidenceKey(org, type, id),
    enabled,
    queryFn: ({ signal }) =>
      api.get(evidencePath(org), recordPageSchemaOf(evidenceRegister), {
        query: { attachedType: type, attachedId: id, pageSize: 200, sort: 'createdAt', order: 'desc' },
        signal,
      }),
  });
}

/** The answer to an upload: the new evidence record, and what happened to the file and the links. */
const uploadResultSchema = recordSchemaOf(evidenceRegister).and(z.object({ upload: uploadOutcomeSchema }));
export type UploadResult = z.infer<typeof uploadResultSchema>;

/**
 * Uploads with XMLHttpRequest rather than fetch, because only it reports upload progress. Same contract as the
 * API client: the CSRF header, same-origin cookies, problem+json turned into an ApiError.
 */
export function uploadEvidence(
  org: string,
  form: FormData,
  csrfToken: string | undefined,
  onProgress: (fraction: number) => void,
  signal?: AbortSignal,
): Promise<UploadResult> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', evidencePath(org, '/upload'));
    xhr.withCredentials = true;
    xhr.setRequestHeader('accept', 'application/json');
    if (csrfToken) xhr.setRequestHeader('x-csrf-token', csrfToken);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable && e.total > 0) onProgress(e.loaded / e.total);
    };
    xhr.onerror = () => reject(new ApiError({ status: 0, type: 'network', title: 'Network error' }));
    xhr.onabort = () => reject(new DOMException('Aborted', 'AbortError'));
    xhr.onload = () => {
      let body: unknown = {};
      try {
        body = xhr.responseText ? JSON.parse(xhr.responseText) : {};
      } catch {
        // a proxy's HTML error page: the status says enough
      }
      if (xhr.status >= 200 && xhr.status < 300) {
        // checked like every answer of api-client.ts: a mismatch is a broken contract, not a page of undefined
        const parsed = uploadResultSchema.safeParse(body);
        if (parsed.success) return resolve(parsed.data);
        const issue = parsed.error.issues[0];
        return reject(
          new ApiError({
            status: 0,
            type: 'contract',
            title: 'Unexpected answer from the server',
            detail: `POST ${evidencePath(org, '/upload')}: ${issue?.path.join('.') || '(answer)'}: ${issue?.message ?? 'does not match'}`,
          }),
        );
      }
      // a problem+json answer read through its schema; whatever part of it is missing, the status still speaks
      const problem = problemSchema.partial().safeParse(body).data;
      reject(
        new ApiError({
          status: xhr.status,
          type: problem?.type,
          title: problem?.title,
          detail: problem?.detail,
          errors: problem?.errors ?? [],
        }),
      );
    };
    signal?.addEventListener('abort', () => xhr.abort());
    xhr.send(form);
  });
}

/** The detail page's query after an upload: filed, and which evidence already held the same content. */
export function createdSearch(result: UploadResult): { created: string; same?: string } {
  const same = result.upload.sameContent.map((e) => e.ref).join(', ');
  return same ? { created: '1', same } : { created: '1' };
}

/**
 * 1536 → "1.5 KiB": binary units, as the server states its upload limit (25 MiB), so that a file shown as smaller
 * than the limit is never refused as larger.
 */
export function formatBytes(i18n: Pick<I18n, 'locale'>, bytes: number): string {
  if (bytes < 1024) return formatByteCount(i18n, bytes);
  const units = ['KiB', 'MiB', 'GiB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${new Intl.NumberFormat(i18n.locale, { maximumFractionDigits: value < 10 ? 1 : 0 }).format(value)} ${units[unit]}`;
}

/** The exact size: "23,683 bytes". */
export function formatByteCount(i18n: Pick<I18n, 'locale'>, bytes: number): string {
  return new Intl.NumberFormat(i18n.locale, { style: 'unit', unit: 'byte', unitDisplay: 'long' }).format(bytes);
}

/** Today in the user's calendar, as the API writes dates. */
export function localToday(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

export const evidenceExpired = (record: Pick<EvidenceRecord, 'validUntil'>) =>
  isExpired(record.validUntil, localToday());
