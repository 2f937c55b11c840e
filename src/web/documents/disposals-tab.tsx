import { Link } from '@tanstack/react-router';
import { useT } from '../i18n/i18n.js';
import { useMemberNames } from '../lib/members.js';
import { ErrorMessage, Loading } from '../components/status.js';
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
  if (disposals.isPending) return <Loading />;
  if (disposals.isError) return <ErrorMessage error={disposals.error} onRetry={() => void disposals.refetch()} />;
  const items = disposals.data.items;
  return (
    <section className="doc-disposals" aria-labelledby="doc-disposals-title">
      <h2 id="doc-disposals-title" className="section-title">
        {t('documents.disposals.title')}
      </h2>
      <p className="muted">{t('documents.disposals.lead')}</p>
      {items.length === 0 ? (
        <div className="empty-state">
          <h3>{t('documents.disposals.emptyTitle')}</h3>
          <p>{t('documents.disposals.empty')}</p>
          <p>
            <Link
              to="/o/$org/documents"
              params={{ org }}
              search={{ disposalDue: 'true' }}
              className="button button--secondary"
            >
              {t('documents.disposals.showDue')}
            </Link>
          </p>
        </div>
      ) : (
        <div className="table-wrap">
          <table className="table doc-disposals__table">
            <caption className="visually-hidden">{t('documents.disposals.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('documents.disposals.document')}</th>
                <th scope="col">{t('documents.disposals.state')}</th>
                <th scope="col">{t('documents.disposals.reason')}</th>
                <th scope="col">{t('documents.disposals.proposed')}</th>
                <th scope="col">{t('documents.disposals.decided')}</th>
                <th scope="col">{t('documents.disposals.versions')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((d) => (
                <tr key={d.id}>
                  <th scope="row" className="doc-disposals__doc">
                    <span className="ref">{d.ref}</span>{' '}
                    <Link to="/o/$org/documents/$id" params={{ org, id: d.documentId }}>
                      {d.title}
                    </Link>
                  </th>
                  <td>
                    <span className={`pill pill--disposal-${d.state}`}>
                      {td(`documents.disposal.state.${d.state}`, undefined, d.state)}
                    </span>
                  </td>
                  <td className="prewrap">{d.reason}</td>
                  <td>
                    {t('documents.disposals.byOn', { who: who(d.proposedBy), when: formatDateTime(d.proposedAt) })}
                  </td>
                  <td>
                    {d.decidedAt ? (
                      <>
                        {t('documents.disposals.byOn', { who: who(d.decidedBy), when: formatDateTime(d.decidedAt) })}
                        {d.decisionNote ? <span className="muted doc-disposals__note">{d.decisionNote}</span> : null}
                      </>
                    ) : (
                      <span className="muted">{t('documents.disposals.awaiting')}</span>
                    )}
                  </td>
                  <td>
                    {d.versions.length === 0 ? (
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
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
