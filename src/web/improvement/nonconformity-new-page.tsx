import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { nonconformityRegister } from '../../schema/improvement/nonconformity.register.js';
import { useT } from '../i18n/i18n.js';
import { useOrg } from '../lib/session.js';
import { useDocumentTitle } from '../lib/use-document-title.js';
import { useRegisterRecord } from '../register/register-api.js';
import { PageHeader } from '../ui/page-header.js';
import { QueryState } from '../ui/query-state.js';
import { NcFindingForm } from './nc-finding-form.js';
import { ImprovementBreadcrumb } from './nc-parts.js';
import './improvement.css';

const newRoute = getRouteApi('/o/$org/nonconformities/new');
const editRoute = getRouteApi('/o/$org/nonconformities/$id/edit');

/**
 * "Report a nonconformity" (10.2). Links to the control, policy or 4.2 requirement concerned are added on its page
 * once it is reported.
 */
export function NonconformityNewPage() {
  const { t } = useT();
  const { org } = newRoute.useParams();
  const navigate = useNavigate();
  useDocumentTitle(t('nc.new'), useOrg(org).data?.name);
  return (
    <section className="page page--narrow" aria-labelledby="page-title">
      <PageHeader
        breadcrumb={<ImprovementBreadcrumb org={org} area="nonconformities" />}
        title={t('nc.new')}
        description={t('nc.newLead')}
      />
      <NcFindingForm
        org={org}
        onSaved={async (record) => {
          await navigate({
            to: '/o/$org/nonconformities/$id',
            params: { org, id: record.id },
            search: { created: '1' },
          });
        }}
        onCancel={() => void navigate({ to: '/o/$org/nonconformities', params: { org } })}
      />
    </section>
  );
}

/** Correcting what was found (its owner, its requirement, its description…); the steps stay on its page. */
export function NonconformityEditPage() {
  const { t } = useT();
  const { org, id } = editRoute.useParams();
  const navigate = useNavigate();
  const record = useRegisterRecord(org, nonconformityRegister, id);
  const back = () => void navigate({ to: '/o/$org/nonconformities/$id', params: { org, id } });
  useDocumentTitle(
    record.data ? t('nc.editTitle', { ref: record.data.ref }) : t('common.loading'),
    useOrg(org).data?.name,
  );
  return (
    <section className="page page--narrow" aria-labelledby="page-title">
      <QueryState query={record}>
        {(data) => (
          <>
            <PageHeader
              breadcrumb={<ImprovementBreadcrumb org={org} area="nonconformities" id={id} current={data.ref} />}
              title={t('nc.editTitle', { ref: data.ref })}
            />
            <NcFindingForm key={data.version} org={org} record={data} onSaved={async () => back()} onCancel={back} />
          </>
        )}
      </QueryState>
    </section>
  );
}
