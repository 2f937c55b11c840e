import { Link, getRouteApi } from '@tanstack/react-router';
import { useT } from '../i18n/i18n.js';
import { useOrg } from '../lib/session.js';
import { useDocumentTitle } from '../lib/use-document-title.js';
import { findPlannedModule } from './planned-modules.js';

const route = getRouteApi('/o/$org/m/$module');

/** A module that is planned but not built: what it will hold and which clause it serves. */
export function ModulePlaceholderPage() {
  const { t } = useT();
  const { org, module } = route.useParams();
  const planned = findPlannedModule(module);
  useDocumentTitle(planned ? t(planned.title) : t('notFound.title'), useOrg(org).data?.name);

  if (!planned) {
    return (
      <section className="page">
        <h1>{t('notFound.title')}</h1>
        <p>{t('notFound.body')}</p>
      </section>
    );
  }
  return (
    <section className="page page--narrow" aria-labelledby="page-title">
      <p className="page__eyebrow">{t('module.clause', { clause: planned.clause })}</p>
      <h1 id="page-title">{t(planned.title)}</h1>
      <div className="card planned">
        <p className="badge badge--accent">{t('module.comingSoon')}</p>
        <p>{t(planned.description)}</p>
        <p className="muted">
          {t('module.meanwhile')}{' '}
          <Link to="/o/$org/actions" params={{ org }}>
            {t('module.meanwhileLink')}
          </Link>
        </p>
      </div>
    </section>
  );
}
