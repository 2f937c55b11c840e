import { useState } from 'react';
import { documentRegister } from '../../schema/documents/document.register.js';
import { useT } from '../i18n/i18n.js';
import type { RegisterRecord } from '../lib/api-types.js';
import { useCan } from '../lib/session.js';
import { ErrorMessage, LiveMessage, Loading } from '../components/status.js';
import { useVersion } from '../versioning/versioned-api.js';
import { useAcknowledgements, useDocumentMutations, useToRead } from './documents-api.js';
import { Button } from '../ui/button.js';

/**
 * Acknowledgements of the published version (evidence for 7.3 awareness): how many of the audience have read it,
 * who and when, reminders; and for a reader who still has to, the confirmation bound to the exact text (its hash).
 */
export function AcknowledgementsCard({ org, record }: { org: string; record: RegisterRecord }) {
  const { t, formatDateTime, formatNumber, td } = useT();
  const can = useCan(org);
  const published =
    record.status === 'published' && typeof record.publishedVersion === 'number' ? record.publishedVersion : null;
  const acks = useAcknowledgements(org, record.id, published !== null);
  const mine = useToRead(org).data?.items.find((i) => i.id === record.id);
  const version = useVersion(org, documentRegister, record.id, mine?.versionNo);
  const { acknowledge, remind } = useDocumentMutations(org, record.id);
  const [done, setDone] = useState<string | null>(null);

  const confirm = async () => {
    if (!mine || !version.data) return;
    await acknowledge.mutateAsync({ versionNo: mine.versionNo, contentHash: version.data.contentHash });
    setDone(t('documents.ack.done', { no: mine.versionNo }));
  };
  const sendReminders = async () => {
    const res = await remind.mutateAsync({});
    setDone(t('documents.ack.reminded', { count: res.reminded }));
  };

  return (
    <section className="card" aria-labelledby="doc-ack-title">
      <h2 id="doc-ack-title" className="card__title">
        {t('documents.ack.title')}
      </h2>
      <LiveMessage>{done}</LiveMessage>
      {mine ? (
        <div className="doc-ack-me">
          <p>{t('documents.ack.mine', { no: mine.versionNo })}</p>
          <Button
            variant="primary"
            disabled={acknowledge.isPending || !version.data}
            onClick={() => void confirm().catch(() => undefined)}
          >
            {t('documents.ack.confirm', { no: mine.versionNo })}
          </Button>
          {acknowledge.isError ? <ErrorMessage error={acknowledge.error} /> : null}
        </div>
      ) : null}
      {published === null ? (
        <p className="muted">{t('documents.ack.notPublished')}</p>
      ) : acks.isPending ? (
        <Loading />
      ) : acks.isError ? (
        <ErrorMessage error={acks.error} onRetry={() => void acks.refetch()} />
      ) : (
        <>
          <div className="doc-progress">
            <p className="doc-progress__text" id="doc-ack-progress">
              {t('documents.ack.count', {
                done: formatNumber(acks.data.acknowledged),
                total: formatNumber(acks.data.total),
                no: acks.data.versionNo ?? published,
              })}
            </p>
            <progress
              max={Math.max(1, acks.data.total)}
              value={acks.data.acknowledged}
              aria-labelledby="doc-ack-progress"
            />
          </div>
          {acks.data.total === 0 ? (
            <p className="muted">{t('documents.ack.nobody')}</p>
          ) : acks.data.items.length === 0 ? (
            <p className="muted">{t('documents.ack.followUpOnly')}</p>
          ) : (
            <div className="table-wrap">
              <table className="table">
                <caption className="visually-hidden">
                  {t('documents.ack.caption', { no: acks.data.versionNo ?? published })}
                </caption>
                <thead>
                  <tr>
                    <th scope="col">{t('documents.ack.person')}</th>
                    <th scope="col">{t('documents.ack.role')}</th>
                    <th scope="col">{t('documents.ack.state')}</th>
                    <th scope="col">{t('documents.ack.reminders')}</th>
                  </tr>
                </thead>
                <tbody>
                  {acks.data.items.map((p) => (
                    <tr key={p.userId}>
                      <th scope="row" className="doc-ack__person">
                        {p.name || p.email} <span className="muted">{p.email}</span>
                      </th>
                      <td>{td(`role.${p.role}`, undefined, p.role)}</td>
                      <td>
                        {p.acknowledgedAt ? (
                          <span className="doc-ack doc-ack--done">
                            {t('documents.ack.acknowledged')}{' '}
                            <time dateTime={p.acknowledgedAt}>{formatDateTime(p.acknowledgedAt)}</time>
                          </span>
                        ) : (
                          <span className="doc-ack doc-ack--pending">{t('documents.ack.pending')}</span>
                        )}
                      </td>
                      <td>
                        {p.reminders ? (
                          t('documents.ack.reminderCount', {
                            count: p.reminders,
                            date: formatDateTime(p.lastRemindedAt),
                          })
                        ) : (
                          <span className="muted">{t('common.empty')}</span>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {acks.data.items.length > 0 && acks.data.items.length < acks.data.total ? (
            <p className="muted">{t('documents.ack.followUpOnly')}</p>
          ) : null}
          {can('document.publish') && acks.data.acknowledged < acks.data.total ? (
            <p>
              <Button
                size="small"
                disabled={remind.isPending}
                onClick={() => void sendReminders().catch(() => undefined)}
              >
                {t('documents.ack.remind', { count: acks.data.total - acks.data.acknowledged })}
              </Button>
            </p>
          ) : null}
          {remind.isError ? <ErrorMessage error={remind.error} /> : null}
        </>
      )}
    </section>
  );
}
