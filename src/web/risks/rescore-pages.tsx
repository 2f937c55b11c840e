import { useState } from 'react';
import { Link, getRouteApi } from '@tanstack/react-router';
import type { Methodology } from '../../schema/risks/methodology.schema.js';
import { useT } from '../i18n/i18n.js';
import { useMemberNames } from '../lib/members.js';
import { useOrg } from '../lib/session.js';
import { useDocumentTitle } from '../lib/use-document-title.js';
import { DataTable } from '../ui/data-table.js';
import { PageHeader } from '../ui/page-header.js';
import { QueryState } from '../ui/query-state.js';
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
      <PageHeader
        breadcrumb={<RiskBreadcrumb org={org} current={t('risks.rescores.title')} />}
        title={t('risks.rescores.title')}
        description={t('risks.rescores.lead')}
      />
      <QueryState
        query={list}
        isEmpty={(data) => data.total === 0}
        empty={
          <>
            <h2>{t('risks.rescores.emptyTitle')}</h2>
            <p>{t('risks.rescores.empty')}</p>
          </>
        }
      >
        {(data) => (
          <DataTable
            caption={t('risks.rescores.title')}
            rows={data.items}
            rowKey={(r) => r.id}
            pagination={{
              page,
              pageSize,
              total: data.total,
              onPage: setPage,
              onPageSize: (size) => {
                setPageSize(size);
                setPage(1);
              },
            }}
            columns={[
              {
                id: 'when',
                header: t('risks.rescores.when'),
                cell: (r) => (
                  <Link to="/o/$org/risks/rescores/$id" params={{ org, id: r.id }}>
                    {formatDateTime(r.createdAt)}
                  </Link>
                ),
              },
              {
                id: 'versions',
                header: t('risks.rescores.versions'),
                cell: (r) => versionsText(t, r.fromVersion, r.toVersion),
              },
              { id: 'total', header: t('risks.rescores.total'), cell: (r) => r.total },
              { id: 'changed', header: t('risks.rescores.changed'), cell: (r) => r.changed },
              {
                id: 'crossed',
                header: t('risks.rescores.crossed'),
                cell: (r) =>
                  r.crossed ? <strong className="acceptance acceptance--treat">{r.crossed}</strong> : r.crossed,
              },
              {
                id: 'by',
                header: t('risks.rescores.by'),
                cell: (r) => (r.createdBy ? (names.get(r.createdBy) ?? t('common.unknownMember')) : t('common.system')),
              },
            ]}
          />
        )}
      </QueryState>
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
  if (report.isPending || report.isError) return <QueryState query={report}>{() => null}</QueryState>;
  const r = report.data;
  const moves = (r.moves ?? []).filter((mv) => !crossedOnly || mv.crossed);
  return (
    <section className="page" aria-labelledby="page-title">
      <PageHeader
        breadcrumb={
          <RiskBreadcrumb org={org} current={versionsText(t, r.fromVersion, r.toVersion)}>
            <span aria-hidden="true"> / </span>
            <Link to="/o/$org/risks/rescores" params={{ org }}>
              {t('risks.rescores.title')}
            </Link>
          </RiskBreadcrumb>
        }
        eyebrow={formatDateTime(r.createdAt)}
        title={t('risks.rescores.heading', { versions: versionsText(t, r.fromVersion, r.toVersion) })}
        description={t('risks.rescores.oneLead')}
      />
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
    <DataTable
      caption={t('risks.rescores.movesCaption')}
      rows={moves}
      rowKey={(mv) => mv.riskId}
      rowClassName={(mv) => (mv.crossed ? 'row--crossed' : undefined)}
      columns={[
        {
          id: 'ref',
          header: t('register.ref'),
          cell: (mv) => (
            <Link to="/o/$org/risks/$id" params={{ org, id: mv.riskId }}>
              {mv.ref}
            </Link>
          ),
        },
        { id: 'title', header: t('risks.field.title'), cell: (mv) => mv.title },
        {
          id: 'before',
          header: t('risks.rescores.before'),
          cell: (mv) => (
            <>
              <LevelBadge level={levelOf(before, mv.before?.level)} />{' '}
              {mv.before?.score != null ? (
                <span className="muted small score">{t('risks.scoreShort', { score: mv.before.score })}</span>
              ) : null}
            </>
          ),
        },
        {
          id: 'after',
          header: t('risks.rescores.after'),
          cell: (mv) => (
            <>
              <span aria-hidden="true" className="move-arrow">
                →{' '}
              </span>
              <LevelBadge level={levelOf(after, mv.after?.level)} />{' '}
              {mv.after?.score != null ? (
                <span className="muted small score">{t('risks.scoreShort', { score: mv.after.score })}</span>
              ) : null}
            </>
          ),
        },
        {
          id: 'crossed',
          header: t('risks.rescores.acceptanceLine'),
          cell: (mv) =>
            mv.crossed ? (
              <strong className={`acceptance ${mv.after?.acceptable ? 'acceptance--ok' : 'acceptance--treat'}`}>
                {mv.after?.acceptable ? t('risks.crossed.to_acceptable') : t('risks.crossed.to_unacceptable')}
              </strong>
            ) : (
              <span className="muted">{t('risks.crossed.none')}</span>
            ),
        },
        {
          id: 'carried',
          header: t('risks.rescores.carried'),
          className: 'small',
          cell: (mv) =>
            mv.carried.length ? (
              mv.carried
                .map((c) =>
                  t('risks.rescores.carriedItem', { field: td(`risks.field.${c.field}`), from: c.from, to: c.to }),
                )
                .join('; ')
            ) : (
              <span className="muted">{t('common.empty')}</span>
            ),
        },
      ]}
    />
  );
}
