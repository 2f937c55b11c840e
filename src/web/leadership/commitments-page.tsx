import { useMemo } from 'react';
import { Link, getRouteApi } from '@tanstack/react-router';
import { COMMITMENTS, leadershipCommitmentRegister } from '../../schema/leadership/leadership-commitment.register.js';
import { useT } from '../i18n/i18n.js';
import { useCan, useOrg } from '../lib/session.js';
import { useDocumentTitle } from '../lib/use-document-title.js';
import { RegisterList } from '../register/register-list.js';
import { useRegisterList } from '../register/register-api.js';
import { parseRegisterSearch } from '../register/register-search.js';
import { recordLinkFor } from '../register/register-pages.js';
import { pagePath } from './register-paths.js';
import './leadership.css';
import { PageHeader } from '../ui/page-header.js';
import { QueryState } from '../ui/query-state.js';

const route = getRouteApi('/o/$org/leadership-commitments');

/** Leadership and commitment (27001 5.1): the eight commitments as a checklist with their evidence, then the register. */
export function CommitmentsPage() {
  const { t } = useT();
  const { org } = route.useParams();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const can = useCan(org);
  const RecordLink = useMemo(() => recordLinkFor(pagePath('leadership-commitments')), []);
  useDocumentTitle(t('leadership-commitments.title'), useOrg(org).data?.name);

  return (
    <section className="page" aria-labelledby="page-title">
      <PageHeader
        eyebrow={t('leadership-commitments.eyebrow')}
        title={t('leadership-commitments.title')}
        description={t('leadership-commitments.lead')}
        actions={
          can('leadership_commitment.create') ? (
            <Link to="/o/$org/leadership-commitments/new" params={{ org }} className="button button--primary">
              {t('leadership-commitments.new')}
            </Link>
          ) : null
        }
      />
      <CommitmentChecklist org={org} canCreate={can('leadership_commitment.create')} />
      <h2 className="section-title">{t('leadership-commitments.records')}</h2>
      <RegisterList
        org={org}
        register={leadershipCommitmentRegister}
        search={parseRegisterSearch(leadershipCommitmentRegister, search)}
        onSearch={(next) => void navigate({ search: next as never })}
        RecordLink={RecordLink}
        canExport={can('leadership_commitment.export')}
        canImport={can('leadership_commitment.import')}
        emptyState={
          <>
            <h2>{t('leadership-commitments.empty.title')}</h2>
            <p>{t('leadership-commitments.empty.intro')}</p>
          </>
        }
      />
    </section>
  );
}

function CommitmentChecklist({ org, canCreate }: { org: string; canCreate: boolean }) {
  const { t, formatDate } = useT();
  const list = useRegisterList(org, leadershipCommitmentRegister, { pageSize: '200', sort: 'date', order: 'desc' });
  if (list.isPending || list.isError) return <QueryState query={list}>{() => null}</QueryState>;
  const by = (c: string) => list.data.items.filter((r) => r.commitment === c);
  const done = COMMITMENTS.filter((c) => by(c).length > 0).length;
  return (
    <section aria-labelledby="commitments-checklist">
      <h2 id="commitments-checklist">{t('leadership-commitments.checklist')}</h2>
      <p className={done < COMMITMENTS.length ? 'alert alert--warning' : 'alert alert--success'}>
        {t('leadership-commitments.summary', { done })}
      </p>
      <ul className="commitments">
        {COMMITMENTS.map((c) => {
          const records = by(c);
          const ok = records.length > 0;
          return (
            <li key={c} className={ok ? 'commitment commitment--done' : 'commitment commitment--missing'}>
              <span className="commitment__mark" aria-hidden="true">
                {ok ? '✓' : '!'}
              </span>
              <div>
                <h3>{t(`leadership-commitments.commitment.${c}`)}</h3>
                {ok ? (
                  <>
                    <p className="small muted">{t('leadership-commitments.evidenced', { count: records.length })}</p>
                    <ul>
                      {records.map((r) => (
                        <li key={r.id}>
                          <Link to="/o/$org/leadership-commitments/$id" params={{ org, id: r.id }}>
                            {r.title}
                          </Link>
                          {r.date ? <span className="muted"> · {formatDate(r.date)}</span> : null}
                          {r.evidence ? <span className="muted"> · {r.evidence}</span> : null}
                        </li>
                      ))}
                    </ul>
                  </>
                ) : (
                  <p className="small">{t('leadership-commitments.missing')}</p>
                )}
              </div>
              {canCreate ? (
                <Link
                  to="/o/$org/leadership-commitments/new"
                  params={{ org }}
                  search={{ commitment: c } as never}
                  className="button button--secondary button--small"
                  aria-label={`${t('leadership-commitments.addFor')}: ${t(`leadership-commitments.commitment.${c}`)}`}
                >
                  {t('leadership-commitments.addFor')}
                </Link>
              ) : null}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
