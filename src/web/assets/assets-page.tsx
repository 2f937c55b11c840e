import { useMemo } from 'react';
import { Link, getRouteApi } from '@tanstack/react-router';
import { assetRegister } from '../../schema/risks/asset.register.js';
import { assetDependencyRegister } from '../../schema/risks/asset-dependency.register.js';
import { useT } from '../i18n/i18n.js';
import { useCan, useOrg } from '../lib/session.js';
import { useDocumentTitle } from '../lib/use-document-title.js';
import { TabPanel, Tabs } from '../components/tabs.js';
import { RegisterList } from '../register/register-list.js';
import { parseRegisterSearch } from '../register/register-search.js';
import type { ColumnSpec } from '../register/register-table.js';
import { recordLinkFor } from '../register/register-pages.js';
import { assetPagePath } from './asset-paths.js';
import { CiaCell, ValueCell } from './cia.js';
import './assets.css';
import { PageHeader } from '../ui/page-header.js';

const route = getRouteApi('/o/$org/assets');
export const ASSET_TABS = ['list', 'dependencies'] as const;

/**
 * The asset inventory (27001 6.1.2 c): the list with its filters (server-side, so it stays fast over tens of
 * thousands of assets), C/I/A in one compact column, and the dependencies between assets as a second tab.
 */
export function AssetsPage() {
  const { t } = useT();
  const { org } = route.useParams();
  const search = route.useSearch() as Record<string, string | undefined>;
  const navigate = route.useNavigate();
  const can = useCan(org);
  const tab = (ASSET_TABS as readonly string[]).includes(search.tab ?? '')
    ? (search.tab as (typeof ASSET_TABS)[number])
    : 'list';
  const AssetLink = useMemo(() => recordLinkFor(assetPagePath('assets')), []);
  const DependencyLink = useMemo(() => recordLinkFor(assetPagePath('asset-dependencies')), []);
  useDocumentTitle(t('assets.title'), useOrg(org).data?.name);
  const onSearch = (next: Record<string, string | undefined>) =>
    void navigate({ search: { ...next, tab: tab === 'list' ? undefined : tab } as never });
  const columns = useMemo<ColumnSpec[]>(
    () => [
      'name',
      'type',
      'ownerId',
      { id: 'cia', header: t('assets.column.cia'), cell: (r) => <CiaCell record={r} /> },
      { id: 'value', header: t('assets.field.value'), sortField: 'value', cell: (r) => <ValueCell record={r} /> },
      'status',
    ],
    [t],
  );

  return (
    <section className="page" aria-labelledby="page-title">
      <PageHeader
        eyebrow={t('assets.eyebrow')}
        title={t('assets.title')}
        description={t('assets.lead')}
        actions={
          <>
            {can('asset_dependency.create') ? (
              <Link to="/o/$org/asset-dependencies/new" params={{ org }} className="button button--secondary">
                {t('asset-dependencies.new')}
              </Link>
            ) : null}
            {can('asset.create') ? (
              <Link to="/o/$org/assets/new" params={{ org }} className="button button--primary">
                {t('assets.new')}
              </Link>
            ) : null}
          </>
        }
      />
      <Tabs
        label={t('assets.tabs')}
        idPrefix="assets"
        selected={tab}
        onSelect={(id) => void navigate({ search: (id === 'list' ? {} : { tab: id }) as never })}
        tabs={ASSET_TABS.map((id) => ({ id, label: t(`assets.tab.${id}`) }))}
      />
      <TabPanel idPrefix="assets" id={tab}>
        {tab === 'list' ? (
          <RegisterList
            org={org}
            register={assetRegister}
            search={parseRegisterSearch(assetRegister, search)}
            onSearch={onSearch}
            RecordLink={AssetLink}
            canExport={can('asset.export')}
            canImport={can('asset.import')}
            columns={columns}
            hiddenFilters={['processId']}
            quickFilters={[
              { id: 'mine', label: t('assets.quick.mine'), params: { ownerId: 'me' } },
              { id: 'high', label: t('assets.quick.highValue'), params: { value: 'high,very_high' } },
              { id: 'in-use', label: t('assets.quick.inUse'), params: { status: 'in_use' } },
            ]}
            emptyState={
              <>
                <h2>{t('assets.empty.title')}</h2>
                <p>{t('assets.empty.intro')}</p>
                {can('asset.create') ? (
                  <p>
                    <Link to="/o/$org/assets/new" params={{ org }} className="button button--primary">
                      {t('assets.empty.add')}
                    </Link>{' '}
                    {can('asset.import') ? <span className="muted">{t('assets.empty.import')}</span> : null}
                  </p>
                ) : (
                  <p className="muted">{t('assets.empty.readOnly')}</p>
                )}
              </>
            }
          />
        ) : (
          <RegisterList
            org={org}
            register={assetDependencyRegister}
            search={parseRegisterSearch(assetDependencyRegister, search)}
            onSearch={onSearch}
            RecordLink={DependencyLink}
            canExport={can('asset_dependency.export')}
            canImport={can('asset_dependency.import')}
            emptyState={
              <>
                <h2>{t('asset-dependencies.empty.title')}</h2>
                <p>{t('asset-dependencies.empty.intro')}</p>
              </>
            }
          />
        )}
      </TabPanel>
    </section>
  );
}
