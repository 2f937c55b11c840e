import { useMemo } from 'react';
import { Link, getRouteApi } from '@tanstack/react-router';
import type { RegisterDef } from '../../schema/register/define-register.js';
import { threatRegister } from '../../schema/risks/threat.register.js';
import { vulnerabilityRegister } from '../../schema/risks/vulnerability.register.js';
import { useT } from '../i18n/i18n.js';
import { useCan, useOrg } from '../lib/session.js';
import { useDocumentTitle } from '../lib/use-document-title.js';
import { TabPanel, Tabs } from '../components/tabs.js';
import { ErrorMessage, LiveMessage } from '../components/status.js';
import { RegisterList } from '../register/register-list.js';
import { parseRegisterSearch } from '../register/register-search.js';
import type { ColumnSpec } from '../register/register-table.js';
import { recordLinkFor } from '../register/register-pages.js';
import { useLoadStartingCatalog } from './assets-api.js';
import { assetPagePath } from './asset-paths.js';
import './assets.css';
import { Button } from '../ui/button.js';
import { PageHeader } from '../ui/page-header.js';

const route = getRouteApi('/o/$org/threats');
export const CATALOG_TABS = ['threats', 'vulnerabilities'] as const;
type CatalogTab = (typeof CATALOG_TABS)[number];
const REGISTERS: Record<CatalogTab, RegisterDef> = { threats: threatRegister, vulnerabilities: vulnerabilityRegister };

/** Which of C/I/A a threat typically harms, as the letters it affects. */
function Affects({ record }: { record: Record<string, unknown> }) {
  const { t } = useT();
  const axes = [
    ['affectsConfidentiality', 'c'],
    ['affectsIntegrity', 'i'],
    ['affectsAvailability', 'a'],
  ] as const;
  const on = axes.filter(([field]) => record[field] === true);
  if (!on.length) return <span className="muted">{t('common.empty')}</span>;
  return (
    <span className="cia">
      {on.map(([field, axis]) => (
        <abbr key={axis} className="cia__level cia__level--medium" title={t(`threats.field.${field}`)}>
          {t(`assets.cia.${axis}`)}
        </abbr>
      ))}
    </span>
  );
}

/**
 * Threats & vulnerabilities (27001 6.1.2 c): the two catalogs as tabs, and the button that loads the project's
 * starting catalog (only what the organization never had, so it can be pressed again safely).
 */
export function ThreatCatalogPage() {
  const { t } = useT();
  const { org } = route.useParams();
  const search = route.useSearch() as Record<string, string | undefined>;
  const navigate = route.useNavigate();
  const can = useCan(org);
  const load = useLoadStartingCatalog(org);
  const tab: CatalogTab = (CATALOG_TABS as readonly string[]).includes(search.tab ?? '')
    ? (search.tab as CatalogTab)
    : 'threats';
  const register = REGISTERS[tab];
  const entity = register.entity;
  const RecordLink = useMemo(() => recordLinkFor(assetPagePath(tab)), [tab]);
  useDocumentTitle(t('threat-catalog.title'), useOrg(org).data?.name);
  const onSearch = (next: Record<string, string | undefined>) =>
    void navigate({ search: { ...next, tab: tab === 'threats' ? undefined : tab } as never });
  const done = load.data;
  const threatColumns = useMemo<ColumnSpec[]>(
    () => [
      'name',
      'group',
      'origin',
      { id: 'affects', header: t('assets.column.cia'), cell: (r) => <Affects record={r} /> },
    ],
    [t],
  );
  const loadButton = (primary: boolean) => (
    <Button
      variant={primary ? 'primary' : 'secondary'}
      aria-describedby="catalog-help"
      disabled={load.isPending}
      onClick={() => load.mutate()}
    >
      {load.isPending ? t('threat-catalog.startingSetBusy') : t('threat-catalog.startingSet')}
    </Button>
  );

  return (
    <section className="page" aria-labelledby="page-title">
      <PageHeader
        eyebrow={t('threat-catalog.eyebrow')}
        title={t('threat-catalog.title')}
        description={t('threat-catalog.lead')}
        actions={
          <>
            {can('threat.seed') ? loadButton(false) : null}
            {tab === 'threats' && can('threat.create') ? (
              <Link to="/o/$org/threats/new" params={{ org }} className="button button--primary">
                {t('threats.new')}
              </Link>
            ) : null}
            {tab === 'vulnerabilities' && can('vulnerability.create') ? (
              <Link to="/o/$org/vulnerabilities/new" params={{ org }} className="button button--primary">
                {t('vulnerabilities.new')}
              </Link>
            ) : null}
          </>
        }
      />
      {can('threat.seed') ? (
        <p id="catalog-help" className="muted small threat-catalog__help">
          {t('threat-catalog.startingSetHelp')}
        </p>
      ) : null}
      <LiveMessage>
        {done
          ? done.threats.created || done.vulnerabilities.created
            ? t('threat-catalog.startingSetDone', {
                threats: done.threats.created,
                vulnerabilities: done.vulnerabilities.created,
              })
            : t('threat-catalog.startingSetNothing')
          : null}
      </LiveMessage>
      {load.isError ? <ErrorMessage error={load.error} /> : null}
      <Tabs
        label={t('threat-catalog.tabs')}
        idPrefix="catalog"
        selected={tab}
        onSelect={(id) => void navigate({ search: (id === 'threats' ? {} : { tab: id }) as never })}
        tabs={CATALOG_TABS.map((id) => ({ id, label: t(`threat-catalog.tab.${id}`) }))}
      />
      <TabPanel idPrefix="catalog" id={tab}>
        <RegisterList
          key={tab}
          org={org}
          register={register}
          search={parseRegisterSearch(register, search)}
          onSearch={onSearch}
          RecordLink={RecordLink}
          canExport={can(`${entity}.export`)}
          canImport={can(`${entity}.import`)}
          columns={tab === 'threats' ? threatColumns : undefined}
          emptyState={
            <>
              <h2>{t(`${tab}.empty.title`)}</h2>
              <p>{t(`${tab}.empty.intro`)}</p>
              {can('threat.seed') ? loadButton(true) : <p className="muted">{t('threat-catalog.empty.readOnly')}</p>}
            </>
          }
        />
      </TabPanel>
    </section>
  );
}
