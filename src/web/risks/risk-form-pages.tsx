import type { ReactNode } from 'react';
import { Link, getRouteApi, useNavigate } from '@tanstack/react-router';
import { useMemo } from 'react';
import { riskRegister } from '../../schema/risks/risk.register.js';
import { useT } from '../i18n/i18n.js';
import { api, orgPath } from '../lib/api-client.js';
import { useOrg } from '../lib/session.js';
import { useDocumentTitle } from '../lib/use-document-title.js';
import { ErrorMessage, Loading } from '../components/status.js';
import { useRegisterMutations, useRegisterRecord } from '../register/register-api.js';
import { RiskForm, type RiskFormResult } from './risk-form.js';
import { riskAssetsPath, useMethodologyInForce, useRiskAssets } from './risks-api.js';
import './risks.css';
import { linkedListSchema } from '../../schema/risks/risks.schema.js';

/** Breadcrumb of the risk pages: the register, then where we are. */
export function RiskBreadcrumb({
  org,
  current,
  children,
}: {
  org: string;
  current?: string | undefined;
  children?: ReactNode;
}) {
  const { t } = useT();
  return (
    <nav aria-label={t('common.breadcrumb')} className="breadcrumb">
      <Link to="/o/$org/risks" params={{ org }}>
        {t('risks.title')}
      </Link>
      {children}
      {current ? (
        <>
          <span aria-hidden="true"> / </span>
          <span aria-current="page">{current}</span>
        </>
      ) : null}
    </nav>
  );
}

const newRoute = getRouteApi('/o/$org/risks/new');

export function RiskNewPage() {
  const { t } = useT();
  const { org } = newRoute.useParams();
  const { approach } = newRoute.useSearch();
  const navigate = useNavigate();
  const inForce = useMethodologyInForce(org);
  const { create } = useRegisterMutations(org, riskRegister);
  const defaults = useMemo(() => (approach === 'asset' || approach === 'event' ? { approach } : undefined), [approach]);
  useDocumentTitle(t('risks.new'), useOrg(org).data?.name);
  const submit = async ({ body, assetIds }: RiskFormResult) => {
    const risk = await create.mutateAsync(body);
    // The risk exists now; a failure naming its assets is shown on its page, where the assets can be set again.
    if (assetIds?.length)
      await api.put(orgPath(org, riskAssetsPath(risk.id)), { assetIds }, linkedListSchema).catch(() => undefined);
    await navigate({ to: '/o/$org/risks/$id', params: { org, id: risk.id }, search: { created: '1' } });
  };
  return (
    <section className="page page--form" aria-labelledby="page-title">
      <RiskBreadcrumb org={org} />
      <h1 id="page-title">{t('risks.new')}</h1>
      <p className="page__lead">{t('risks.formLead')}</p>
      {inForce.isPending ? (
        <Loading />
      ) : inForce.isError ? (
        <ErrorMessage error={inForce.error} onRetry={() => void inForce.refetch()} />
      ) : (
        <RiskForm
          org={org}
          inForce={inForce.data}
          initialAssets={[]}
          defaults={defaults}
          onSubmit={submit}
          onCancel={() => void navigate({ to: '/o/$org/risks', params: { org } })}
        />
      )}
    </section>
  );
}

const editRoute = getRouteApi('/o/$org/risks/$id/edit');

export function RiskEditPage() {
  const { t } = useT();
  const { org, id } = editRoute.useParams();
  const navigate = useNavigate();
  const record = useRegisterRecord(org, riskRegister, id);
  const inForce = useMethodologyInForce(org);
  const { query: assets, replace } = useRiskAssets(org, id);
  const { update } = useRegisterMutations(org, riskRegister);
  const ref = record.data?.ref;
  useDocumentTitle(ref ? t('risks.editTitle', { ref }) : t('common.loading'), useOrg(org).data?.name);
  const submit = async ({ body, assetIds }: RiskFormResult) => {
    if (Object.keys(body).length > 1) await update.mutateAsync({ id, body });
    if (assetIds) await replace.mutateAsync(assetIds);
    await navigate({ to: '/o/$org/risks/$id', params: { org, id } });
  };
  const pending = record.isPending || inForce.isPending || assets.isPending;
  const error = record.error ?? inForce.error ?? assets.error;
  return (
    <section className="page page--form" aria-labelledby="page-title">
      <RiskBreadcrumb org={org} current={ref} />
      {pending ? (
        <Loading />
      ) : error || !record.data || inForce.data === undefined || !assets.data ? (
        <ErrorMessage error={error} onRetry={() => void record.refetch()} />
      ) : (
        <>
          <h1 id="page-title">{t('risks.editTitle', { ref: record.data.ref })}</h1>
          <RiskForm
            key={record.data.version}
            org={org}
            record={record.data}
            inForce={inForce.data}
            initialAssets={assets.data.items}
            onSubmit={submit}
            onCancel={() => void navigate({ to: '/o/$org/risks/$id', params: { org, id } })}
          />
        </>
      )}
    </section>
  );
}
