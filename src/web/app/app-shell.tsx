import { useState } from 'react';
import { Link, Outlet, getRouteApi, useRouterState } from '@tanstack/react-router';
import { useT } from '../i18n/i18n.js';
import { useOrg, useSession } from '../lib/session.js';
import { isApiError } from '../lib/api-client.js';
import { ShieldIcon } from '../auth/auth-layout.js';
import { ErrorMessage, Loading } from '../components/status.js';
import { OrgSwitcher } from './org-switcher.js';
import { UserMenu } from './user-menu.js';
import { SideNav } from './side-nav.js';
import { NewOrgDialog } from './new-org-dialog.js';
import { Button } from '../ui/button.js';

const route = getRouteApi('/o/$org');

/** Header (product, organization switcher, user menu), clause navigation, and the page. */
export function AppShell() {
  const { t } = useT();
  const { org } = route.useParams();
  const session = useSession();
  const orgQuery = useOrg(org);
  const [newOrgOpen, setNewOrgOpen] = useState(false);
  // On a narrow screen the navigation hides behind the menu button; it closes again when the page changes.
  const [navOpen, setNavOpen] = useState(false);
  const pathname = useRouterState({ select: (s) => s.location.pathname });
  const [navPath, setNavPath] = useState(pathname);
  if (navPath !== pathname) {
    setNavPath(pathname);
    setNavOpen(false);
  }

  if (!session) return <Loading />;
  const current = session.organizations.find((o) => o.slug === org);

  return (
    <div className="shell">
      <header className="topbar">
        <button
          type="button"
          className="topbar__menu"
          aria-expanded={navOpen}
          aria-controls="sidenav"
          aria-label={navOpen ? t('shell.closeMenu') : t('shell.menu')}
          onClick={() => setNavOpen((o) => !o)}
        >
          <span aria-hidden="true">{navOpen ? '✕' : '☰'}</span>
        </button>
        <Link to="/o/$org" params={{ org }} className="topbar__brand" aria-label={t('app.name')}>
          <ShieldIcon />
          <span>{t('app.name')}</span>
        </Link>
        <OrgSwitcher current={org} organizations={session.organizations} />
        <div className="topbar__spacer" />
        {session.user.isSuperadmin ? (
          <Button variant="ghost" onClick={() => setNewOrgOpen(true)}>
            {t('shell.newOrganization')}
          </Button>
        ) : null}
        <UserMenu user={session.user} role={current?.role} org={current?.slug} />
      </header>
      <div className="shell__body">
        <SideNav org={org} open={navOpen} />
        <main id="main" className="shell__main" tabIndex={-1}>
          {orgQuery.isPending ? (
            <Loading />
          ) : orgQuery.isError ? (
            isApiError(orgQuery.error) && orgQuery.error.status === 404 ? (
              <section className="page">
                <h1>{t('shell.orgNotFound')}</h1>
                <p>{t('shell.orgNotFoundHelp')}</p>
              </section>
            ) : (
              <ErrorMessage error={orgQuery.error} onRetry={() => void orgQuery.refetch()} />
            )
          ) : (
            <Outlet />
          )}
        </main>
      </div>
      {session.user.isSuperadmin ? <NewOrgDialog open={newOrgOpen} onClose={() => setNewOrgOpen(false)} /> : null}
    </div>
  );
}
