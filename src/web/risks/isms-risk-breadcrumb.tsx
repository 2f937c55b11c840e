import { Link } from '@tanstack/react-router';
import { useT } from '../i18n/i18n.js';

/** Register › record › (page): the way back from a record and its forms. */
export function IsmsRiskBreadcrumb({ org, id, current }: { org: string; id?: string; current?: string | undefined }) {
  const { t } = useT();
  return (
    <nav aria-label={t('common.breadcrumb')} className="breadcrumb">
      <Link to="/o/$org/isms-risks" params={{ org }}>
        {t('isms-risks.title')}
      </Link>
      {current ? (
        <>
          <span aria-hidden="true"> / </span>
          {id ? (
            <Link to="/o/$org/isms-risks/$id" params={{ org, id }}>
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
