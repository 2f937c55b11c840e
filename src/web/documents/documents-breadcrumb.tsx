import { Link } from '@tanstack/react-router';
import { Breadcrumb } from '../components/breadcrumb.js';
import { useT } from '../i18n/i18n.js';

export function DocumentsBreadcrumb({ org, current }: { org: string; current?: string | undefined }) {
  const { t } = useT();
  return (
    <Breadcrumb
      parent={
        <Link to="/o/$org/documents" params={{ org }}>
          {t('documents.title')}
        </Link>
      }
      current={current}
    />
  );
}
