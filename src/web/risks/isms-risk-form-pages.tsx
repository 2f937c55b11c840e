import { useMemo } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { Link, getRouteApi, useNavigate } from '@tanstack/react-router';
import { actionRegister } from '../../schema/actions/action.register.js';
import { findSuggestion } from '../../schema/risks/isms-risk-suggestions.js';
import {
  categoriesOf,
  ismsRiskRegister,
  ISMS_RISK_ENTITY,
  ISMS_RISK_KINDS,
  type IsmsRiskKind,
} from '../../schema/risks/isms-risk.register.js';
import { useT } from '../i18n/i18n.js';
import { useOrg } from '../lib/session.js';
import { useDocumentTitle } from '../lib/use-document-title.js';
import { ErrorMessage, Loading } from '../components/status.js';
import { RegisterForm } from '../register/register-form.js';
import type { FormValue } from '../register/register-field-input.js';
import { useRegisterMutations, useRegisterRecord } from '../register/register-api.js';
import { IsmsRiskBreadcrumb } from './isms-risk-breadcrumb.js';

const newRoute = getRouteApi('/o/$org/isms-risks/new');
const editRoute = getRouteApi('/o/$org/isms-risks/$id/edit');
const planRoute = getRouteApi('/o/$org/isms-risks/$id/plan-action');

const isKind = (v: unknown): v is IsmsRiskKind => (ISMS_RISK_KINDS as readonly unknown[]).includes(v);

/** The category offers only the categories of the kind chosen (all of them until one is). */
export const categoryOptions = (field: string, values: Record<string, FormValue>) =>
  field === 'category' && isKind(values.kind) ? categoriesOf(values.kind) : undefined;

/** A new record: blank (a risk unless `?kind=`), from a suggestion (`?suggestion=`), or from an issue or requirement. */
export function IsmsRiskNewPage() {
  const { t } = useT();
  const { org } = newRoute.useParams();
  const search = newRoute.useSearch();
  const navigate = useNavigate();
  const { create } = useRegisterMutations(org, ismsRiskRegister);
  useDocumentTitle(t('isms-risks.new'), useOrg(org).data?.name);
  const defaults = useMemo(() => {
    const suggestion = search.suggestion ? findSuggestion(search.suggestion) : undefined;
    const base: Record<string, string> = suggestion
      ? {
          kind: suggestion.kind,
          category: suggestion.category,
          aim: suggestion.aim,
          title: suggestion.title,
          description: suggestion.description,
          effect: suggestion.effect,
          evaluationMethod: suggestion.evaluationMethod,
        }
      : { kind: isKind(search.kind) ? search.kind : 'risk' };
    if (search.sourceIssueId) base.sourceIssueId = search.sourceIssueId;
    if (search.sourceRequirementId) base.sourceRequirementId = search.sourceRequirementId;
    return base;
  }, [search.suggestion, search.kind, search.sourceIssueId, search.sourceRequirementId]);

  return (
    <section className="page page--narrow" aria-labelledby="page-title">
      <IsmsRiskBreadcrumb org={org} />
      <h1 id="page-title">{t('isms-risks.new')}</h1>
      <p className="page__lead">{t('isms-risks.formLead')}</p>
      <RegisterForm
        key={JSON.stringify(defaults)}
        org={org}
        register={ismsRiskRegister}
        defaults={defaults}
        optionsFor={categoryOptions}
        // the evaluation is recorded once actions are planned (the record page, or Edit)
        hiddenFields={['effectiveness', 'evaluatedOn', 'evaluationNotes']}
        onSubmit={async (body) => {
          const record = await create.mutateAsync(body);
          await navigate({ to: '/o/$org/isms-risks/$id', params: { org, id: record.id }, search: { created: '1' } });
        }}
        onCancel={() => void navigate({ to: '/o/$org/isms-risks', params: { org } })}
      />
    </section>
  );
}

