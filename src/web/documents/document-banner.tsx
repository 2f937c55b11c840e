import { useState } from 'react';
import { documentRegister } from '../../schema/documents/document.register.js';
import { useT } from '../i18n/i18n.js';
import { useCan } from '../lib/session.js';
import { ErrorMessage, LiveMessage } from '../components/status.js';
import { useRegisterRecord } from '../register/register-api.js';
import { useVersion, useVersionMutations, useVersions } from '../versioning/versioned-api.js';
import { StatusBadge } from './document-badges.js';
import { useToRead } from './documents-api.js';
import { Button } from '../ui/button.js';

/**
 * Where the document is in its life and the next step, between the header and the text: "Send for approval" for a
 * draft being written, and for a reader who must acknowledge the published version, which version that is.
 */
export function DocumentBanner({
  org,
  id,
  onShowVersion,
}: {
  org: string;
  id: string;
  onShowVersion: (no: number) => void;
}) {
  const { t } = useT();
  const can = useCan(org);
  const record = useRegisterRecord(org, documentRegister, id).data;
  const versions = useVersions(org, documentRegister, id).data?.items ?? [];
  const latestSummary = versions[0];
  const latest = useVersion(
    org,
    documentRegister,
    id,
    latestSummary?.state === 'draft' ? latestSummary.versionNo : undefined,
  ).data;
  const toRead = useToRead(org).data?.items.find((i) => i.id === id);
  const { save } = useVersionMutations(org, documentRegister, id);
  const [sent, setSent] = useState<number | null>(null);
  if (!record) return null;

  const status = record.status ?? 'draft';
  const canSend =
    can('document.update') && !record.archivedAt && latest?.state === 'draft' && latest.stage !== 'in_review';
  const send = async () => {
    if (!latest) return;
    await save.mutateAsync({
      content: latest.content,
      stage: 'in_review',
      baseVersion: latest.versionNo,
      baseContentHash: latest.contentHash,
    });
    setSent(latest.versionNo);
  };
  const next =
    status === 'disposed'
      ? t('documents.next.disposed')
      : status === 'withdrawn'
        ? t('documents.next.withdrawn')
        : latestSummary?.state === 'draft' && latestSummary.stage === 'in_review'
          ? t('documents.next.inReview', { no: latestSummary.versionNo })
          : latestSummary?.state === 'draft'
            ? t('documents.next.draft', { no: latestSummary.versionNo })
            : status === 'approved' ||
                (record.approvedVersion !== null && record.approvedVersion !== record.publishedVersion)
              ? t('documents.next.approved', { no: record.approvedVersion ?? 0 })
              : status === 'published'
                ? t('documents.next.published', { no: record.publishedVersion ?? 0 })
                : t('documents.next.empty');

  return (
    <div className="doc-banner">
      <LiveMessage>{sent ? t('documents.sentForApproval', { no: sent }) : null}</LiveMessage>
      <div className="doc-banner__state">
        <StatusBadge record={record} />
        <p className="doc-banner__next">{next}</p>
        {canSend ? (
          <Button variant="primary" disabled={save.isPending} onClick={() => void send()}>
            {save.isPending ? t('documents.sending') : t('documents.sendForApproval')}
          </Button>
        ) : null}
      </div>
      {save.isError ? <ErrorMessage error={save.error} /> : null}
      {toRead ? (
        <div className="alert alert--info doc-banner__read" role="note">
          <p>{t('documents.toRead.note', { no: toRead.versionNo })}</p>
          {latestSummary && latestSummary.versionNo !== toRead.versionNo ? (
            <Button size="small" onClick={() => onShowVersion(toRead.versionNo)}>
              {t('documents.toRead.show', { no: toRead.versionNo })}
            </Button>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
