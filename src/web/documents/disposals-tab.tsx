import { Link } from '@tanstack/react-router';
import { useT } from '../i18n/i18n.js';
import { useMemberNames } from '../lib/members.js';
import { DataTable } from '../ui/data-table.js';
import { QueryState } from '../ui/query-state.js';
import { useDisposals } from './documents-api.js';

/**
 * The record of disposals (7.5.3 d): what was destroyed (each version's SHA-256 kept), why, who proposed it and who
 * decided. A document's own disposal is proposed and decided on its page, in "Retention and disposal".
 */
export function DisposalsTab({ org }: { org: string }) {
  const { t, td, formatDateTime } = useT();
  const names = useMemberNames(org);
  const disposals = useDisposals(org);
  const who = (id: string | null) => (id ? (names.get(id) ?? t('common.unknownMember')) : t('common.system'));
  return (
    <section className="doc-disposals" aria-labelledby="doc-disposals-title">
      <h2 id="doc-disposals-title" className="section-title">
        {t('documents.disposals.title')}
      </h2>
      <p className="muted">{t('documents.disposals.lead')}</p>
      <QueryState
        query={disposals}
        empty={
          <>
            <h3>{t('documents.disposals.emptyTitle')}</h3>
            <p>{t('documents.disposals.empty')}</p>
          </>
        }
        emptyAction={
          <Link
            to="/o/$org/documents"
            params={{ org }}
            search={{ disposalDue: 'true' }}
            className="button button--secondary"
          >
            {t('documents.disposals.showDue')}
          </Link>
        }
      >
        {(data) => (
          <DataTable
            className="doc-disposals__table"
            caption={t('documents.disposals.caption')}
            rows={data.items}
            rowKey={(d) => d.id}
            columns={[
              {
                id: 'document',
                header: t('documents.disposals.document'),
                rowHeader: true,
                className: 'doc-disposals__doc',
                cell: (d) => (
                  <>
                    <span className="ref">{d.ref}</span>{' '}
                    <Link to="/o/$org/documents/$id" params={{ org, id: d.documentId }}>
                      {d.title}
                    </Link>
                  </>
                ),
              },
              {
                id: 'state',
                header: t('documents.disposals.state'),
                cell: (d) => (
                  <span className={`pill pill--disposal-${d.state}`}>
                    {td(`documents.disposal.state.${d.state}`, undefined, d.state)}
                  </span>
                ),
              },
              { id: 'reason', header: t('documents.disposals.reason'), className: 'prewrap', cell: (d) => d.reason },
              {
                id: 'proposed',
                header: t('documents.disposals.proposed'),
                cell: (d) =>
                  t('documents.disposals.byOn', { who: who(d.proposedBy), when: formatDateTime(d.proposedAt) }),
              },
              {
                id: 'decided',
                header: t('documents.disposals.decided'),
                cell: (d) =>
                  d.decidedAt ? (
                    <>
                      {t('documents.disposals.byOn', { who: who(d.decidedBy), when: formatDateTime(d.decidedAt) })}
                      {d.decisionNote ? <span className="muted doc-disposals__note">{d.decisionNote}</span> : null}
                    </>
                  ) : (
                    <span className="muted">{t('documents.disposals.awaiting')}</span>
                  ),
              },
              {
                id: 'versions',
                header: t('documents.disposals.versions'),
                cell: (d) =>
                  d.versions.length === 0 ? (
                    <span className="muted">{t('documents.disposals.noVersions')}</span>
                  ) : (
                    <ul className="doc-disposals__versions">
                      {d.versions.map((v) => (
                        <li key={v.versionNo}>
                          {t('documents.disposals.version', {
                            no: v.versionNo,
                            state: td(`versions.state.${v.state}`, undefined, v.state),
                          })}{' '}
                          <span className="hash">{v.contentHash}</span>
                        </li>
                      ))}
                    </ul>
                  ),
              },
            ]}
          />
        )}
      </QueryState>
    </section>
  );
}
