import { useMemo } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { actionRegister } from '../../schema/actions/action.register.js';
import { improvementRegister } from '../../schema/improvement/improvement.register.js';
import { nonconformityRegister } from '../../schema/improvement/nonconformity.register.js';
import { useT } from '../i18n/i18n.js';
import { useOrg } from '../lib/session.js';
import { useDocumentTitle } from '../lib/use-document-title.js';
import { ErrorMessage, Loading } from '../components/status.js';
import { RegisterForm } from '../register/register-form.js';
import { useRegisterMutations, useRegisterRecord } from '../register/register-api.js';
import { ImprovementBreadcrumb } from './nc-parts.js';

const ncRoute = getRouteApi('/o/$org/nonconformities/$id/plan-action');
const impRoute = getRouteApi('/o/$org/improvements/$id/plan-action');

/**
 * "Plan a corrective action" (10.2 c): the action tracker's own form (title, owner, priority, due date…) with the
 * nonconformity as its source (not shown) and its owner as the starting owner, like an ISMS risk's actions.
 */
export function PlanNcActionPage() {
  const { t } = useT();
  const { org, id } = ncRoute.useParams();
  const navigate = useNavigate();
  const back = () => void navigate({ to: '/o/$org/nonconformities/$id', params: { org, id } });
  const record = useRegisterRecord(org, nonconformityRegister, id);
  return (
    <PlanAction
      org={org}
      sourceType={nonconformityRegister.entity}
      record={record}
      breadcrumb={<ImprovementBreadcrumb org={org} area="nonconformities" id={id} current={record.data?.ref} />}
      title={(ref) => t('nc.plan.title', { ref })}
      lead={(ref) => t('nc.plan.lead', { ref })}
      back={back}
    />
  );
}

/** "Plan an action" for an improvement worth pursuing (10.1; 27003 10.2 f): the tracker's form, sourced. */
export function PlanImprovementActionPage() {
  const { t } = useT();
  const { org, id } = impRoute.useParams();
  const navigate = useNavigate();
  const back = () => void navigate({ to: '/o/$org/improvements/$id', params: { org, id } });
  const record = useRegisterRecord(org, improvementRegister, id);
  return (
    <PlanAction
      org={org}
      sourceType={improvementRegister.entity}
      record={record}
      breadcrumb={<ImprovementBreadcrumb org={org} area="improvements" id={id} current={record.data?.ref} />}
      title={(ref) => t('imp.plan.title', { ref })}
      lead={(ref) => t('imp.plan.lead', { ref })}
      back={back}
    />
  );
}

interface Sourced {
  id: string;
  ref: string;
  ownerId?: string | null | undefined;
}

function PlanAction({
  org,
  sourceType,
  record,
  breadcrumb,
  title,
  lead,
  back,
}: {
  org: string;
  sourceType: string;
  record: { isPending: boolean; isError: boolean; error: unknown; data: Sourced | undefined; refetch: () => unknown };
  breadcrumb: React.ReactNode;
  title: (ref: string) => string;
  lead: (ref: string) => string;
  back: () => void;
}) {
  const { t } = useT();
  const queryClient = useQueryClient();
  const { create } = useRegisterMutations(org, actionRegister);
  const data = record.data;
  useDocumentTitle(data ? title(data.ref) : t('common.loading'), useOrg(org).data?.name);
  const defaults = useMemo(() => {
    if (!data) return undefined;
    const out: Record<string, string> = { sourceType, sourceId: data.id };
    if (data.ownerId) out.ownerId = data.ownerId;
    return out;
  }, [data, sourceType]);
  return (
    <section className="page page--narrow" aria-labelledby="page-title">
      {breadcrumb}
      {record.isPending ? (
        <Loading />
      ) : record.isError || !data ? (
        <ErrorMessage error={record.error} onRetry={() => void record.refetch()} />
      ) : (
        <>
          <h1 id="page-title">{title(data.ref)}</h1>
          <p className="page__lead">{lead(data.ref)}</p>
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
