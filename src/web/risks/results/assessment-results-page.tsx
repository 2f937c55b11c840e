import { Link, getRouteApi } from '@tanstack/react-router';
import { riskAssessmentRegister } from '../../../schema/risks/risk-assessment.register.js';
import { assessmentResultsVersioned } from '../../../schema/risks/assessment-results.versioned.js';
import { Breadcrumb } from '../../components/breadcrumb.js';
import { Loading } from '../../components/status.js';
import { useT } from '../../i18n/i18n.js';
import { useRegisterRecord } from '../../register/register-api.js';
import { PageHeader } from '../../ui/page-header.js';
import { VersionedDocumentPage } from '../../versioning/versioned-document-page.js';
import { VersionXlsxLink } from '../../versioning/version-xlsx-link.js';
import { useCan } from '../../lib/session.js';
import { AssessmentNav } from './assessment-nav.js';
import './assessment-results-section.js';
import './results.css';

const route = getRouteApi('/o/$org/risk-assessments/$id/results');

function AssessmentBreadcrumb({ org, id, current }: { org: string; id: string; current?: string | undefined }) {
  const { t, td } = useT();
  return (
    <Breadcrumb
      parent={
        <>
          <Link to="/o/$org/risk-assessments" params={{ org }}>
            {td(riskAssessmentRegister.title)}
          </Link>
          {current ? (
            <>
              <span aria-hidden="true"> / </span>
              <Link to="/o/$org/risk-assessments/$id" params={{ org, id }}>
                {current}
              </Link>
            </>
          ) : null}
        </>
      }
      current={t('assessmentResults.nav.results')}
    />
  );
}

/**
 * The results of a risk assessment (27001 8.2) as a controlled document: versions of the assessment record whose
 * results the server froze when it was closed, with a summary and conclusions written by people, approved by the
 * ISMS manager (and top management where the assessment asks for it), exported as DOCX, PDF and XLSX.
 */
export function AssessmentResultsPage() {
  const { t } = useT();
  const { org, id } = route.useParams();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const can = useCan(org);
  const record = useRegisterRecord(org, riskAssessmentRegister, id);
  const a = record.data;
  if (record.isPending) return <Loading />;
  if (a && a.status !== 'closed') {
    return (
      <section className="page" aria-labelledby="page-title">
        <AssessmentBreadcrumb org={org} id={id} current={a.ref} />
        <AssessmentNav org={org} id={id} current="results" />
        <PageHeader reference={a.ref} title={t('assessmentResults.title')} />
        <div className="empty-state">
          <h2>{t('assessmentResults.open.title')}</h2>
          <p>{t('assessmentResults.open.body')}</p>
          <p>
            <Link to="/o/$org/risk-assessments/$id" params={{ org, id }} className="button button--primary">
              {t('assessmentResults.open.action')}
            </Link>
          </p>
        </div>
      </section>
    );
  }
  return (
    <VersionedDocumentPage
      org={org}
      id={id}
      register={riskAssessmentRegister}
      def={assessmentResultsVersioned}
      search={search}
      onSearch={(next) => void navigate({ search: next })}
      breadcrumb={(ref) => (
        <>
          <AssessmentBreadcrumb org={org} id={id} current={ref} />
          <AssessmentNav org={org} id={id} current="results" />
        </>
      )}
      headerFields={['status', 'methodologyVersion', 'closedAt', 'riskCount', 'topManagementApproval']}
      evidence={false}
      banner={
        a ? (
          <div className="results-links">
            {can('risk_assessment.export') ? (
              <VersionXlsxLink org={org} register={riskAssessmentRegister} record={a} asked={search.v} />
            ) : null}
            <p className="muted">
              {a.topManagementApproval
                ? t('assessmentResults.approval.both')
                : t('assessmentResults.approval.ismsManager')}
            </p>
          </div>
        ) : null
      }
    />
  );
}
