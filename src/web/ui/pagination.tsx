import { useId } from 'react';
import { useT } from '../i18n/i18n.js';
import { Button } from './button.js';

/** The page sizes offered; the API's lists take any size up to 100. */
export const PAGE_SIZES = [10, 25, 50, 100] as const;

export interface PaginationProps {
  /** 1-based */
  page: number;
  pageSize: number;
  total: number;
  /** the list counted its matches only up to a cap: there are at least `total`, and paging goes on past it */
  totalIsLowerBound?: boolean | undefined;
  /** the rows this page shows (a table passes it): past a lower-bound total, a page not full is the last */
  rowsOnPage?: number | undefined;
  onPage: (page: number) => void;
  /** offers the page size when given */
  onPageSize?: ((size: number) => void) | undefined;
}

/** Server-side pagination (`page`, `pageSize`, `total` of a list answer): where we are, previous/next, the page size. */
export function Pagination(props: PaginationProps) {
  const { page, pageSize, total, totalIsLowerBound, rowsOnPage, onPage, onPageSize } = props;
  const { t, formatNumber } = useT();
  const id = useId();
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const from = total === 0 ? 0 : (page - 1) * pageSize + 1;
  const to = totalIsLowerBound ? (page - 1) * pageSize + (rowsOnPage ?? pageSize) : Math.min(total, page * pageSize);
  const last = totalIsLowerBound ? rowsOnPage !== undefined && rowsOnPage < pageSize : page >= pages;
  return (
    <nav className="pagination" aria-label={t('register.pagination')}>
      <p className="pagination__summary" aria-live="polite">
        {t(totalIsLowerBound ? 'register.showingAtLeast' : 'register.showing', {
          from: formatNumber(from),
          to: formatNumber(to),
          total: formatNumber(total),
        })}
      </p>
      <div className="pagination__controls">
        {onPageSize ? (
          <>
            <label htmlFor={id}>{t('register.pageSize')}</label>
            <select id={id} value={pageSize} onChange={(e) => onPageSize(Number(e.target.value))}>
              {PAGE_SIZES.map((s) => (
                <option key={s} value={s}>
                  {s}
                </option>
              ))}
            </select>
          </>
        ) : null}
        <Button disabled={page <= 1} onClick={() => onPage(page - 1)}>
          {t('register.previous')}
        </Button>
        <span className="pagination__page">
          {totalIsLowerBound
            ? t('register.page', { page: formatNumber(page) })
            : t('register.pageOf', { page: formatNumber(page), pages: formatNumber(pages) })}
        </span>
        <Button disabled={last} onClick={() => onPage(page + 1)}>
          {t('register.next')}
        </Button>
      </div>
    </nav>
  );
}
