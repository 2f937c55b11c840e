import { useState } from 'react';
import { documentRegister, type DocumentRecord } from '../../schema/documents/document.register.js';
import { useT } from '../i18n/i18n.js';
import { useCan } from '../lib/session.js';
import { ErrorMessage, LiveMessage } from '../components/status.js';
import { DataTable } from '../ui/data-table.js';
import { QueryState } from '../ui/query-state.js';
import { useVersion } from '../versioning/versioned-api.js';
import { useAcknowledgements, useDocumentMutations, useToRead } from './documents-api.js';
import { Button } from '../ui/button.js';

/**
 * Acknowledgements of the published version (evidence for 7.3 awareness): how many of the audience have read it,
 * who and when, reminders; and for a reader who still has to, the confirmation bound to the exact text (its hash).
 */
export function AcknowledgementsCard({ org, record }: { org: string; record: DocumentRecord }) {
  const { t, formatDateTime, formatNumber, td } = useT();
  const can = useCan(org);
  const published = record.status === 'published' ? record.publishedVersion : null;
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
      ) : (
        <QueryState query={acks}>
          {(data) => (
            <>
              <div className="doc-progress">
                <p className="doc-progress__text" id="doc-ack-progress">
                  {t('documents.ack.count', {
                    done: formatNumber(data.acknowledged),
                    total: formatNumber(data.total),
                    no: data.versionNo ?? published,
                  })}
                </p>
                <progress max={Math.max(1, data.total)} value={data.acknowledged} aria-labelledby="doc-ack-progress" />
              </div>
              {data.total === 0 ? (
                <p className="muted">{t('documents.ack.nobody')}</p>
              ) : data.items.length === 0 ? (
                <p className="muted">{t('documents.ack.followUpOnly')}</p>
              ) : (
                <DataTable
                  caption={t('documents.ack.caption', { no: data.versionNo ?? published })}
                  rows={data.items}
                  rowKey={(p) => p.userId}
                  columns={[
                    {
                      id: 'person',
                      header: t('documents.ack.person'),
                      rowHeader: true,
                      className: 'doc-ack__person',
                      cell: (p) => (
                        <>
                          {p.name || p.email} <span className="muted">{p.email}</span>
                        </>
                      ),
                    },
                    {
                      id: 'role',
                      header: t('documents.ack.role'),
                      cell: (p) => td(`role.${p.role}`, undefined, p.role),
                    },
                    {
                      id: 'state',
                      header: t('documents.ack.state'),
                      cell: (p) =>
                        p.acknowledgedAt ? (
                          <span className="doc-ack doc-ack--done">
                            {t('documents.ack.acknowledged')}{' '}
                            <time dateTime={p.acknowledgedAt}>{formatDateTime(p.acknowledgedAt)}</time>
                          </span>
                        ) : (
                          <span className="doc-ack doc-ack--pending">{t('documents.ack.pending')}</span>
                        ),
                    },
                    {
                      id: 'reminders',
                      header: t('documents.ack.reminders'),
                      cell: (p) =>
                        p.reminders ? (
                          t('documents.ack.reminderCount', {
                            count: p.reminders,
                            date: formatDateTime(p.lastRemindedAt),
                          })
                        ) : (
                          <span className="muted">{t('common.empty')}</span>
                        ),
                    },
                  ]}
                />
              )}
              {data.items.length > 0 && data.items.length < data.total ? (
                <p className="muted">{t('documents.ack.followUpOnly')}</p>
              ) : null}
              {can('document.publish') && data.acknowledged < data.total ? (
                <p>
                  <Button
                    size="small"
                    disabled={remind.isPending}
                    onClick={() => void sendReminders().catch(() => undefined)}
                  >
                    {t('documents.ack.remind', { count: data.total - data.acknowledged })}
                  </Button>
                </p>
              ) : null}
              {remind.isError ? <ErrorMessage error={remind.error} /> : null}
            </>
          )}
        </QueryState>
      )}
    </section>
  );
}
