import { Link } from '@tanstack/react-router';
import { useT } from '../i18n/i18n.js';

export function DocumentsBreadcrumb({ org, current }: { org: string; current?: string | undefined }) {
  const { t } = useT();
  return (
    <nav aria-label={t('common.breadcrumb')} className="breadcrumb">
      <Link to="/o/$org/documents" params={{ org }}>
        {t('documents.title')}
      </Link>
      {current ? (
        <>
          <span aria-hidden="true"> / </span>
          <span aria-current="page">{current}</span>
        </>
      ) : null}
    </nav>
  );
}
