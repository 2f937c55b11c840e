import type { ReactNode } from 'react';
import { Link } from '@tanstack/react-router';
import { useT } from '../i18n/i18n.js';
import { useCan } from '../lib/session.js';
import { NAV_GROUPS, type NavItem } from './navigation.js';

/** The ISMS by clause of ISO/IEC 27001, then administration. */
export function SideNav({ org, open = false }: { org: string; open?: boolean }) {
  const { t } = useT();
  const can = useCan(org);
  return (
    <nav id="sidenav" className={open ? 'sidenav is-open' : 'sidenav'} aria-label={t('nav.label')}>
      <Link
        to="/o/$org"
        params={{ org }}
        className="sidenav__home"
        activeOptions={{ exact: true }}
        activeProps={{ 'aria-current': 'page' }}
      >
        {t('nav.home')}
      </Link>
      {NAV_GROUPS.map((group) => {
        const items = group.items.filter((i) => i.kind === 'module' || !i.permission || can(i.permission));
        if (items.length === 0) return null;
        return (
          <section key={group.id} className="sidenav__group" aria-labelledby={`nav-${group.id}`}>
            <h2 id={`nav-${group.id}`} className="sidenav__heading">
              {t(group.label)}
            </h2>
            <ul>
              {items.map((item) => (
                <li key={`${group.id}-${itemKey(item)}`}>
                  <NavEntry org={org} item={item} />
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </nav>
  );
}

function itemKey(item: NavItem): string {
  return item.kind === 'module' ? item.slug : item.path;
}

function NavEntry({ org, item }: { org: string; item: NavItem }) {
  const { t } = useT();
  if (item.kind === 'module') {
    return (
      <Link to="/o/$org/m/$module" params={{ org, module: item.slug }} activeProps={ACTIVE}>
        {t(item.label)}
        <span className="sidenav__soon">{t('nav.soon')}</span>
      </Link>
    );
  }
  return (
    <PageLink org={org} path={item.path} activeProps={ACTIVE}>
      {t(item.label)}
    </PageLink>
  );
}

const ACTIVE = { 'aria-current': 'page' as const, className: 'is-active' };

/** A link to a built page of the navigation (side navigation and the overview's area cards). */
export function PageLink({
  org,
  path,
  activeProps,
  children,
}: {
  org: string;
  path: Extract<NavItem, { kind: 'page' }>['path'];
  activeProps?: typeof ACTIVE;
  children: ReactNode;
}) {
  switch (path) {
    case 'actions':
      return (
        <Link to="/o/$org/actions" params={{ org }} activeProps={activeProps}>
          {children}
        </Link>
      );
    case 'scopes':
      return (
        <Link to="/o/$org/scopes" params={{ org }} activeProps={activeProps}>
          {children}
        </Link>
      );
    case 'issues':
      return (
        <Link to="/o/$org/issues" params={{ org }} activeProps={activeProps}>
          {children}
        </Link>
      );
    case 'interested-parties':
      return (
        <Link to="/o/$org/interested-parties" params={{ org }} activeProps={activeProps}>
          {children}
        </Link>
      );
    case 'requirements':
      return (
        <Link to="/o/$org/requirements" params={{ org }} activeProps={activeProps}>
          {children}
        </Link>
      );
    case 'isms-processes':
      return (
        <Link to="/o/$org/isms-processes" params={{ org }} activeProps={activeProps}>
          {children}
        </Link>
      );
    case 'isms-roles':
      return (
        <Link to="/o/$org/isms-roles" params={{ org }} activeProps={activeProps}>
          {children}
        </Link>
      );
    case 'leadership-commitments':
      return (
        <Link to="/o/$org/leadership-commitments" params={{ org }} activeProps={activeProps}>
          {children}
        </Link>
      );
    case 'assets':
      return (
        <Link to="/o/$org/assets" params={{ org }} activeProps={activeProps}>
          {children}
        </Link>
      );
    case 'threats':
      return (
        <Link to="/o/$org/threats" params={{ org }} activeProps={activeProps}>
          {children}
        </Link>
      );
    case 'isms-risks':
      return (
        <Link to="/o/$org/isms-risks" params={{ org }} activeProps={activeProps}>
          {children}
        </Link>
      );
    case 'risk-methodology':
      return (
        <Link to="/o/$org/risk-methodology" params={{ org }} activeProps={activeProps}>
          {children}
        </Link>
      );
    case 'risks':
      return (
        <Link to="/o/$org/risks" params={{ org }} activeProps={activeProps}>
          {children}
        </Link>
      );
    case 'risk-assessments':
      return (
        <Link to="/o/$org/risk-assessments" params={{ org }} activeProps={activeProps}>
          {children}
        </Link>
      );
    case 'controls':
      return (
        <Link to="/o/$org/controls" params={{ org }} activeProps={activeProps}>
          {children}
        </Link>
      );
    case 'soa':
      return (
        <Link to="/o/$org/soa" params={{ org }} activeProps={activeProps}>
          {children}
        </Link>
      );
    case 'risk-treatment-plan':
      return (
        <Link to="/o/$org/risk-treatment-plan" params={{ org }} activeProps={activeProps}>
          {children}
        </Link>
      );
    case 'treatment-checks':
      return (
        <Link to="/o/$org/treatment-checks" params={{ org }} activeProps={activeProps}>
          {children}
        </Link>
      );
    case 'nonconformities':
      return (
        <Link to="/o/$org/nonconformities" params={{ org }} activeProps={activeProps}>
          {children}
        </Link>
      );
    case 'improvements':
      return (
        <Link to="/o/$org/improvements" params={{ org }} activeProps={activeProps}>
          {children}
        </Link>
      );
    case 'documents':
      return (
        <Link
          to="/o/$org/documents"
          params={{ org }}
          activeProps={activeProps}
          activeOptions={{ includeSearch: false }}
        >
          {children}
        </Link>
      );
    case 'policies':
      return (
        <Link to="/o/$org/documents" params={{ org }} search={{ policies: 'true' }} activeProps={activeProps}>
          {children}
        </Link>
      );
    case 'evidence':
      return (
        <Link to="/o/$org/evidence" params={{ org }} activeProps={activeProps}>
          {children}
        </Link>
      );
    case 'members':
      return (
        <Link to="/o/$org/members" params={{ org }} activeProps={activeProps}>
          {children}
        </Link>
      );
    case 'tokens':
      return (
        <Link to="/o/$org/tokens" params={{ org }} activeProps={activeProps}>
          {children}
        </Link>
      );
    case 'automation-accounts':
      return (
        <Link to="/o/$org/automation-accounts" params={{ org }} activeProps={activeProps}>
          {children}
        </Link>
      );
    case 'audit':
      return (
        <Link to="/o/$org/audit" params={{ org }} activeProps={activeProps}>
          {children}
        </Link>
      );
    case 'audit-programme':
      return (
        <Link
          to="/o/$org/audit-programme"
          params={{ org }}
          activeProps={activeProps}
          activeOptions={{ exact: true, includeSearch: false }}
        >
          {children}
        </Link>
      );
    case 'audit-programme/coverage':
      return (
        <Link to="/o/$org/audit-programme/coverage" params={{ org }} activeProps={activeProps}>
          {children}
        </Link>
      );
    case 'isms-requirements':
      return (
        <Link to="/o/$org/isms-requirements" params={{ org }} activeProps={activeProps}>
          {children}
        </Link>
      );
    case 'objectives':
      return (
        <Link to="/o/$org/objectives" params={{ org }} activeProps={activeProps}>
          {children}
        </Link>
      );
    case 'objectives-document':
      return (
        <Link to="/o/$org/objectives-document" params={{ org }} activeProps={activeProps}>
          {children}
        </Link>
      );
    case 'measures':
      return (
        <Link to="/o/$org/measures" params={{ org }} activeProps={activeProps}>
          {children}
        </Link>
      );
    case 'measures/dashboard':
      return (
        <Link to="/o/$org/measures/dashboard" params={{ org }} activeProps={activeProps}>
          {children}
        </Link>
      );
    case 'internal-audits':
      return (
        <Link to="/o/$org/internal-audits" params={{ org }} activeProps={activeProps}>
          {children}
        </Link>
      );
    case 'treatment-results':
      return (
        <Link to="/o/$org/treatment-results" params={{ org }} activeProps={activeProps}>
          {children}
        </Link>
      );
    case 'certification-pack':
      return (
        <Link to="/o/$org/certification-pack" params={{ org }} activeProps={activeProps}>
          {children}
        </Link>
      );
    case 'management-reviews':
      return (
        <Link to="/o/$org/management-reviews" params={{ org }} activeProps={activeProps}>
          {children}
        </Link>
      );
    case 'party-feedback':
      return (
        <Link to="/o/$org/party-feedback" params={{ org }} activeProps={activeProps}>
          {children}
        </Link>
      );
    default: {
      // every page of the navigation has its case: a path added to NavItem without one fails to compile here
      // (the measures' and internal audits' entries were silently missing from the navigation this way)
      const missing: never = path;
      return missing;
    }
  }
}
