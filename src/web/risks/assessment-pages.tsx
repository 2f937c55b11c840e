import { useState } from 'react';
import { Link, getRouteApi, useNavigate } from '@tanstack/react-router';
import { riskAssessmentRegister } from '../../schema/risks/risk-assessment.register.js';
import { useT } from '../i18n/i18n.js';
import { useCan } from '../lib/session.js';
import { LiveMessage, Loading } from '../components/status.js';
import { RegisterDetailPage, RegisterEditPage, RegisterListPage, RegisterNewPage } from '../register/register-pages.js';
import { Pagination } from '../ui/pagination.js';
import { useRegisterRecord } from '../register/register-api.js';
import { CloseAssessmentDialog } from './close-assessment-dialog.js';
import { NoMethodologyNotice } from './methodology-link.js';
import { StandingsTable } from './standings-table.js';
import { useAssessmentEntries, useMethodologyInForce, useMethodologyVersion } from './risks-api.js';
import { assessmentPath } from './risk-paths.js';
import './risks.css';
import { AssessmentNav } from './results/assessment-nav.js';
import './results/results.css';
import { Button } from '../ui/button.js';
import { QueryState } from '../ui/query-state.js';

/** Assessment cycles (27001 8.2): each a dated run with the approved methodology, frozen when closed. */
export function AssessmentsPage() {
  const { t } = useT();
  return (
    <RegisterListPage
      register={riskAssessmentRegister}
      path={assessmentPath}
      before={(org) => <AssessmentsIntro org={org} />}
      quickFilters={[
        { id: 'open', label: t('risk-assessments.quick.open'), params: { status: 'open' } },
        { id: 'closed', label: t('risk-assessments.quick.closed'), params: { status: 'closed' } },
      ]}
      emptyState={({ org, canCreate }) => (
        <>
          <h2>{t('risk-assessments.empty.title')}</h2>
          <p>{t('risk-assessments.empty.intro')}</p>
          <ul className="checklist">
            <li>{t('risk-assessments.empty.schedule')}</li>
            <li>{t('risk-assessments.empty.triggered')}</li>
            <li>{t('risk-assessments.empty.compare')}</li>
          </ul>
          {canCreate ? (
            <p>
              <Link to="/o/$org/risk-assessments/new" params={{ org }} className="button button--primary">
                {t('risk-assessments.new')}
              </Link>
            </p>
          ) : (
            <p className="muted">{t('risk-assessments.empty.readOnly')}</p>
          )}
        </>
      )}
    />
  );
}

function AssessmentsIntro({ org }: { org: string }) {
  const { t } = useT();
  const inForce = useMethodologyInForce(org);
  return (
    <>
      {inForce.data === null ? <NoMethodologyNotice org={org} what="assessment" /> : null}
      <p className="assessments-intro">
        <Link to="/o/$org/risk-assessments/compare" params={{ org }} className="button button--secondary">
          {t('risk-assessments.compare.open')}
        </Link>{' '}
        <Link to="/o/$org/reassessment-triggers" params={{ org }} className="button button--secondary">
          {t('reassessmentTriggers.title')}
        </Link>{' '}
        <Link to="/o/$org/risks" params={{ org }}>
          {t('risks.title')}
        </Link>
      </p>
    </>
  );
}

const newRoute = getRouteApi('/o/$org/risk-assessments/new');

/** A new assessment runs on the approved methodology: without one, the page says so instead of a form. */
export function AssessmentNewPage() {
  const { t } = useT();
  const { org } = newRoute.useParams();
  const inForce = useMethodologyInForce(org);
  if (inForce.isPending) return <Loading />;
  if (inForce.data === null) {
    return (
      <section className="page page--narrow" aria-labelledby="page-title">
        <h1 id="page-title">{t('risk-assessments.new')}</h1>
        <NoMethodologyNotice org={org} what="assessment" />
      </section>
    );
  }
  return <RegisterNewPage register={riskAssessmentRegister} path={assessmentPath} />;
}

