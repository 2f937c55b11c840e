import { Link } from '@tanstack/react-router';
import { useT } from '../../i18n/i18n.js';

/**
 * An assessment's two views, as links (each a page with its own address, like an audit's): the cycle itself
 * (details, closing, the frozen standings) and its results (8.2), the controlled document approved after closing.
 */
export function AssessmentNav({ org, id, current }: { org: string; id: string; current: 'overview' | 'results' }) {
  const { t } = useT();
  return (
    <nav aria-label={t('assessmentResults.nav')} className="subnav">
      <ul>
        <li>
          <Link
            to="/o/$org/risk-assessments/$id"
            params={{ org, id }}
            aria-current={current === 'overview' ? 'page' : undefined}
            className={current === 'overview' ? 'subnav__link subnav__link--current' : 'subnav__link'}
          >
            {t('assessmentResults.nav.overview')}
          </Link>
        </li>
        <li>
          <Link
            to="/o/$org/risk-assessments/$id/results"
            params={{ org, id }}
            aria-current={current === 'results' ? 'page' : undefined}
            className={current === 'results' ? 'subnav__link subnav__link--current' : 'subnav__link'}
          >
            {t('assessmentResults.nav.results')}
          </Link>
        </li>
      </ul>
    </nav>
  );
}
