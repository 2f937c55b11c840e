import { useState } from 'react';
import { Link } from '@tanstack/react-router';
import type { PlanRow } from '../../../schema/controls/treatment-plan.schema.js';
import { useT } from '../../i18n/i18n.js';
import { useSession } from '../../lib/session.js';
import { LiveMessage } from '../../components/status.js';
import { QueryState } from '../../ui/query-state.js';
import { AcceptDialog } from './accept-dialog.js';
import { usePlan } from './plan-api.js';
import { PlanTable } from './plan-table.js';

export interface PlanQuery {
  page: number;
  pageSize: number;
  attention: boolean;
}

/**
 * The plan as it stands now (`GET /risk-treatment-plans/live`, paged on the server): every treated risk, with a filter to
 * those that need attention, and "Accept" on the rows the signed-in member owns.
 */
export function LivePlan({
  org,
  query,
  onQuery,
}: {
  org: string;
  query: PlanQuery;
  onQuery: (next: Partial<PlanQuery>) => void;
}) {
  const { t, formatNumber } = useT();
  const session = useSession();
  const plan = usePlan(org, query);
  const [accepting, setAccepting] = useState<PlanRow | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const canAccept = (row: PlanRow) => !!session && row.ownerId === session.user.id && row.acceptance?.state !== 'valid';

  return (
    <section className="card live-plan" aria-labelledby="live-plan-title">
      <div className="live-plan__head">
        <div>
          <h2 id="live-plan-title" className="card__title">
            {t('planPage.live.title')}
          </h2>
          <p className="muted">{t('planPage.live.lead')}</p>
        </div>
        <div className="quick-filters" role="group" aria-label={t('planPage.filter.label')}>
          <button
            type="button"
            className="chip"
            aria-pressed={!query.attention}
            onClick={() => onQuery({ attention: false, page: 1 })}
          >
            {t('planPage.filter.all')}
          </button>
          <button
            type="button"
            className="chip"
            aria-pressed={query.attention}
            onClick={() => onQuery({ attention: true, page: 1 })}
          >
            {t('planPage.filter.attention')}
          </button>
        </div>
      </div>
      <LiveMessage>{message}</LiveMessage>
      <QueryState
        query={plan}
        isEmpty={(data) => data.total === 0}
        empty={
          query.attention ? (
            t('planPage.live.nothingToAttend')
          ) : (
            <>
              <p>{t('planPage.live.empty')}</p>
              <p>
                <Link to="/o/$org/risks" params={{ org }}>
                  {t('planPage.live.toRisks')}
                </Link>
              </p>
            </>
          )
        }
      >
        {(data) => (
          <>
            <p className="visually-hidden" aria-live="polite">
              {t('planPage.live.count', { count: formatNumber(data.total) })}
            </p>
            <PlanTable
              org={org}
              rows={data.items}
              caption={t('planPage.live.title')}
              canAccept={canAccept}
              onAccept={(row) => (setMessage(null), setAccepting(row))}
              pagination={{
                page: data.page,
                pageSize: data.pageSize,
                total: data.total,
                onPage: (page) => onQuery({ page }),
                onPageSize: (pageSize) => onQuery({ pageSize, page: 1 }),
              }}
            />
          </>
        )}
      </QueryState>
      <AcceptDialog
        org={org}
        row={accepting}
        onClose={() => setAccepting(null)}
        onAccepted={(ref) => {
          setAccepting(null);
          setMessage(t('planPage.accepted', { ref }));
        }}
      />
    </section>
  );
}
