import { useMemo } from 'react';
import { Link, getRouteApi } from '@tanstack/react-router';
import { riskRegister } from '../../schema/risks/risk.register.js';
import { useT } from '../i18n/i18n.js';
import { useCan, useOrg } from '../lib/session.js';
import { useDocumentTitle } from '../lib/use-document-title.js';
import { Loading } from '../components/status.js';
import { recordLinkFor } from '../register/register-pages.js';
import { RegisterList } from '../register/register-list.js';
import type { RegisterSearch } from '../register/register-search.js';
import { NoMethodologyNotice } from './methodology-link.js';
import { AssetFilter, LevelFilter, riskColumns } from './risk-columns.js';
import { cellText } from './risk-level.js';
import { RiskOverview } from './risk-overview.js';
import { useMethodologyInForce } from './risks-api.js';
import { riskPath } from './risk-paths.js';
import './risks.css';
import { PageHeader } from '../ui/page-header.js';

const route = getRouteApi('/o/$org/risks');

/**
 * The information security risk register (27001 6.1.2 c–e): the heat map of the current risks on the matrix in
 * force, then the evaluated list in priority order with its filters. A heat-map cell filters the list to it.
 */
export function RiskRegisterPage() {
  const i18n = useT();
  const { t } = i18n;
  const { org } = route.useParams();
  const search = route.useSearch() as RegisterSearch;
  const navigate = route.useNavigate();
  const can = useCan(org);
  const inForce = useMethodologyInForce(org);
  const m = inForce.data?.methodology;
  const RecordLink = useMemo(() => recordLinkFor(riskPath), []);
  const columns = useMemo(() => riskColumns(i18n, m), [i18n, m]);
  useDocumentTitle(t('risks.title'), useOrg(org).data?.name);
  const onSearch = (next: RegisterSearch) => void navigate({ search: next as never });
  const patch = (p: RegisterSearch) => onSearch({ ...search, ...p, page: undefined });
  const cell =
    search.likelihood && search.consequenceLevel
      ? cellText(m, Number(search.likelihood), Number(search.consequenceLevel))
      : '';
  // The filters people ask of a risk register (owner, level, status, asset, acceptability, due); threat and
  // vulnerability stay available through the address (`?threatId=`) without crowding the panel.
  const hidden = ['threatId', 'vulnerabilityId'];

  return (
    <section className="page" aria-labelledby="page-title">
      <PageHeader
        eyebrow={t('risks.eyebrow')}
        title={t('risks.title')}
        description={t('risks.lead')}
        actions={
          <>
            <Link to="/o/$org/risk-assessments" params={{ org }} className="button button--secondary">
              {t('riskAssessments.title')}
            </Link>
            {can('risk.create') ? (
              <Link to="/o/$org/risks/new" params={{ org }} className="button button--primary">
                {t('risks.new')}
              </Link>
            ) : null}
          </>
        }
      />
      {inForce.isPending ? (
        <Loading />
      ) : inForce.data ? (
        <RiskOverview org={org} search={search} inForce={inForce.data} />
      ) : (
        <NoMethodologyNotice org={org} what="register" />
      )}

      <h2 id="risk-list" className="section-title risk-list__title" tabIndex={-1}>
        {t('risks.listTitle')}
      </h2>
      <div className="risk-list">
        <RegisterList
          org={org}
          register={riskRegister}
          search={search}
          onSearch={onSearch}
          RecordLink={RecordLink}
          columns={columns}
          canExport={can('risk.export')}
          canImport={can('risk.import')}
          hiddenFilters={hidden}
          extraFilters={
            <>
              <LevelFilter org={org} search={search} onChange={patch} m={m} />
              <AssetFilter org={org} search={search} onChange={patch} />
            </>
          }
          quickFilters={[
            { id: 'treat', label: t('risks.quick.needsTreatment'), params: { acceptable: 'false' } },
            { id: 'mine', label: t('risks.quick.mine'), params: { ownerId: 'me' } },
            { id: 'due', label: t('risks.quick.due'), params: { reassessmentDue: 'true' } },
            { id: 'unevaluated', label: t('risks.quick.notEvaluated'), params: { evaluated: 'false' } },
          ]}
          banner={
            cell ? (
              <p className="alert alert--info risk-cell-banner" role="status">
                {t('risks.cellBanner', { cell })}{' '}
                <Link
                  to="/o/$org/risks"
                  params={{ org }}
                  search={{ ...search, likelihood: undefined, consequenceLevel: undefined, page: undefined }}
                >
                  {t('risks.cellBannerClear')}
                </Link>
              </p>
            ) : null
          }
          emptyState={<RisksEmptyState org={org} canCreate={can('risk.create')} />}
        />
      </div>
    </section>
  );
}

function RisksEmptyState({ org, canCreate }: { org: string; canCreate: boolean }) {
  const { t } = useT();
  return (
    <>
      <h2>{t('risks.empty.title')}</h2>
      <p>{t('risks.empty.intro')}</p>
      <ul className="checklist">
        <li>{t('risks.empty.event')}</li>
        <li>{t('risks.empty.asset')}</li>
      </ul>
      <p>{t('risks.empty.hint')}</p>
      {canCreate ? (
        <p className="page__actions">
          <Link
            to="/o/$org/risks/new"
            params={{ org }}
            search={{ approach: 'event' }}
            className="button button--primary"
          >
            {t('risks.empty.addEvent')}
          </Link>
          <Link
            to="/o/$org/risks/new"
            params={{ org }}
            search={{ approach: 'asset' }}
            className="button button--secondary"
          >
            {t('risks.empty.addAsset')}
          </Link>
        </p>
      ) : (
        <p className="muted">{t('risks.empty.readOnly')}</p>
      )}
    </>
  );
}
