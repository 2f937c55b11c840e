import { useState } from 'react';
import type { DocumentRecord } from '../../schema/documents/document.register.js';
import { proposeDisposalBody } from '../../schema/documents/documents.schema.js';
import { useT } from '../i18n/i18n.js';
import { zodFieldErrors } from '../lib/form-errors.js';
import { useMemberNames } from '../lib/members.js';
import { useCan, useSession } from '../lib/session.js';
import { ErrorMessage, LiveMessage, Loading } from '../components/status.js';
import { useDisposal, useDocumentMutations } from './documents-api.js';
import { Button } from '../ui/button.js';
import { TextArea, TextField } from '../ui/fields.js';
import { Form, FormFailureMessage } from '../ui/form.js';
import type { FieldErrors } from '../ui/form-state.js';
import { useForm } from '../ui/use-form.js';

/**
 * Retention and disposal (7.5.3 d): how long the document is kept once out of force, and at the end an approved,
 * audited disposal (proposed by a manager, decided by someone else) that destroys the text and keeps its record.
 */
export function RetentionCard({ org, record }: { org: string; record: DocumentRecord }) {
  const { t, td, formatDate, formatDateTime } = useT();
  const can = useCan(org);
  const me = useSession()?.user.id;
  const names = useMemberNames(org);
  const disposal = useDisposal(org, record.id);
  const { decideDisposal } = useDocumentMutations(org, record.id);
  const [note, setNote] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const today = new Date().toISOString().slice(0, 10);
  const ends = record.retentionEndsOn;
  const action = record.retentionAction ?? 'dispose';
  const current = disposal.data?.current ?? null;
  const disposed = record.status === 'disposed';
  const who = (id: string | null) => (id ? (names.get(id) ?? t('common.unknownMember')) : t('common.system'));
  const canPropose =
    can('document.dispose') &&
    !disposed &&
    !record.archivedAt &&
    action !== 'keep' &&
    ends !== null &&
    ends <= today &&
    current?.state !== 'proposed';
  const canDecide = can('document.approve_disposal') && current?.state === 'proposed' && current.proposedBy !== me;

  const decide = async (decision: 'approve' | 'reject') => {
    await decideDisposal.mutateAsync({ decision, ...(note.trim() ? { note: note.trim() } : {}) });
    setNote('');
    setDone(decision === 'approve' ? t('documents.retention.approved') : t('documents.retention.rejected'));
  };

  return (
    <section className="card" aria-labelledby="doc-retention-title">
      <h2 id="doc-retention-title" className="card__title">
        {t('documents.retention.title')}
      </h2>
      <LiveMessage>{done}</LiveMessage>
      <dl className="detail__meta">
        <dt>{t('documents.field.retentionMonths')}</dt>
        <dd>
          {t('documents.retention.rule', {
            months: record.retentionMonths ?? 0,
            action: td(`documents.retentionAction.${action}`, undefined, action),
          })}
        </dd>
        <dt>{t('documents.field.retentionEndsOn')}</dt>
        <dd>{ends ? formatDate(ends) : t('documents.retention.notStarted')}</dd>
        {disposed && record.disposedOn ? (
          <>
            <dt>{t('documents.field.disposedOn')}</dt>
            <dd>{formatDate(record.disposedOn)}</dd>
          </>
        ) : null}
      </dl>
      <p className="muted">{t('documents.retention.keeps')}</p>
      {disposal.isPending ? (
        <Loading />
      ) : disposal.isError ? (
        <ErrorMessage error={disposal.error} onRetry={() => void disposal.refetch()} />
      ) : current ? (
        <div className={`doc-disposal doc-disposal--${current.state}`}>
          <p>
            <strong>{td(`documents.disposal.state.${current.state}`, undefined, current.state)}</strong>{' '}
            {t('documents.retention.proposedBy', {
              who: who(current.proposedBy),
              when: formatDateTime(current.proposedAt),
            })}
          </p>
          <p className="prewrap">{current.reason}</p>
          {current.decidedAt ? (
            <p>
              {t('documents.retention.decidedBy', {
                who: who(current.decidedBy),
                when: formatDateTime(current.decidedAt),
              })}
              {current.decisionNote ? ` — ${current.decisionNote}` : ''}
            </p>
          ) : null}
          {current.state === 'approved' ? (
            <ul className="doc-disposal__versions" aria-label={t('documents.retention.hashes')}>
              {current.versions.map((v) => (
                <li key={v.versionNo}>
                  {t('documents.retention.versionHash', {
                    no: v.versionNo,
                    state: td(`versions.state.${v.state}`, undefined, v.state),
                  })}{' '}
                  <span className="hash">{v.contentHash}</span>
                </li>
              ))}
            </ul>
          ) : null}
          {canDecide ? (
            <div className="doc-inline-form">
              <TextField
                label={t('documents.retention.decisionNote')}
                value={note}
                maxLength={2000}
                onChange={(e) => setNote(e.target.value)}
              />
              <div className="form__actions">
                <Button
                  variant="danger"
                  disabled={decideDisposal.isPending}
                  onClick={() => void decide('approve').catch(() => undefined)}
                >
                  {t('documents.retention.approve')}
                </Button>
                <Button
                  disabled={decideDisposal.isPending}
                  onClick={() => void decide('reject').catch(() => undefined)}
                >
                  {t('documents.retention.reject')}
                </Button>
              </div>
            </div>
          ) : current.state === 'proposed' && current.proposedBy === me ? (
            <p className="muted">{t('documents.retention.otherDecides')}</p>
          ) : null}
          {decideDisposal.isError ? <ErrorMessage error={decideDisposal.error} /> : null}
        </div>
      ) : null}
      {canPropose ? (
        <ProposeDisposalForm org={org} id={record.id} onDone={() => setDone(t('documents.retention.proposed'))} />
      ) : null}
    </section>
  );
}

/** Proposing the disposal of a document whose retention has ended, saying why. */
function ProposeDisposalForm({ org, id, onDone }: { org: string; id: string; onDone: () => void }) {
  const i18n = useT();
  const { t } = i18n;
  const { proposeDisposal } = useDocumentMutations(org, id);
  // the card's own words for a missing reason, rather than the schema's
  const reasonGiven = (v: { reason: string }): FieldErrors =>
    v.reason.trim() ? {} : { reason: t('documents.retention.reasonRequired') };
  const form = useForm({
    initial: { reason: '' },
    schema: proposeDisposalBody,
    toBody: (v) => ({ reason: v.reason.trim() }),
    check: reasonGiven,
    clientErrors: (error, v) => ({ ...zodFieldErrors(i18n, error), ...reasonGiven(v) }),
    submit: (body) => proposeDisposal.mutateAsync(body),
    onSuccess: onDone,
    resetOnSuccess: true,
  });
  return (
    <Form form={form} className="form doc-inline-form">
      <TextArea label={t('documents.retention.reason')} required rows={2} maxLength={2000} {...form.field('reason')} />
      <FormFailureMessage form={form} />
      <div className="form__actions">
        <Button type="submit" busy={form.submitting}>
          {t('documents.retention.propose')}
        </Button>
      </div>
    </Form>
  );
}
