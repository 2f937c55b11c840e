import { useMemo } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { actionRegister } from '../../schema/actions/action.register.js';
import { objectiveRegister } from '../../schema/objectives/objective.register.js';
import { useT } from '../i18n/i18n.js';
import { useOrg } from '../lib/session.js';
import { useDocumentTitle } from '../lib/use-document-title.js';
import { RegisterForm } from '../register/register-form.js';
import { useRegisterMutations, useRegisterRecord } from '../register/register-api.js';
import { PageHeader } from '../ui/page-header.js';
import { QueryState } from '../ui/query-state.js';
import { ObjectiveBreadcrumb } from './objective-parts.js';
import { formShowsField } from './objective-text.js';

const newRoute = getRouteApi('/o/$org/objectives/new');
const editRoute = getRouteApi('/o/$org/objectives/$id/edit');
const planRoute = getRouteApi('/o/$org/objectives/$id/plan-action');

/** Set in the form: draft or active. Achieved, missed and withdrawn are decisions taken by closing it. */
const OPEN_LIFECYCLES = ['draft', 'active'] as const;
const lifecycleOptions = (field: string) => (field === 'lifecycle' ? OPEN_LIFECYCLES : undefined);
const NEW_DEFAULTS = { level: 'organization', measurementMode: 'manual' };

/** A new objective: the register's form, showing the target or the judgement by measurement mode (6.2 b). */
export function ObjectiveNewPage() {
  const { t } = useT();
  const { org } = newRoute.useParams();
  const navigate = useNavigate();
  const { create } = useRegisterMutations(org, objectiveRegister);
  useDocumentTitle(t('objectives.new'), useOrg(org).data?.name);
  return (
    <section className="page page--narrow" aria-labelledby="page-title">
      <PageHeader
        breadcrumb={<ObjectiveBreadcrumb org={org} />}
        title={t('objectives.new')}
        description={t('objectives.formLead')}
      />
      <RegisterForm
        org={org}
        register={objectiveRegister}
        defaults={NEW_DEFAULTS}
        showField={formShowsField}
        optionsFor={lifecycleOptions}
        onSubmit={async (body) => {
          const record = await create.mutateAsync(body);
          await navigate({ to: '/o/$org/objectives/$id', params: { org, id: record.id }, search: { created: '1' } });
        }}
        onCancel={() => void navigate({ to: '/o/$org/objectives', params: { org } })}
      />
    </section>
  );
}

export function ObjectiveEditPage() {
  const { t } = useT();
  const { org, id } = editRoute.useParams();
  const navigate = useNavigate();
  const record = useRegisterRecord(org, objectiveRegister, id);
  const { update } = useRegisterMutations(org, objectiveRegister);
  const title = record.data ? t('objectives.editTitle', { ref: record.data.ref }) : t('common.loading');
  useDocumentTitle(title, useOrg(org).data?.name);
  const back = () => void navigate({ to: '/o/$org/objectives/$id', params: { org, id } });
  return (
    <section className="page page--narrow" aria-labelledby="page-title">
      <QueryState query={record}>
        {(data) => (
          <>
            <PageHeader breadcrumb={<ObjectiveBreadcrumb org={org} current={data.ref} />} title={title} />
            <RegisterForm
              key={data.version}
              org={org}
              register={objectiveRegister}
              record={data}
              showField={formShowsField}
              optionsFor={lifecycleOptions}
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

/** "Plan an action" (6.2 f–i): the action tracker's form with the objective as its source and its owner to start. */
export function ObjectivePlanActionPage() {
  const { t } = useT();
  const { org, id } = planRoute.useParams();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const record = useRegisterRecord(org, objectiveRegister, id);
  const { create } = useRegisterMutations(org, actionRegister);
  const data = record.data;
  const title = data ? t('objectives.plan.title', { ref: data.ref }) : t('common.loading');
  useDocumentTitle(title, useOrg(org).data?.name);
  const defaults = useMemo(() => {
    if (!data) return undefined;
    const out: Record<string, string> = { sourceType: objectiveRegister.entity, sourceId: data.id };
    if (data.ownerId) out.ownerId = data.ownerId;
    if (data.deadline) out.dueDate = data.deadline;
    return out;
  }, [data]);
  const back = () => void navigate({ to: '/o/$org/objectives/$id', params: { org, id } });
  return (
    <section className="page page--narrow" aria-labelledby="page-title">
      <QueryState query={record}>
        {(d) => (
          <>
            <PageHeader
              breadcrumb={<ObjectiveBreadcrumb org={org} current={d.ref} />}
              title={title}
              description={t('objectives.plan.lead', { ref: d.ref })}
            />
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
      </QueryState>
    </section>
  );
}
