import { useState } from 'react';
import { Link, getRouteApi } from '@tanstack/react-router';
import type { Methodology } from '../../schema/risks/methodology.schema.js';
import { useT } from '../i18n/i18n.js';
import { useMemberNames } from '../lib/members.js';
import { useOrg } from '../lib/session.js';
import { useDocumentTitle } from '../lib/use-document-title.js';
import { ErrorMessage, Loading } from '../components/status.js';
import { RegisterPagination } from '../register/register-pagination.js';
import { RiskBreadcrumb } from './risk-form-pages.js';
import { LevelBadge, levelOf } from './risk-level.js';
import { Tile } from './tiles.js';
import { useMethodologyInForce, useMethodologyVersion, useRescore, useRescores } from './risks-api.js';
import type { RiskMove } from '../../schema/risks/risks.responses.js';
import './risks.css';

const listRoute = getRouteApi('/o/$org/risks/rescores');

/** What each approved methodology version did to the risks: one line per re-scoring, newest first. */
export function RescoresPage() {
  const { t, formatDateTime } = useT();
  const { org } = listRoute.useParams();
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(25);
  const list = useRescores(org, page, pageSize);
  const names = useMemberNames(org);
  useDocumentTitle(t('risks.rescores.title'), useOrg(org).data?.name);
  return (
    <section className="page" aria-labelledby="page-title">
      <RiskBreadcrumb org={org} current={t('risks.rescores.title')} />
      <header className="page__header">
        <div>
          <h1 id="page-title">{t('risks.rescores.title')}</h1>
          <p className="page__lead">{t('risks.rescores.lead')}</p>
        </div>
      </header>
      {list.isPending ? (
        <Loading />
      ) : list.isError ? (
        <ErrorMessage error={list.error} onRetry={() => void list.refetch()} />
      ) : list.data.total === 0 ? (
        <div className="empty-state">
          <h2>{t('risks.rescores.emptyTitle')}</h2>
          <p>{t('risks.rescores.empty')}</p>
        </div>
      ) : (
        <>
          <div className="table-wrap">
            <table className="table">
              <caption className="visually-hidden">{t('risks.rescores.title')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('risks.rescores.when')}</th>
                  <th scope="col">{t('risks.rescores.versions')}</th>
                  <th scope="col">{t('risks.rescores.total')}</th>
                  <th scope="col">{t('risks.rescores.changed')}</th>
                  <th scope="col">{t('risks.rescores.crossed')}</th>
                  <th scope="col">{t('risks.rescores.by')}</th>
                </tr>
              </thead>
              <tbody>
                {list.data.items.map((r) => (
                  <tr key={r.id}>
                    <td>
                      <Link to="/o/$org/risks/rescores/$id" params={{ org, id: r.id }}>
                        {formatDateTime(r.createdAt)}
                      </Link>
                    </td>
                    <td>{versionsText(t, r.fromVersion, r.toVersion)}</td>
                    <td>{r.total}</td>
                    <td>{r.changed}</td>
                    <td>
                      {r.crossed ? <strong className="acceptance acceptance--treat">{r.crossed}</strong> : r.crossed}
                    </td>
                    <td>{r.createdBy ? (names.get(r.createdBy) ?? t('common.unknownMember')) : t('common.system')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <RegisterPagination
            page={page}
            pageSize={pageSize}
            total={list.data.total}
            onPage={setPage}
            onPageSize={(s) => {
              setPageSize(s);
              setPage(1);
            }}
          />
        </>
      )}
    </section>
  );
}

type T = ReturnType<typeof useT>['t'];
const versionsText = (t: T, from: number | null, to: number) =>
  from === null ? t('risks.rescores.firstVersion', { to }) : t('risks.rescores.fromTo', { from, to });

const oneRoute = getRouteApi('/o/$org/risks/rescores/$id');

/** One re-scoring: every risk whose level moved, before → after, and which crossed the acceptance line. */
export function RescorePage() {
  const { t, formatDateTime } = useT();
  const { org, id } = oneRoute.useParams();
  const report = useRescore(org, id);
  const inForce = useMethodologyInForce(org);
  const recordId = inForce.data?.recordId;
  const before = useMethodologyVersion(org, recordId, report.data?.fromVersion);
  const after = useMethodologyVersion(org, recordId, report.data?.toVersion);
  const [crossedOnly, setCrossedOnly] = useState(false);
  useDocumentTitle(t('risks.rescores.one'), useOrg(org).data?.name);
  if (report.isPending) return <Loading />;
  if (report.isError) return <ErrorMessage error={report.error} onRetry={() => void report.refetch()} />;
  const r = report.data;
  const moves = (r.moves ?? []).filter((mv) => !crossedOnly || mv.crossed);
  return (
    <section className="page" aria-labelledby="page-title">
      <RiskBreadcrumb org={org} current={versionsText(t, r.fromVersion, r.toVersion)}>
        <span aria-hidden="true"> / </span>
        <Link to="/o/$org/risks/rescores" params={{ org }}>
          {t('risks.rescores.title')}
        </Link>
      </RiskBreadcrumb>
      <header className="page__header">
        <div>
          <p className="page__eyebrow">{formatDateTime(r.createdAt)}</p>
          <h1 id="page-title">
            {t('risks.rescores.heading', { versions: versionsText(t, r.fromVersion, r.toVersion) })}
          </h1>
          <p className="page__lead">{t('risks.rescores.oneLead')}</p>
        </div>
      </header>
      <dl className="tiles" aria-label={t('risks.rescores.summary')}>
        <Tile label={t('risks.rescores.total')} value={r.total} />
        <Tile label={t('risks.rescores.changed')} value={r.changed} />
        <Tile label={t('risks.rescores.crossed')} value={r.crossed} tone={r.crossed ? 'treat' : undefined} />
      </dl>
      {r.moves?.length ? (
        <>
          <p>
            <label className="inline-check">
              <input type="checkbox" checked={crossedOnly} onChange={(e) => setCrossedOnly(e.target.checked)} />{' '}
              {t('risks.rescores.crossedOnly')}
            </label>
          </p>
          <MovesTable org={org} moves={moves} before={before.data} after={after.data} />
        </>
      ) : (
        <p className="empty-state empty-state--small">{t('risks.rescores.nothingMoved')}</p>
      )}
    </section>
  );
}

function MovesTable({
  org,
  moves,
  before,
  after,
}: {
  org: string;
  moves: RiskMove[];
  before: Methodology | undefined;
  after: Methodology | undefined;
}) {
  const { t, td } = useT();
  return (
    <div className="table-wrap">
      <table className="table">
        <caption className="visually-hidden">{t('risks.rescores.movesCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('register.ref')}</th>
            <th scope="col">{t('risks.field.title')}</th>
            <th scope="col">{t('risks.rescores.before')}</th>
            <th scope="col">{t('risks.rescores.after')}</th>
            <th scope="col">{t('risks.rescores.acceptanceLine')}</th>
            <th scope="col">{t('risks.rescores.carried')}</th>
          </tr>
        </thead>
        <tbody>
          {moves.map((mv) => (
            <tr key={mv.riskId} className={mv.crossed ? 'row--crossed' : undefined}>
              <td data-column="ref">
                <Link to="/o/$org/risks/$id" params={{ org, id: mv.riskId }}>
                  {mv.ref}
                </Link>
              </td>
              <td>{mv.title}</td>
              <td>
                <LevelBadge level={levelOf(before, mv.before?.level)} />{' '}
                {mv.before?.score != null ? (
                  <span className="muted small score">{t('risks.scoreShort', { score: mv.before.score })}</span>
                ) : null}
              </td>
              <td>
                <span aria-hidden="true" className="move-arrow">
                  →{' '}
                </span>
                <LevelBadge level={levelOf(after, mv.after?.level)} />{' '}
                {mv.after?.score != null ? (
                  <span className="muted small score">{t('risks.scoreShort', { score: mv.after.score })}</span>
                ) : null}
              </td>
              <td>
                {mv.crossed ? (
                  <strong className={`acceptance ${mv.after?.acceptable ? 'acceptance--ok' : 'acceptance--treat'}`}>
                    {mv.after?.acceptable ? t('risks.crossed.to_acceptable') : t('risks.crossed.to_unacceptable')}
                  </strong>
                ) : (
                  <span className="muted">{t('risks.crossed.none')}</span>
                )}
              </td>
              <td className="small">
                {mv.carried.length ? (
                  mv.carried
                    .map((c) =>
                      t('risks.rescores.carriedItem', { field: td(`risks.field.${c.field}`), from: c.from, to: c.to }),
                    )
                    .join('; ')
                ) : (
                  <span className="muted">{t('common.empty')}</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
