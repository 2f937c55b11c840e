import { useState } from 'react';
import type { DocumentRecord } from '../../schema/documents/document.register.js';
import { publishBody, withdrawBody } from '../../schema/documents/documents.schema.js';
import { useT } from '../i18n/i18n.js';
import { zodFieldErrors } from '../lib/form-errors.js';
import { useCan } from '../lib/session.js';
import { LiveMessage } from '../components/status.js';
import { externalCopyUrl, useDocumentMutations } from './documents-api.js';
import { Button } from '../ui/button.js';
import { TextArea, TextField } from '../ui/fields.js';
import { Form, FormFailureMessage } from '../ui/form.js';
import type { FieldErrors } from '../ui/form-state.js';
import { useForm } from '../ui/use-form.js';

/**
 * Publication (7.5.3 a): the approved version is made available to its audience, who are then asked to
 * acknowledge it; withdrawal takes it out of force (its retention starts). A shareable, published document can be
 * exported for external parties without its confidential parts.
 */
export function PublicationCard({ org, record }: { org: string; record: DocumentRecord }) {
  const { t, td, formatDate } = useT();
  const can = useCan(org);
  const [withdrawing, setWithdrawing] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const status = record.status ?? 'draft';
  const approved = record.approvedVersion;
  const published = record.publishedVersion;
  const live = !record.archivedAt && status !== 'disposed';
  const canPublish =
    can('document.publish') && live && approved !== null && (approved !== published || status === 'withdrawn');
  const canWithdraw = can('document.publish') && live && (status === 'published' || status === 'approved');
  const audience = td(`documents.audience.${record.audience ?? 'all_members'}`);

  return (
    <section className="card" aria-labelledby="doc-publication-title">
      <h2 id="doc-publication-title" className="card__title">
        {t('documents.publication.title')}
      </h2>
      <LiveMessage>{done}</LiveMessage>
      <p>
        {status === 'withdrawn' && record.withdrawnOn
          ? t('documents.publication.withdrawnOn', { date: formatDate(record.withdrawnOn) })
          : published !== null && record.publishedOn
            ? t('documents.publication.state', {
                no: published,
                date: formatDate(record.publishedOn),
                audience,
              })
            : t('documents.publication.none')}
      </p>
      {approved !== null && published !== null && approved > published && status !== 'withdrawn' ? (
        <p className="alert alert--warning">{t('documents.publication.newer', { no: approved })}</p>
      ) : null}
      {canPublish && approved !== null ? (
        <PublishForm
          org={org}
          id={record.id}
          versionNo={approved}
          audience={audience}
          onDone={() => setDone(t('documents.publication.done', { no: approved }))}
        />
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
          <WithdrawForm
            org={org}
            id={record.id}
            onDone={() => {
              setWithdrawing(false);
              setDone(t('documents.publication.withdrawn'));
            }}
            onCancel={() => setWithdrawing(false)}
          />
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

/** Publishing the approved version, with an optional note for the audience. */
function PublishForm({
  org,
  id,
  versionNo,
  audience,
  onDone,
}: {
  org: string;
  id: string;
  versionNo: number;
  audience: string;
  onDone: () => void;
}) {
  const { t } = useT();
  const { publish } = useDocumentMutations(org, id);
  const form = useForm({
    initial: { note: '' },
    schema: publishBody,
    toBody: (v) => ({ versionNo, ...(v.note.trim() ? { note: v.note.trim() } : {}) }),
    submit: (body) => publish.mutateAsync(body),
    onSuccess: onDone,
    resetOnSuccess: true,
  });
  return (
    <Form form={form} className="form doc-inline-form">
      <TextField
        label={t('documents.publication.note')}
        help={t('documents.publication.noteHelp')}
        maxLength={2000}
        {...form.field('note')}
      />
      <div className="form__actions">
        <Button type="submit" variant="primary" busy={form.submitting}>
          {t('documents.publication.publish', { no: versionNo, audience })}
        </Button>
      </div>
      <FormFailureMessage form={form} />
    </Form>
  );
}

/** Taking the document out of force, saying why. */
function WithdrawForm({
  org,
  id,
  onDone,
  onCancel,
}: {
  org: string;
  id: string;
  onDone: () => void;
  onCancel: () => void;
}) {
  const i18n = useT();
  const { t } = i18n;
  const { withdraw } = useDocumentMutations(org, id);
  // the card's own words for a missing reason, rather than the schema's
  const reasonGiven = (v: { reason: string }): FieldErrors =>
    v.reason.trim() ? {} : { reason: t('documents.publication.reasonRequired') };
  const form = useForm({
    initial: { reason: '' },
    schema: withdrawBody,
    toBody: (v) => ({ reason: v.reason.trim() }),
    check: reasonGiven,
    clientErrors: (error, v) => ({ ...zodFieldErrors(i18n, error), ...reasonGiven(v) }),
    submit: (body) => withdraw.mutateAsync(body),
    onSuccess: onDone,
  });
  return (
    <Form form={form} className="form doc-inline-form">
      <TextArea
        label={t('documents.publication.reason')}
        help={t('documents.publication.reasonHelp')}
        required
        rows={2}
        maxLength={2000}
        {...form.field('reason')}
      />
      <FormFailureMessage form={form} />
      <div className="form__actions">
        <Button type="submit" variant="danger" busy={form.submitting}>
          {t('documents.publication.withdrawConfirm')}
        </Button>
        <Button onClick={onCancel}>{t('common.cancel')}</Button>
      </div>
    </Form>
  );
}
