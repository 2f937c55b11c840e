import { Link, getRouteApi, useNavigate, useParams } from '@tanstack/react-router';
import { treatmentResultRegister } from '../../../schema/controls/treatment-result.register.js';
import { treatmentResultsVersioned } from '../../../schema/controls/treatment-result.versioned.js';
import { Breadcrumb } from '../../components/breadcrumb.js';
import { useT } from '../../i18n/i18n.js';
import { useCan, useOrg } from '../../lib/session.js';
import { useDocumentTitle } from '../../lib/use-document-title.js';
import { useRegisterMutations, useRegisterRecord } from '../../register/register-api.js';
import { RegisterForm } from '../../register/register-form.js';
import { RegisterList } from '../../register/register-list.js';
import type { RecordLinkComponent } from '../../register/register-table.js';
import { PageHeader } from '../../ui/page-header.js';
import { QueryState } from '../../ui/query-state.js';
import { VersionedDocumentPage } from '../../versioning/versioned-document-page.js';
import { VersionXlsxLink } from '../../versioning/version-xlsx-link.js';
import './treatment-status-section.js';
import '../../risks/results/results.css';

const listRoute = getRouteApi('/o/$org/treatment-results');
const detailRoute = getRouteApi('/o/$org/treatment-results/$id');

const ResultLink: RecordLinkComponent = ({ record, children }) => {
  const { org } = listRoute.useParams();
  return (
    <Link to="/o/$org/treatment-results/$id" params={{ org, id: record.id }}>
      {children}
    </Link>
  );
};

function ResultsBreadcrumb({ org, current }: { org: string; current?: string | undefined }) {
  const { td } = useT();
  return (
    <Breadcrumb
      parent={
        <Link to="/o/$org/treatment-results" params={{ org }}>
          {td(treatmentResultRegister.title)}
        </Link>
      }
      current={current}
    />
  );
}

/**
 * Results of information security risk treatment (27001 8.3): each record freezes the treatment plan's status at a
 * date in versions (e.g. before a management review or the certification audit), approved like every document.
 */
export function TreatmentResultsPage() {
  const { t, td } = useT();
  const { org } = listRoute.useParams();
  const search = listRoute.useSearch();
  const navigate = listRoute.useNavigate();
  const can = useCan(org);
  const canCreate = can('treatment_result.create');
  useDocumentTitle(td(treatmentResultRegister.title), useOrg(org).data?.name);
  const newLink = canCreate ? (
    <Link to="/o/$org/treatment-results/new" params={{ org }} className="button button--primary">
      {t('treatmentResults.new')}
    </Link>
  ) : null;
  return (
    <section className="page" aria-labelledby="page-title">
      <PageHeader
        eyebrow={t('treatmentResults.eyebrow')}
        title={td(treatmentResultRegister.title)}
        description={t('treatmentResults.lead')}
        actions={
          <>
            <Link to="/o/$org/risk-treatment-plan" params={{ org }} className="button button--secondary">
              {t('nav.treatmentPlan')}
            </Link>
            {newLink}
          </>
        }
      />
      <RegisterList
        org={org}
        register={treatmentResultRegister}
        search={search}
        onSearch={(next) => void navigate({ search: next })}
        RecordLink={ResultLink}
        canExport={can('treatment_result.export')}
        canImport={false}
        emptyState={
          <>
            <h2>{t('treatmentResults.empty.title')}</h2>
            <p>{t('treatmentResults.empty.body')}</p>
            {newLink ? <p>{newLink}</p> : <p className="muted">{t('treatmentResults.empty.readOnly')}</p>}
          </>
        }
      />
    </section>
  );
}

export function TreatmentResultNewPage() {
  const { t } = useT();
  const { org } = useParams({ from: '/o/$org/treatment-results/new' });
  const navigate = useNavigate();
  const { create } = useRegisterMutations(org, treatmentResultRegister);
  useDocumentTitle(t('treatmentResults.new'), useOrg(org).data?.name);
  return (
    <section className="page page--narrow" aria-labelledby="page-title">
      <PageHeader
        breadcrumb={<ResultsBreadcrumb org={org} />}
        title={t('treatmentResults.new')}
        description={t('treatmentResults.formLead')}
      />
      <RegisterForm
        org={org}
        register={treatmentResultRegister}
        onSubmit={async (body) => {
          const record = await create.mutateAsync(body);
          await navigate({
            to: '/o/$org/treatment-results/$id',
            params: { org, id: record.id },
            search: { created: '1' },
          });
        }}
        onCancel={() => void navigate({ to: '/o/$org/treatment-results', params: { org } })}
      />
    </section>
  );
}

export function TreatmentResultEditPage() {
  const { t } = useT();
  const { org, id } = useParams({ from: '/o/$org/treatment-results/$id/edit' });
  const navigate = useNavigate();
  const record = useRegisterRecord(org, treatmentResultRegister, id);
  const { update } = useRegisterMutations(org, treatmentResultRegister);
  const back = () => void navigate({ to: '/o/$org/treatment-results/$id', params: { org, id }, search: {} });
  useDocumentTitle(
    record.data ? t('treatmentResults.editTitle', { ref: record.data.ref }) : t('common.loading'),
    useOrg(org).data?.name,
  );
  return (
    <section className="page page--narrow" aria-labelledby="page-title">
      <QueryState query={record}>
        {(data) => (
          <>
            <PageHeader
              breadcrumb={<ResultsBreadcrumb org={org} current={data.ref} />}
              title={t('treatmentResults.editTitle', { ref: data.ref })}
            />
            <RegisterForm
              key={data.version}
              org={org}
              register={treatmentResultRegister}
              record={data}
              onSubmit={async (body) => {
                await update.mutateAsync({ id, body });
                back();
              }}
              onCancel={back}
            />
          </>
        )}
      </QueryState>
    </section>
  );
}

/** One treatment results document: the plan's status frozen in each draft, summary and conclusions, approval. */
export function TreatmentResultPage() {
  const { t } = useT();
  const { org, id } = detailRoute.useParams();
  const search = detailRoute.useSearch();
  const navigate = detailRoute.useNavigate();
  const can = useCan(org);
  const record = useRegisterRecord(org, treatmentResultRegister, id);
  return (
    <VersionedDocumentPage
      org={org}
      id={id}
      register={treatmentResultRegister}
      def={treatmentResultsVersioned}
      search={search}
      onSearch={(next) => void navigate({ search: next })}
      breadcrumb={(ref) => <ResultsBreadcrumb org={org} current={ref} />}
      createdMessage={(ref) => t('treatmentResults.created', { ref })}
      headerFields={['ownerId', 'statusDate']}
      banner={
        <div className="results-links">
          {record.data && can('treatment_result.export') ? (
            <VersionXlsxLink org={org} register={treatmentResultRegister} record={record.data} asked={search.v} />
          ) : null}
          {can('treatment_result.update') && record.data && !record.data.archivedAt ? (
            <Link to="/o/$org/treatment-results/$id/edit" params={{ org, id }} className="button button--small">
              {t('treatmentResults.editDetails')}
            </Link>
          ) : null}
          <Link to="/o/$org/risk-treatment-plan" params={{ org }}>
            {t('treatmentResults.planLink')}
          </Link>
        </div>
      }
    />
  );
}
