import { useId } from 'react';
import { useT } from '../i18n/i18n.js';
import { PAGE_SIZES } from './register-search.js';
import { Button } from '../ui/button.js';

interface Props {
  page: number;
  pageSize: number;
  total: number;
  onPage: (page: number) => void;
  onPageSize: (size: number) => void;
}

/** Server-side pagination: where we are, previous/next, and the page size. */
export function RegisterPagination({ page, pageSize, total, onPage, onPageSize }: Props) {
  const { t, formatNumber } = useT();
  const id = useId();
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const from = total === 0 ? 0 : (page - 1) * pageSize + 1;
  const to = Math.min(total, page * pageSize);
  return (
    <nav className="pagination" aria-label={t('register.pagination')}>
      <p className="pagination__summary" aria-live="polite">
        {t('register.showing', { from: formatNumber(from), to: formatNumber(to), total: formatNumber(total) })}
      </p>
      <div className="pagination__controls">
        <label htmlFor={id}>{t('register.pageSize')}</label>
        <select id={id} value={pageSize} onChange={(e) => onPageSize(Number(e.target.value))}>
          {PAGE_SIZES.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </select>
        <Button disabled={page <= 1} onClick={() => onPage(page - 1)}>
          {t('register.previous')}
        </Button>
        <span className="pagination__page">
          {t('register.pageOf', { page: formatNumber(page), pages: formatNumber(pages) })}
        </span>
        <Button disabled={page >= pages} onClick={() => onPage(page + 1)}>
          {t('register.next')}
        </Button>
      </div>
    </nav>
  );
}
