import { useState, type FormEvent } from 'react';
import { useT } from '../i18n/i18n.js';
import type { RegisterRecord } from '../lib/api-types.js';
import { useMemberNames } from '../lib/members.js';
import { useCan, useSession } from '../lib/session.js';
import { FormField } from '../ui/form-field.js';
import { ErrorMessage, LiveMessage, Loading } from '../components/status.js';
import { useDisposal, useDocumentMutations } from './documents-api.js';
import { Button } from '../ui/button.js';

/**
 * Retention and disposal (7.5.3 d): how long the document is kept once out of force, and at the end an approved,
 * audited disposal (proposed by a manager, decided by someone else) that destroys the text and keeps its record.
 */
export function RetentionCard({ org, record }: { org: string; record: RegisterRecord }) {
  const { t, td, formatDate, formatDateTime } = useT();
  const can = useCan(org);
  const me = useSession()?.user.id;
  const names = useMemberNames(org);
  const disposal = useDisposal(org, record.id);
  const { proposeDisposal, decideDisposal } = useDocumentMutations(org, record.id);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | undefined>();
  const [note, setNote] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const today = new Date().toISOString().slice(0, 10);
  const ends = typeof record.retentionEndsOn === 'string' ? record.retentionEndsOn : null;
  const action = String(record.retentionAction ?? 'dispose');
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

  const propose = async (e: FormEvent) => {
    e.preventDefault();
    if (!reason.trim()) {
      setReasonError(t('documents.retention.reasonRequired'));
      return;
    }
    await proposeDisposal.mutateAsync({ reason: reason.trim() });
    setReason('');
    setDone(t('documents.retention.proposed'));
  };
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
            months: Number(record.retentionMonths ?? 0),
            action: td(`documents.retentionAction.${action}`, undefined, action),
          })}
        </dd>
        <dt>{t('documents.field.retentionEndsOn')}</dt>
        <dd>{ends ? formatDate(ends) : t('documents.retention.notStarted')}</dd>
        {disposed && record.disposedOn ? (
          <>
            <dt>{t('documents.field.disposedOn')}</dt>
            <dd>{formatDate(String(record.disposedOn))}</dd>
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
              <FormField label={t('documents.retention.decisionNote')}>
                <input value={note} maxLength={2000} onChange={(e) => setNote(e.target.value)} />
              </FormField>
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
        <form className="form doc-inline-form" onSubmit={(e) => void propose(e).catch(() => undefined)} noValidate>
          <FormField label={t('documents.retention.reason')} error={reasonError} required>
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
          {proposeDisposal.isError ? <ErrorMessage error={proposeDisposal.error} /> : null}
          <div className="form__actions">
            <Button type="submit" disabled={proposeDisposal.isPending}>
              {t('documents.retention.propose')}
            </Button>
          </div>
        </form>
      ) : null}
    </section>
  );
}
