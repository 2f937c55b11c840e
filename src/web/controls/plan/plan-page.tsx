import { useState, type ReactNode } from 'react';
import { getRouteApi } from '@tanstack/react-router';
import { useQueryClient } from '@tanstack/react-query';
import { treatmentPlanRegister, treatmentPlanVersioned } from '../../../schema/controls/treatment-plan.schema.js';
import { useT } from '../../i18n/i18n.js';
import { api, orgPath } from '../../lib/api-client.js';
import { recordSchemaOf } from '../../register/register-api.js';
import { versionSchema } from '../../../schema/versioning/version-responses.js';
import { useCan, useOrg, useSession } from '../../lib/session.js';
import { useDocumentTitle } from '../../lib/use-document-title.js';
import { ErrorMessage } from '../../components/status.js';
import { VersionedDocumentPage, type DocumentSearch } from '../../versioning/versioned-document-page.js';
import { OnePerOrganizationPage } from '../../versioning/one-per-organization.js';
import { LivePlan, type PlanQuery } from './live-plan.js';
import { TreatmentResultsLink } from '../results/treatment-results-link.js';
import './plan-section.js';
import { Button } from '../../ui/button.js';
import { PageHeader } from '../../ui/page-header.js';

const route = getRouteApi('/o/$org/risk-treatment-plan');
const COLLECTION = treatmentPlanRegister.collection;

export interface PlanSearch extends DocumentSearch {
  page?: string;
  pageSize?: string;
  attention?: string;
}

function planQuery(search: PlanSearch): PlanQuery {
  const n = (v: string | undefined, d: number, max: number) =>
    v && /^\d+$/.test(v) ? Math.min(max, Math.max(1, Number(v))) : d;
  return {
    page: n(search.page, 1, 1_000_000),
    pageSize: n(search.pageSize, 25, 200),
    attention: search.attention === 'true',
  };
}

/**
 * The risk treatment plan (27001 6.1.3 e, 8.3): the plan as it stands on top, then the plan as a controlled document
 * that management approves (its versions freeze the rows the server takes from the treatments on every draft save).
 */
export function TreatmentPlanPage() {
  const { t } = useT();
  const { org } = route.useParams();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const can = useCan(org);
  const query = planQuery(search);
  const keep = { page: search.page, pageSize: search.pageSize, attention: search.attention };
  const live = (
    <>
      <TreatmentResultsLink org={org} />
      <LivePlan
        org={org}
        query={query}
        onQuery={(next) => {
          const merged = { ...query, ...next };
          void navigate({
            search: (s: PlanSearch) => ({
              ...s,
              page: merged.page > 1 ? String(merged.page) : undefined,
              pageSize: merged.pageSize !== 25 ? String(merged.pageSize) : undefined,
              attention: merged.attention ? 'true' : undefined,
            }),
          });
        }}
      />
    </>
  );

  return (
    <OnePerOrganizationPage
      org={org}
      register={treatmentPlanRegister}
      title={t('treatmentPlan.title')}
      group={t('nav.group.planning')}
      empty={(breadcrumb) => (
        <NoPlanDocument
          org={org}
          breadcrumb={breadcrumb}
          live={live}
          canCreate={can('risk_treatment_plan.create')}
          onCreated={() => void navigate({ search: { ...keep, created: '1' } })}
        />
      )}
    >
      {(data, breadcrumb) => (
        <VersionedDocumentPage
          org={org}
          id={data.id}
          register={treatmentPlanRegister}
          def={treatmentPlanVersioned}
          search={search}
          onSearch={(next) => void navigate({ search: { ...next, ...keep } })}
          breadcrumb={breadcrumb}
          createdMessage={(ref) => t('planPage.created', { ref })}
          banner={live}
        />
      )}
    </OnePerOrganizationPage>
  );
}

function NoPlanDocument({
  org,
  breadcrumb,
  live,
  canCreate,
  onCreated,
}: {
  org: string;
  breadcrumb: ReactNode;
  live: ReactNode;
  canCreate: boolean;
  onCreated: () => void;
}) {
  const { t } = useT();
  const queryClient = useQueryClient();
  const session = useSession();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  useDocumentTitle(t('treatmentPlan.title'), useOrg(org).data?.name);

  // the record, then a first draft: the server fills the plan's rows from the treatments as they stand
  const start = async () => {
    setBusy(true);
    setFailure(null);
    const base = orgPath(org, `/${COLLECTION}`);
    try {
      const record = await api.post(
        base,
        { title: t('treatmentPlan.title'), ...(session ? { ownerId: session.user.id } : {}) },
        recordSchemaOf(treatmentPlanRegister),
      );
      await api.put(
        `${base}/${encodeURIComponent(record.id)}/draft`,
        { content: { summary: '', plan: { rows: [] } }, changeNote: t('planPage.empty.changeNote') },
        versionSchema,
      );
      await queryClient.invalidateQueries({ queryKey: ['org', org, COLLECTION] });
      onCreated();
    } catch (err) {
      setFailure(err);
      await queryClient.invalidateQueries({ queryKey: ['org', org, COLLECTION] });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="page" aria-labelledby="page-title">
      {breadcrumb}
      <PageHeader
        eyebrow={t('planPage.eyebrow')}
        focusableTitle
        title={t('treatmentPlan.title')}
        description={t('planPage.lead')}
      />
      {live}
      <section className="empty-state plan-doc-empty" aria-labelledby="plan-doc-title">
        <h2 id="plan-doc-title">{t('planPage.empty.title')}</h2>
        <p>{t('planPage.empty.intro')}</p>
        {canCreate ? (
          <>
            {failure ? <ErrorMessage error={failure} /> : null}
            <Button variant="primary" disabled={busy} onClick={() => void start()}>
              {busy ? t('planPage.empty.starting') : t('planPage.empty.start')}
            </Button>
          </>
        ) : (
          <p className="muted">{t('planPage.empty.readOnly')}</p>
        )}
      </section>
    </section>
  );
}
