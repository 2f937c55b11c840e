import { Link } from '@tanstack/react-router';
import { useT } from '../../i18n/i18n.js';

/** Register › audit › (page): the way back from an audit's pages and forms. */
export function AuditBreadcrumb({ org, id, current }: { org: string; id?: string; current?: string | undefined }) {
  const { t } = useT();
  return (
    <nav aria-label={t('common.breadcrumb')} className="breadcrumb">
      <Link to="/o/$org/internal-audits" params={{ org }}>
        {t('internal-audits.title')}
      </Link>
      {current ? (
        <>
          <span aria-hidden="true"> / </span>
          {id ? (
            <Link to="/o/$org/internal-audits/$id" params={{ org, id }}>
              {current}
            </Link>
          ) : (
            <span aria-current="page">{current}</span>
          )}
        </>
      ) : null}
    </nav>
  );
}

const VIEWS = ['overview', 'checklist', 'findings', 'report'] as const;
export type AuditView = (typeof VIEWS)[number];

/** The audit's sub-views, as links (each is a page of its own, with its own address). */
export function AuditNav({ org, id, current }: { org: string; id: string; current: AuditView }) {
  const { t } = useT();
  const to = {
    overview: '/o/$org/internal-audits/$id',
    checklist: '/o/$org/internal-audits/$id/checklist',
    findings: '/o/$org/internal-audits/$id/findings',
    report: '/o/$org/internal-audits/$id/report',
  } as const;
  return (
    <nav aria-label={t('audits.nav.label')} className="audit-nav">
      <ul>
        {VIEWS.map((v) => (
          <li key={v}>
            <Link
              to={to[v]}
              params={{ org, id }}
              aria-current={v === current ? 'page' : undefined}
              className={v === current ? 'audit-nav__link audit-nav__link--current' : 'audit-nav__link'}
            >
              {t(`audits.nav.${v}`)}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
