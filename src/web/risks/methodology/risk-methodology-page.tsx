import type { ReactNode } from 'react';
import { getRouteApi } from '@tanstack/react-router';
import { riskMethodologyRegister } from '../../../schema/risks/risk-methodology.register.js';
import { riskMethodologyVersioned } from '../../../schema/risks/risk-methodology.versioned.js';
import { useT } from '../../i18n/i18n.js';
import { useCan, useOrg } from '../../lib/session.js';
import { useDocumentTitle } from '../../lib/use-document-title.js';
import { VersionedDocumentPage } from '../../versioning/versioned-document-page.js';
import { OnePerOrganizationPage } from '../../versioning/one-per-organization.js';
import { MethodologyEmptyState } from './methodology-empty-state.js';
import { LatestRescoreCard, RescorePreviewPanel } from './rescore-panels.js';
import './methodology-section.js';
import { PageHeader } from '../../ui/page-header.js';

const route = getRouteApi('/o/$org/risk-methodology');

/**
 * The organization's risk methodology (one per organization): an explained start from a shipped methodology while
 * there is none, then the controlled document — versions, approval by top management with the re-scoring it
 * causes shown beforehand, and what the last approval moved.
 */
export function RiskMethodologyPage() {
  const { t } = useT();
  const { org } = route.useParams();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const can = useCan(org);
  return (
    <OnePerOrganizationPage
      org={org}
      register={riskMethodologyRegister}
      title={t('riskMethodology.title')}
      group={t('nav.group.planning')}
      empty={(breadcrumb) => (
        <NoMethodologyPage
          org={org}
          breadcrumb={breadcrumb}
          canCreate={can('risk_methodology.create')}
          onCreated={() => void navigate({ search: { edit: '1', created: '1' } })}
        />
      )}
    >
      {(data, breadcrumb) => (
        <VersionedDocumentPage
          org={org}
          id={data.id}
          register={riskMethodologyRegister}
          def={riskMethodologyVersioned}
          search={search}
          onSearch={(next) => void navigate({ search: next })}
          breadcrumb={breadcrumb}
          createdMessage={(ref) => t('riskMethodology.created', { ref })}
          approvalPanel={(version) => <RescorePreviewPanel org={org} id={data.id} version={version} />}
          banner={<LatestRescoreCard org={org} id={data.id} />}
        />
      )}
    </OnePerOrganizationPage>
  );
}

function NoMethodologyPage({
  org,
  breadcrumb,
  canCreate,
  onCreated,
}: {
  org: string;
  breadcrumb: ReactNode;
  canCreate: boolean;
  onCreated: () => void;
}) {
  const { t } = useT();
  useDocumentTitle(t('riskMethodology.title'), useOrg(org).data?.name);
  return (
    <section className="page" aria-labelledby="page-title">
      {breadcrumb}
      <PageHeader
        eyebrow={t('riskMethodology.eyebrow')}
        focusableTitle
        title={t('riskMethodology.title')}
        description={t('riskMethodology.lead')}
      />
      <MethodologyEmptyState org={org} canCreate={canCreate} onCreated={onCreated} />
    </section>
  );
}
