import { Link } from '@tanstack/react-router';
import { Breadcrumb } from '../components/breadcrumb.js';
import { useT } from '../i18n/i18n.js';

export function ScopeBreadcrumb({ org, current }: { org: string; current?: string }) {
  const { t } = useT();
  return (
    <Breadcrumb
      parent={
        <Link to="/o/$org/scopes" params={{ org }}>
          {t('scope.title')}
        </Link>
      }
      current={current}
    />
  );
}
