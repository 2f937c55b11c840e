import { useState, type FormEvent } from 'react';
import { useT } from '../i18n/i18n.js';
import type { RegisterRecord } from '../lib/api-types.js';
import { useCan } from '../lib/session.js';
import { FormField } from '../ui/form-field.js';
import { ErrorMessage, LiveMessage } from '../components/status.js';
import { externalCopyUrl, useDocumentMutations } from './documents-api.js';
import { Button } from '../ui/button.js';

/**
 * Publication (7.5.3 a): the approved version is made available to its audience, who are then asked to
 * acknowledge it; withdrawal takes it out of force (its retention starts). A shareable, published document can be
 * exported for external parties without its confidential parts.
 */
export function PublicationCard({ org, record }: { org: string; record: RegisterRecord }) {
  const { t, td, formatDate } = useT();
  const can = useCan(org);
  const { publish, withdraw } = useDocumentMutations(org, record.id);
  const [note, setNote] = useState('');
  const [withdrawing, setWithdrawing] = useState(false);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | undefined>();
  const [done, setDone] = useState<string | null>(null);
  const status = String(record.status ?? 'draft');
  const approved = typeof record.approvedVersion === 'number' ? record.approvedVersion : null;
  const published = typeof record.publishedVersion === 'number' ? record.publishedVersion : null;
  const live = !record.archivedAt && status !== 'disposed';
  const canPublish =
    can('document.publish') && live && approved !== null && (approved !== published || status === 'withdrawn');
  const canWithdraw = can('document.publish') && live && (status === 'published' || status === 'approved');
  const audience = td(`documents.audience.${String(record.audience ?? 'all_members')}`);

  const doPublish = async (e: FormEvent) => {
    e.preventDefault();
    if (approved === null) return;
    await publish.mutateAsync({ versionNo: approved, ...(note.trim() ? { note: note.trim() } : {}) });
    setNote('');
    setDone(t('documents.publication.done', { no: approved }));
  };
  const doWithdraw = async (e: FormEvent) => {
    e.preventDefault();
    if (!reason.trim()) {
      setReasonError(t('documents.publication.reasonRequired'));
      return;
    }
    await withdraw.mutateAsync({ reason: reason.trim() });
    setWithdrawing(false);
    setReason('');
    setDone(t('documents.publication.withdrawn'));
  };

  return (
    <section className="card" aria-labelledby="doc-publication-title">
      <h2 id="doc-publication-title" className="card__title">
        {t('documents.publication.title')}
      </h2>
      <LiveMessage>{done}</LiveMessage>
      <p>
        {status === 'withdrawn' && record.withdrawnOn
          ? t('documents.publication.withdrawnOn', { date: formatDate(String(record.withdrawnOn)) })
          : published !== null && record.publishedOn
            ? t('documents.publication.state', {
                no: published,
                date: formatDate(String(record.publishedOn)),
                audience,
              })
            : t('documents.publication.none')}
      </p>
      {approved !== null && published !== null && approved > published && status !== 'withdrawn' ? (
        <p className="alert alert--warning">{t('documents.publication.newer', { no: approved })}</p>
      ) : null}
      {canPublish ? (
        <form className="form doc-inline-form" onSubmit={(e) => void doPublish(e).catch(() => undefined)} noValidate>
          <FormField label={t('documents.publication.note')} help={t('documents.publication.noteHelp')}>
            <input value={note} maxLength={2000} onChange={(e) => setNote(e.target.value)} />
          </FormField>
          <div className="form__actions">
            <Button type="submit" variant="primary" disabled={publish.isPending}>
              {t('documents.publication.publish', { no: approved ?? 0, audience })}
            </Button>
          </div>
          {publish.isError ? <ErrorMessage error={publish.error} /> : null}
        </form>
      ) : approved === null && status !== 'disposed' ? (
        <p className="muted">{t('documents.publication.needsApproval')}</p>
      ) : null}
      {record.shareableExternally && status === 'published' && can('document.export') ? (
        <div className="button-group" role="group" aria-label={t('documents.publication.external')}>
          <span className="button-group__label" aria-hidden="true">
            {t('documents.publication.external')}
          </span>
          {(['docx', 'pdf'] as const).map((format) => (
            <a
              key={format}
              className="button button--secondary button--small"
              href={externalCopyUrl(org, record.id, format)}
              download
              aria-label={t('documents.publication.externalAs', { format: format.toUpperCase() })}
            >
              {format.toUpperCase()}
            </a>
          ))}
        </div>
      ) : null}
      {canWithdraw ? (
        withdrawing ? (
          <form className="form doc-inline-form" onSubmit={(e) => void doWithdraw(e).catch(() => undefined)} noValidate>
            <FormField
              label={t('documents.publication.reason')}
              help={t('documents.publication.reasonHelp')}
              error={reasonError}
              required
            >
              <textarea
                rows={2}
                maxLength={2000}
                value={reason}
                onChange={(e) => {
                  setReason(e.target.value);
                  setReasonError(undefined);
                }}
              />
            </FormField>
            {withdraw.isError ? <ErrorMessage error={withdraw.error} /> : null}
            <div className="form__actions">
              <Button type="submit" variant="danger" disabled={withdraw.isPending}>
                {t('documents.publication.withdrawConfirm')}
              </Button>
              <Button onClick={() => setWithdrawing(false)}>{t('common.cancel')}</Button>
            </div>
          </form>
        ) : (
          <p>
            <Button
              size="small"
              onClick={() => {
                setDone(null);
                setWithdrawing(true);
              }}
            >
              {t('documents.publication.withdraw')}
            </Button>
          </p>
        )
      ) : null}
    </section>
  );
}
