import { useMemo, type ReactNode } from 'react';
import { createColumnHelper, tableFeatures, useTable, type RowData } from '@tanstack/react-table';
import { Pagination, type PaginationProps } from './pagination.js';

const features = tableFeatures({});

/** One column, defined once: its header, how a row shows in it, and the server's sort field if it sorts. */
export interface DataColumn<T> {
  id: string;
  header: ReactNode;
  cell: (row: T) => ReactNode;
  /** the list's `sort` value for this column: the header becomes a button that sorts on the server */
  sortField?: string | undefined;
  /** the cell names its row (`<th scope="row">`), e.g. the control or the risk */
  rowHeader?: boolean;
  /** class of the column's cells (widths, wrapping) */
  className?: string;
}

export interface DataSort {
  field: string;
  order: 'asc' | 'desc';
}

interface Props<T extends RowData> {
  columns: DataColumn<T>[];
  rows: T[];
  rowKey: (row: T, index: number) => string;
  /** what the table holds, for screen readers (and on screen when `captionShown`) */
  caption: string;
  captionShown?: boolean;
  /** the list's current server-side sort; with `onSort`, columns with a `sortField` sort */
  sort?: DataSort | undefined;
  onSort?: ((field: string) => void) | undefined;
  /** a paged list's `page`, `pageSize` and `total`, and how to move */
  pagination?: PaginationProps | undefined;
  className?: string;
  /** class of the scrolling box around the table (a page's own spacing or width) */
  wrapClassName?: string;
  rowClassName?: (row: T) => string | undefined;
  /** the row shown elsewhere on the page (e.g. the version open above), marked `aria-current` */
  isCurrentRow?: (row: T) => boolean;
  /** a refetch is under way: the old rows stay, marked busy */
  busy?: boolean;
}

const ariaSortOf = (sortable: boolean, active: boolean, order: 'asc' | 'desc' | undefined) =>
  active ? (order === 'asc' ? 'ascending' : 'descending') : sortable ? 'none' : undefined;

/**
 * A data table on TanStack Table: columns defined once, a sticky header, headers that sort on the server (`sort`,
 * `order`), pagination for paged lists, a caption. A table wider than its place scrolls sideways in its own
 * container: no column is ever hidden.
 */
export function DataTable<T extends RowData>({
  columns,
  rows,
  rowKey,
  caption,
  captionShown = false,
  sort,
  onSort,
  pagination,
  className,
  wrapClassName,
  rowClassName,
  isCurrentRow,
  busy,
}: Props<T>) {
  const tableColumns = useMemo(() => {
    const helper = createColumnHelper<typeof features, T>();
    return helper.columns(
      columns.map((c) => helper.display({ id: c.id, header: () => c.header, cell: ({ row }) => c.cell(row.original) })),
    );
  }, [columns]);
  const byId = useMemo(() => new Map(columns.map((c) => [c.id, c])), [columns]);
  const table = useTable({ features, columns: tableColumns, data: rows, getRowId: rowKey });

  return (
    <div className="data-table" aria-busy={busy || undefined}>
      <div className={`table-wrap data-table__scroll${wrapClassName ? ` ${wrapClassName}` : ''}`}>
        <table className={className ? `table ${className}` : 'table'}>
          <caption className={captionShown ? 'data-table__caption' : 'visually-hidden'}>{caption}</caption>
          <thead>
            {table.getHeaderGroups().map((group) => (
              <tr key={group.id}>
                {group.headers.map((header) => {
                  const sortField = onSort ? byId.get(header.column.id)?.sortField : undefined;
                  const active = sortField !== undefined && sort?.field === sortField;
                  return (
                    <th
                      key={header.id}
                      scope="col"
                      aria-sort={ariaSortOf(sortField !== undefined, active, sort?.order)}
                    >
                      {sortField !== undefined && onSort ? (
                        <button type="button" className="th-sort" onClick={() => onSort(sortField)}>
                          <table.FlexRender header={header} />
                          <span className="th-sort__icon" aria-hidden="true">
                            {active ? (sort?.order === 'asc' ? '▲' : '▼') : '↕'}
                          </span>
                        </button>
                      ) : (
                        <table.FlexRender header={header} />
                      )}
                    </th>
                  );
                })}
              </tr>
            ))}
          </thead>
          <tbody>
            {table.getRowModel().rows.map((row) => (
              <tr
                key={row.id}
                className={rowClassName?.(row.original)}
                aria-current={isCurrentRow?.(row.original) ? 'true' : undefined}
              >
                {row.getAllCells().map((cell) => {
                  const def = byId.get(cell.column.id);
                  const content = <table.FlexRender cell={cell} />;
                  return def?.rowHeader ? (
                    <th key={cell.id} scope="row" className={def.className} data-column={cell.column.id}>
                      {content}
                    </th>
                  ) : (
                    <td key={cell.id} className={def?.className} data-column={cell.column.id}>
                      {content}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {pagination ? <Pagination rowsOnPage={rows.length} {...pagination} /> : null}
    </div>
  );
}
