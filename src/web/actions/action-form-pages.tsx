import { Link, getRouteApi, useNavigate } from '@tanstack/react-router';
import { Breadcrumb as Crumbs } from '../components/breadcrumb.js';
import { actionRegister } from '../../schema/actions/action.register.js';
import { useT } from '../i18n/i18n.js';
import { useOrg } from '../lib/session.js';
import { useDocumentTitle } from '../lib/use-document-title.js';
import { ErrorMessage, Loading } from '../components/status.js';
import { RegisterForm } from '../register/register-form.js';
import { useRegisterMutations, useRegisterRecord } from '../register/register-api.js';

const newRoute = getRouteApi('/o/$org/actions/new');
const editRoute = getRouteApi('/o/$org/actions/$id/edit');

export function ActionNewPage() {
  const { t } = useT();
  const { org } = newRoute.useParams();
  const navigate = useNavigate();
  const { create } = useRegisterMutations(org, actionRegister);
  useDocumentTitle(t('actions.new'), useOrg(org).data?.name);

  return (
    <section className="page page--narrow" aria-labelledby="page-title">
      <Breadcrumb org={org} />
      <h1 id="page-title">{t('actions.new')}</h1>
      <p className="page__lead">{t('actions.formLead')}</p>
      <RegisterForm
        org={org}
        register={actionRegister}
        onSubmit={async (body) => {
          const record = await create.mutateAsync(body);
          await navigate({ to: '/o/$org/actions/$id', params: { org, id: record.id }, search: { created: '1' } });
        }}
        onCancel={() => void navigate({ to: '/o/$org/actions', params: { org } })}
      />
    </section>
  );
}

export function ActionEditPage() {
  const { t } = useT();
  const { org, id } = editRoute.useParams();
  const navigate = useNavigate();
  const record = useRegisterRecord(org, actionRegister, id);
  const { update } = useRegisterMutations(org, actionRegister);
  useDocumentTitle(
    record.data ? t('actions.editTitle', { ref: record.data.ref }) : t('common.loading'),
    useOrg(org).data?.name,
  );

  return (
    <section className="page page--narrow" aria-labelledby="page-title">
      <Breadcrumb org={org} />
      {record.isPending ? (
        <Loading />
      ) : record.isError ? (
        <ErrorMessage error={record.error} onRetry={() => void record.refetch()} />
      ) : (
        <>
          <h1 id="page-title">{t('actions.editTitle', { ref: record.data.ref })}</h1>
          <RegisterForm
            key={record.data.version}
            org={org}
            register={actionRegister}
            record={record.data}
            onSubmit={async (body) => {
              await update.mutateAsync({ id, body });
              await navigate({ to: '/o/$org/actions/$id', params: { org, id } });
            }}
            onCancel={() => void navigate({ to: '/o/$org/actions/$id', params: { org, id } })}
          />
        </>
      )}
    </section>
  );
}

export function Breadcrumb({ org, current }: { org: string; current?: string }) {
  const { t } = useT();
  return (
    <Crumbs
      parent={
        <Link to="/o/$org/actions" params={{ org }}>
          {t('actions.title')}
        </Link>
      }
      current={current}
    />
  );
}
