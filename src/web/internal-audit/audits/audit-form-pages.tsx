import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { internalAuditRegister } from '../../../schema/internal-audit/internal-audit.register.js';
import { useT } from '../../i18n/i18n.js';
import { useOrg } from '../../lib/session.js';
import { useDocumentTitle } from '../../lib/use-document-title.js';
import { useRegisterMutations, useRegisterRecord } from '../../register/register-api.js';
import { QueryState } from '../../ui/query-state.js';
import { AuditForm } from './audit-form.js';
import { AuditBreadcrumb } from './audit-nav.js';
import './audits.css';

const newRoute = getRouteApi('/o/$org/internal-audits/new');
const editRoute = getRouteApi('/o/$org/internal-audits/$id/edit');

/** Plans a new audit; its team and the processes in scope are set on the audit's page, where they are checked. */
export function AuditNewPage() {
  const { t } = useT();
  const { org } = newRoute.useParams();
  const { planned } = newRoute.useSearch();
  const navigate = useNavigate();
  const { create } = useRegisterMutations(org, internalAuditRegister);
  useDocumentTitle(t('audits.new'), useOrg(org).data?.name);
  return (
    <section className="page page--narrow" aria-labelledby="page-title">
      <AuditBreadcrumb org={org} />
      <h1 id="page-title">{t('audits.new')}</h1>
      <p className="page__lead">{t('audits.form.lead')}</p>
      <AuditForm
        org={org}
        planned={planned}
        onSubmit={async (body) => {
          const record = await create.mutateAsync(body);
          await navigate({
            to: '/o/$org/internal-audits/$id',
            params: { org, id: record.id },
            search: { created: '1' },
          });
        }}
        onCancel={() => void navigate({ to: '/o/$org/internal-audits', params: { org } })}
      />
    </section>
  );
}

export function AuditEditPage() {
  const { t } = useT();
  const { org, id } = editRoute.useParams();
  const navigate = useNavigate();
  const record = useRegisterRecord(org, internalAuditRegister, id);
  const { update } = useRegisterMutations(org, internalAuditRegister);
  useDocumentTitle(
    record.data ? t('audits.editTitle', { ref: record.data.ref }) : t('common.loading'),
    useOrg(org).data?.name,
  );
  const back = () => navigate({ to: '/o/$org/internal-audits/$id', params: { org, id } });
  return (
    <section className="page page--narrow" aria-labelledby="page-title">
      <AuditBreadcrumb org={org} id={id} current={record.data?.ref} />
      <QueryState query={record}>
        {(data) => (
          <>
            <h1 id="page-title">{t('audits.editTitle', { ref: data.ref })}</h1>
            <AuditForm
              key={data.version}
              org={org}
              record={data}
              onSubmit={async (body) => {
                await update.mutateAsync({ id, body });
                await back();
              }}
              onCancel={() => void back()}
            />
          </>
        )}
      </QueryState>
    </section>
  );
}
