import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { improvementRegister } from '../../schema/improvement/improvement.register.js';
import { useT } from '../i18n/i18n.js';
import { useOrg } from '../lib/session.js';
import { useDocumentTitle } from '../lib/use-document-title.js';
import { RegisterForm } from '../register/register-form.js';
import { useRegisterMutations, useRegisterRecord } from '../register/register-api.js';
import { PageHeader } from '../ui/page-header.js';
import { QueryState } from '../ui/query-state.js';
import { ImprovementBreadcrumb } from './nc-parts.js';

const route = getRouteApi('/o/$org/improvements/$id/edit');

/** An improvement's own fields (title, description, source, owner); its steps stay on its page. */
export function ImprovementEditPage() {
  const { t } = useT();
  const { org, id } = route.useParams();
  const navigate = useNavigate();
  const record = useRegisterRecord(org, improvementRegister, id);
  const { update } = useRegisterMutations(org, improvementRegister);
  const back = () => void navigate({ to: '/o/$org/improvements/$id', params: { org, id } });
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
              breadcrumb={<ImprovementBreadcrumb org={org} area="improvements" id={id} current={data.ref} />}
              title={t('nc.editTitle', { ref: data.ref })}
            />
            <RegisterForm
              key={data.version}
              org={org}
              register={improvementRegister}
              record={data}
              // the change to the ISMS is recorded by its step ("implemented"), not here
              hiddenFields={['ismsChange']}
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
