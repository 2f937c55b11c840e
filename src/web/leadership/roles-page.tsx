import { useMemo } from 'react';
import { Link, getRouteApi } from '@tanstack/react-router';
import { ismsRoleRegister } from '../../schema/leadership/isms-role.register.js';
import { roleAssignmentRegister } from '../../schema/leadership/role-assignment.register.js';
import { useT } from '../i18n/i18n.js';
import { useCan, useOrg } from '../lib/session.js';
import { useDocumentTitle } from '../lib/use-document-title.js';
import { TabPanel, Tabs } from '../components/tabs.js';
import { ErrorMessage, LiveMessage } from '../components/status.js';
import { RegisterList } from '../register/register-list.js';
import { parseRegisterSearch } from '../register/register-search.js';
import { recordLinkFor } from '../register/register-pages.js';
import { useAddStartingSet } from './leadership-api.js';
import { RaciGrid } from './raci-grid.js';
import { pagePath, tabOf } from './register-paths.js';
import './leadership.css';
import { Button } from '../ui/button.js';
import { PageHeader } from '../ui/page-header.js';

const route = getRouteApi('/o/$org/isms-roles');
export const ROLE_TABS = ['roles', 'assignments', 'raci'] as const;

/** Roles & responsibilities (27001 5.3): roles, who holds them, and the RACI matrix; plus the 27003 starting set. */
export function RolesPage() {
  const { t } = useT();
  const { org } = route.useParams();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const can = useCan(org);
  const seed = useAddStartingSet(org);
  const tab = tabOf(ROLE_TABS, search.tab);
  const RoleLink = useMemo(() => recordLinkFor(pagePath('isms-roles')), []);
  const AssignmentLink = useMemo(() => recordLinkFor(pagePath('role-assignments')), []);
  useDocumentTitle(t('isms-roles.title'), useOrg(org).data?.name);
  const onSearch = (next: Record<string, string | undefined>) => void navigate({ search: { ...next, tab } as never });
  const done = seed.data;

  return (
    <section className="page" aria-labelledby="page-title">
      <PageHeader
        eyebrow={t('isms-roles.eyebrow')}
        title={t('isms-roles.title')}
        description={t('isms-roles.lead')}
        actions={
          <>
            {can('isms_role.seed') ? (
              <Button aria-describedby="starting-set-help" disabled={seed.isPending} onClick={() => seed.mutate()}>
                {seed.isPending ? t('isms-roles.startingSetBusy') : t('isms-roles.startingSet')}
              </Button>
            ) : null}
            {can('role_assignment.create') ? (
              <Link to="/o/$org/role-assignments/new" params={{ org }} className="button button--secondary">
                {t('role-assignments.new')}
              </Link>
            ) : null}
            {can('isms_role.create') ? (
              <Link to="/o/$org/isms-roles/new" params={{ org }} className="button button--primary">
                {t('isms-roles.new')}
              </Link>
            ) : null}
          </>
        }
      />
      {can('isms_role.seed') ? (
        <p id="starting-set-help" className="muted small">
          {t('isms-roles.startingSetHelp')}
        </p>
      ) : null}
      <LiveMessage>
        {done
          ? done.roles.created || done.activities.created
            ? t('isms-roles.startingSetDone', {
                roles: done.roles.created,
                activities: done.activities.created,
                cells: done.cells.created,
              })
            : t('isms-roles.startingSetNothing')
          : null}
      </LiveMessage>
      {seed.isError ? <ErrorMessage error={seed.error} /> : null}
      <Tabs
        label={t('leadership.tabs')}
        idPrefix="roles"
        selected={tab}
        onSelect={(id) => void navigate({ search: { tab: id } as never })}
        tabs={ROLE_TABS.map((id) => ({ id, label: t(`isms-roles.tab.${id}`) }))}
      />
      <TabPanel idPrefix="roles" id={tab}>
        {tab === 'roles' ? (
          <RegisterList
            org={org}
            register={ismsRoleRegister}
            search={parseRegisterSearch(ismsRoleRegister, search)}
            onSearch={onSearch}
            RecordLink={RoleLink}
            canExport={can('isms_role.export')}
            canImport={can('isms_role.import')}
            emptyState={
              <>
                <h2>{t('isms-roles.empty.title')}</h2>
                <p>{t('isms-roles.empty.intro')}</p>
                {can('isms_role.seed') ? (
                  <Button variant="primary" disabled={seed.isPending} onClick={() => seed.mutate()}>
                    {t('isms-roles.startingSet')}
                  </Button>
                ) : (
                  <p className="muted">{t('isms-roles.empty.readOnly')}</p>
                )}
              </>
            }
          />
        ) : null}
        {tab === 'assignments' ? (
          <RegisterList
            org={org}
            register={roleAssignmentRegister}
            search={parseRegisterSearch(roleAssignmentRegister, search)}
            onSearch={onSearch}
            RecordLink={AssignmentLink}
            canExport={can('role_assignment.export')}
            canImport={can('role_assignment.import')}
            quickFilters={[{ id: 'current', label: t('role-assignments.quick.current'), params: { current: 'true' } }]}
            emptyState={
              <>
                <h2>{t('role-assignments.empty.title')}</h2>
                <p>{t('role-assignments.empty.intro')}</p>
              </>
            }
          />
        ) : null}
        {tab === 'raci' ? <RaciGrid org={org} /> : null}
      </TabPanel>
    </section>
  );
}