export function IsmsRiskEditPage() {
  const { t } = useT();
  const { org, id } = editRoute.useParams();
  const navigate = useNavigate();
  const record = useRegisterRecord(org, ismsRiskRegister, id);
  const { update } = useRegisterMutations(org, ismsRiskRegister);
  useDocumentTitle(
    record.data ? t('isms-risks.editTitle', { ref: record.data.ref }) : t('common.loading'),
    useOrg(org).data?.name,
  );
  return (
    <section className="page page--narrow" aria-labelledby="page-title">
      <IsmsRiskBreadcrumb org={org} current={record.data?.ref} id={id} />
      {record.isPending ? (
        <Loading />
      ) : record.isError ? (
        <ErrorMessage error={record.error} onRetry={() => void record.refetch()} />
      ) : (
        <>
          <h1 id="page-title">{t('isms-risks.editTitle', { ref: record.data.ref })}</h1>
          <RegisterForm
            key={record.data.version}
            org={org}
            register={ismsRiskRegister}
            record={record.data}
            optionsFor={categoryOptions}
            onSubmit={async (body) => {
              await update.mutateAsync({ id, body });
              await navigate({ to: '/o/$org/isms-risks/$id', params: { org, id } });
            }}
            onCancel={() => void navigate({ to: '/o/$org/isms-risks/$id', params: { org, id } })}
          />
        </>
      )}
    </section>
  );
}

/**
 * "Plan an action": the action tracker's own form, with this record as the action's source (not shown), its owner
 * and its evaluation method as starting values. Saving returns to the record, which the server has moved on.
 */
export function PlanActionPage() {
  const { t } = useT();
  const { org, id } = planRoute.useParams();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const record = useRegisterRecord(org, ismsRiskRegister, id);
  const { create } = useRegisterMutations(org, actionRegister);
  const data = record.data;
  useDocumentTitle(data ? t('isms-risks.plan.title', { ref: data.ref }) : t('common.loading'), useOrg(org).data?.name);
  const defaults = useMemo(() => {
    if (!data) return undefined;
    const out: Record<string, string> = { sourceType: ISMS_RISK_ENTITY, sourceId: data.id };
    if (data.ownerId) out.ownerId = data.ownerId;
    if (data.evaluationMethod) out.evaluation = data.evaluationMethod;
    return out;
  }, [data]);

  return (
    <section className="page page--narrow" aria-labelledby="page-title">
      <IsmsRiskBreadcrumb org={org} current={data?.ref} id={id} />
      {record.isPending ? (
        <Loading />
      ) : record.isError || !data ? (
        <ErrorMessage error={record.error} onRetry={() => void record.refetch()} />
      ) : (
        <>
          <h1 id="page-title">{t('isms-risks.plan.title', { ref: data.ref })}</h1>
          <p className="page__lead">{t('isms-risks.plan.lead', { ref: data.ref })}</p>
          <div className="alert alert--info">
            <p>
              <Link to="/o/$org/isms-risks/$id" params={{ org, id }}>
                <span className="ref">{data.ref}</span> {data.title}
              </Link>
            </p>
            {data.status === 'identified' ? <p>{t('isms-risks.plan.statusNote', { ref: data.ref })}</p> : null}
            {data.status === 'identified' && !data.evaluationMethod ? (
              <p>{t('isms-risks.plan.methodNote', { ref: data.ref })}</p>
            ) : null}
          </div>
          <RegisterForm
            org={org}
            register={actionRegister}
            defaults={defaults}
            hiddenFields={['sourceType', 'sourceId', 'status', 'outcome']}
            onSubmit={async (body) => {
              const action = await create.mutateAsync(body);
              await queryClient.invalidateQueries({ queryKey: ['org', org, ismsRiskRegister.collection] });
              await navigate({ to: '/o/$org/isms-risks/$id', params: { org, id }, search: { planned: action.ref } });
            }}
            onCancel={() => void navigate({ to: '/o/$org/isms-risks/$id', params: { org, id } })}
          />
        </>
      )}
    </section>
  );
}
