import { useMemo } from 'react';
import { Link, getRouteApi } from '@tanstack/react-router';
import { ismsProcessRegister } from '../../schema/leadership/isms-process.register.js';
import { processInteractionRegister } from '../../schema/leadership/process-interaction.register.js';
import type { RegisterDef } from '../../schema/register/define-register.js';
import { useT } from '../i18n/i18n.js';
import { useCan, useOrg } from '../lib/session.js';
import { useDocumentTitle } from '../lib/use-document-title.js';
import { TabPanel, Tabs } from '../components/tabs.js';
import { RegisterList } from '../register/register-list.js';
import { parseRegisterSearch } from '../register/register-search.js';
import { recordLinkFor } from '../register/register-pages.js';
import { ProcessDiagram } from './process-diagram.js';
import { pagePath, tabOf } from './register-paths.js';
import { PageHeader } from '../ui/page-header.js';

const route = getRouteApi('/o/$org/isms-processes');
export const PROCESS_TABS = ['diagram', 'list', 'interactions'] as const;
export type ProcessTab = (typeof PROCESS_TABS)[number];

/** The ISMS processes (27001 4.4): a diagram of which feeds which, the process list and the interactions list. */
export function ProcessesPage() {
  const { t } = useT();
  const { org } = route.useParams();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const can = useCan(org);
  const tab = tabOf(PROCESS_TABS, search.tab);
  const ProcessLink = useMemo(() => recordLinkFor(pagePath('isms-processes')), []);
  const FlowLink = useMemo(() => recordLinkFor(pagePath('process-interactions')), []);
  useDocumentTitle(t('isms-processes.title'), useOrg(org).data?.name);
  const listOf = (register: RegisterDef) => parseRegisterSearch(register, search);
  const onSearch = (next: Record<string, string | undefined>) => void navigate({ search: { ...next, tab } as never });

  return (
    <section className="page" aria-labelledby="page-title">
      <PageHeader
        eyebrow={t('isms-processes.eyebrow')}
        title={t('isms-processes.title')}
        description={t('isms-processes.lead')}
        actions={
          <>
            {can('process_interaction.create') ? (
              <Link to="/o/$org/process-interactions/new" params={{ org }} className="button button--secondary">
                {t('process-interactions.new')}
              </Link>
            ) : null}
            {can('isms_process.create') ? (
              <Link to="/o/$org/isms-processes/new" params={{ org }} className="button button--primary">
                {t('isms-processes.new')}
              </Link>
            ) : null}
          </>
        }
      />
      <Tabs
        label={t('leadership.tabs')}
        idPrefix="processes"
        selected={tab}
        onSelect={(id) => void navigate({ search: { tab: id } as never })}
        tabs={PROCESS_TABS.map((id) => ({ id, label: t(`isms-processes.tab.${id}`) }))}
      />
      <TabPanel idPrefix="processes" id={tab}>
        {tab === 'diagram' ? <ProcessDiagram org={org} /> : null}
        {tab === 'list' ? (
          <RegisterList
            org={org}
            register={ismsProcessRegister}
            search={listOf(ismsProcessRegister)}
            onSearch={onSearch}
            RecordLink={ProcessLink}
            canExport={can('isms_process.export')}
            canImport={can('isms_process.import')}
            quickFilters={[
              { id: 'mine', label: t('isms-processes.quick.mine'), params: { ownerId: 'me' } },
              { id: 'operating', label: t('isms-processes.quick.operating'), params: { status: 'operating' } },
            ]}
            emptyState={
              <>
                <h2>{t('isms-processes.empty.title')}</h2>
                <p>{t('isms-processes.empty.intro')}</p>
                {can('isms_process.create') ? (
                  <Link to="/o/$org/isms-processes/new" params={{ org }} className="button button--primary">
                    {t('isms-processes.empty.add')}
                  </Link>
                ) : (
                  <p className="muted">{t('isms-processes.empty.readOnly')}</p>
                )}
              </>
            }
          />
        ) : null}
        {tab === 'interactions' ? (
          <RegisterList
            org={org}
            register={processInteractionRegister}
            search={listOf(processInteractionRegister)}
            onSearch={onSearch}
            RecordLink={FlowLink}
            canExport={can('process_interaction.export')}
            canImport={can('process_interaction.import')}
            emptyState={
              <>
                <h2>{t('process-interactions.empty.title')}</h2>
                <p>{t('process-interactions.empty.intro')}</p>
              </>
            }
          />
        ) : null}
      </TabPanel>
    </section>
  );
}
