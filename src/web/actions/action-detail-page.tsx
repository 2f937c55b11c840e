import { Link, getRouteApi, useNavigate } from '@tanstack/react-router';
import { actionRegister } from '../../schema/actions/action.register.js';
import { useT } from '../i18n/i18n.js';
import { useCan, useOrg } from '../lib/session.js';
import { useDocumentTitle } from '../lib/use-document-title.js';
import { ConfirmButton } from '../ui/confirm-button.js';
import { ErrorMessage, LiveMessage } from '../components/status.js';
import { RegisterDetail } from '../register/register-detail.js';
import { useRegisterMutations, useRegisterRecord } from '../register/register-api.js';
import { Breadcrumb } from './action-form-pages.js';
import { ActionSource } from './action-source.js';
import { PageHeader } from '../ui/page-header.js';
import { QueryState } from '../ui/query-state.js';

const route = getRouteApi('/o/$org/actions/$id');

export function ActionDetailPage() {
  const { t } = useT();
  const { org, id } = route.useParams();
  const { created } = route.useSearch();
  const navigate = useNavigate();
  const can = useCan(org);
  const record = useRegisterRecord(org, actionRegister, id);
  const { archive } = useRegisterMutations(org, actionRegister);
  const data = record.data;
  useDocumentTitle(data ? `${data.ref} ${data.title ?? ''}` : t('actions.title'), useOrg(org).data?.name);

  if (record.isPending || record.isError || !data) {
    return (
      <section className="page">
        <Breadcrumb org={org} />
        <QueryState query={record}>{() => null}</QueryState>
      </section>
    );
  }

  return (
    <section className="page" aria-labelledby="page-title">
      <Breadcrumb org={org} current={data.ref} />
      <LiveMessage>{created ? t('actions.created', { ref: data.ref }) : null}</LiveMessage>
      <PageHeader
        reference={data.ref}
        title={data.title ?? data.ref}
        badges={<>{data.archivedAt ? <p className="badge badge--muted">{t('register.archivedBadge')}</p> : null}</>}
        actions={
          <>
            {can('action.update') && !data.archivedAt ? (
              <Link to="/o/$org/actions/$id/edit" params={{ org, id }} className="button button--primary">
                {t('common.edit')}
              </Link>
            ) : null}
            {can('action.delete') && !data.archivedAt ? (
              <ConfirmButton
                label={t('register.archive')}
                question={t('register.archiveQuestion', { ref: data.ref })}
                confirmLabel={t('register.archiveConfirm')}
                busy={archive.isPending}
                onConfirm={async () => {
                  await archive.mutateAsync(id);
                  await navigate({ to: '/o/$org/actions', params: { org } });
                }}
              />
            ) : null}
          </>
        }
      />
      {archive.isError ? <ErrorMessage error={archive.error} /> : null}
      <ActionSource org={org} action={data} />
      <RegisterDetail
        org={org}
        register={actionRegister}
        record={data}
        renderLinkTarget={(type, targetId, ref) =>
          type === actionRegister.entity ? (
            <Link to="/o/$org/actions/$id" params={{ org, id: targetId }}>
              {ref}
            </Link>
          ) : (
            <span className="ref">{ref}</span>
          )
        }
      />
    </section>
  );
}