export const AssessmentEditPage = () => <RegisterEditPage register={riskAssessmentRegister} path={assessmentPath} />;

const detailRoute = getRouteApi('/o/$org/risk-assessments/$id');

/**
 * An assessment: its details, closing it (which freezes the results, after a confirmation that says so), the
 * frozen results, and the way to compare it with another cycle or with the register as it stands.
 */
export function AssessmentDetailPage() {
  const { t } = useT();
  const { org, id } = detailRoute.useParams();
  const navigate = useNavigate();
  const can = useCan(org);
  const record = useRegisterRecord(org, riskAssessmentRegister, id);
  const [closing, setClosing] = useState(false);
  const [closedNow, setClosedNow] = useState<number | null>(null);
  const a = record.data;
  const closed = a?.status === 'closed';
  return (
    <RegisterDetailPage
      register={riskAssessmentRegister}
      path={assessmentPath}
      canEdit={(r) => r.status !== 'closed'}
      actions={() =>
        a ? (
          <>
            {can('risk_assessment.close') && !closed && !a.archivedAt ? (
              <Button onClick={() => setClosing(true)}>{t('risk-assessments.close.open')}</Button>
            ) : null}
            {closed ? (
              <Link
                to="/o/$org/risk-assessments/compare"
                params={{ org }}
                search={{ from: id, to: 'current' }}
                className="button button--secondary"
              >
                {t('risk-assessments.compare.withCurrent')}
              </Link>
            ) : null}
          </>
        ) : null
      }
      above={() =>
        a ? (
          <>
            <AssessmentNav org={org} id={id} current="overview" />
            <LiveMessage>
              {closedNow !== null ? t('risk-assessments.close.done', { ref: a.ref, count: closedNow }) : null}
            </LiveMessage>
            {closed ? (
              <p className="alert alert--info" role="note">
                {t('risk-assessments.frozenNote', {
                  count: String(a.riskCount ?? 0),
                  version: String(a.methodologyVersion ?? ''),
                })}
              </p>
            ) : (
              <p className="alert alert--info" role="note">
                {t('risk-assessments.openNote', { version: String(a.methodologyVersion ?? '') })}{' '}
                <Link to="/o/$org/risks" params={{ org }}>
                  {t('risks.title')}
                </Link>
              </p>
            )}
            <CloseAssessmentDialog
              org={org}
              assessment={a}
              open={closing}
              onClose={() => setClosing(false)}
              onClosed={(n) => {
                setClosing(false);
                setClosedNow(n);
                void navigate({ to: '/o/$org/risk-assessments/$id', params: { org, id } });
              }}
            />
          </>
        ) : null
      }
      below={() => (closed && a ? <FrozenResults org={org} id={id} methodologyVersion={a.methodologyVersion} /> : null)}
    />
  );
}

function FrozenResults({
  org,
  id,
  methodologyVersion,
}: {
  org: string;
  id: string;
  methodologyVersion: number | null;
}) {
  const { t } = useT();
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(50);
  const entries = useAssessmentEntries(org, id, page, pageSize, true);
  const inForce = useMethodologyInForce(org);
  const m = useMethodologyVersion(org, inForce.data?.recordId, methodologyVersion);
  return (
    <section className="card" aria-labelledby="frozen-results">
      <h2 id="frozen-results" className="card__title">
        {t('risk-assessments.results')}
      </h2>
      <QueryState query={entries} isEmpty={(data) => data.total === 0} empty={t('risk-assessments.noResults')}>
        {(data) => (
          <>
            <StandingsTable org={org} rows={data.items} m={m.data} caption={t('risk-assessments.results')} />
            <Pagination
              page={page}
              pageSize={pageSize}
              total={data.total}
              onPage={setPage}
              onPageSize={(s) => {
                setPageSize(s);
                setPage(1);
              }}
            />
          </>
        )}
      </QueryState>
    </section>
  );
}
