import type { ReactNode } from 'react';
import { useT } from '../i18n/i18n.js';

/** The trail above a page: where it sits (a link or a plain label), then the page itself when it has a name. */
export function Breadcrumb({ parent, current }: { parent: ReactNode; current?: string | undefined }) {
  const { t } = useT();
  return (
    <nav aria-label={t('common.breadcrumb')} className="breadcrumb">
      {parent}
      {current ? (
        <>
          <span aria-hidden="true"> / </span>
          <span aria-current="page">{current}</span>
        </>
      ) : null}
    </nav>
  );
}
