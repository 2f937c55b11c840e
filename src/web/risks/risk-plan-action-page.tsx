import { useMemo } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { Link, getRouteApi, useNavigate } from '@tanstack/react-router';
import { actionRegister } from '../../schema/actions/action.register.js';
import { riskRegister } from '../../schema/risks/risk.register.js';
import { useT } from '../i18n/i18n.js';
import { useOrg } from '../lib/session.js';
import { useDocumentTitle } from '../lib/use-document-title.js';
import { ErrorMessage, Loading } from '../components/status.js';
import { RegisterForm } from '../register/register-form.js';
import { useRegisterMutations, useRegisterRecord } from '../register/register-api.js';

const route = getRouteApi('/o/$org/risks/$id/plan-action');

/**
 * "Plan a treatment action" (6.1.3 e): the action tracker's own form with the risk as the action's source (not
 * shown) and the risk owner as the starting owner. The action then shows in the risk's treatment and in the plan.
 */
export function RiskPlanActionPage() {
  const { t } = useT();
  const { org, id } = route.useParams();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const record = useRegisterRecord(org, riskRegister, id);
  const { create } = useRegisterMutations(org, actionRegister);
  const data = record.data;
  useDocumentTitle(data ? t('risks.plan.title', { ref: data.ref }) : t('common.loading'), useOrg(org).data?.name);
  const defaults = useMemo(() => {
    if (!data) return undefined;
    const out: Record<string, string> = { sourceType: 'risk', sourceId: data.id };
    if (data.ownerId) out.ownerId = data.ownerId;
    return out;
  }, [data]);
  const back = () => void navigate({ to: '/o/$org/risks/$id', params: { org, id } });

  return (
    <section className="page page--narrow" aria-labelledby="page-title">
      <nav aria-label={t('common.breadcrumb')} className="breadcrumb">
        <Link to="/o/$org/risks" params={{ org }}>
          {t('risks.title')}
        </Link>
        <span aria-hidden="true"> / </span>
        <Link to="/o/$org/risks/$id" params={{ org, id }}>
          {data?.ref ?? '…'}
        </Link>
      </nav>
      {record.isPending ? (
        <Loading />
      ) : record.isError || !data ? (
        <ErrorMessage error={record.error} onRetry={() => void record.refetch()} />
      ) : (
        <>
          <h1 id="page-title">{t('risks.plan.title', { ref: data.ref })}</h1>
          <p className="page__lead">{t('risks.plan.lead', { ref: data.ref, title: data.title ?? '' })}</p>
          <RegisterForm
            org={org}
            register={actionRegister}
            defaults={defaults}
            hiddenFields={['sourceType', 'sourceId', 'status', 'outcome']}
            onSubmit={async (body) => {
              await create.mutateAsync(body);
              await queryClient.invalidateQueries({ queryKey: ['org', org] });
              back();
            }}
            onCancel={back}
          />
        </>
      )}
    </section>
  );
}
