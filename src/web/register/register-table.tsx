import { useMemo, type ComponentType, type ReactNode } from 'react';
import type { RegisterDef } from '../../schema/register/define-register.js';
import type { RegisterRecord } from '../lib/api-types.js';
import { useT } from '../i18n/i18n.js';
import { FieldValue } from './field-value.js';
import type { RelatedMap } from './record-select.js';
import { currentSort, type RegisterSearch } from './register-search.js';
import { DataTable, type DataColumn } from '../ui/data-table.js';
import type { PaginationProps } from '../ui/pagination.js';

export type RecordLinkComponent = ComponentType<{ record: RegisterRecord; children: ReactNode }>;

/** A column of the page's own (e.g. a level badge), optionally sorted on the server by `sortField`. */
export type CustomColumn = DataColumn<RegisterRecord>;
/** A column shown: a field name (shown the generic way) or a column of the page's own. */
export type ColumnSpec = string | CustomColumn;

interface Props {
  register: RegisterDef;
  rows: RegisterRecord[];
  search: RegisterSearch;
  onSort: (field: string) => void;
  memberNames: Map<string, string>;
  RecordLink: RecordLinkComponent;
  caption: string;
  /** the list's `related` map, for `record` fields */
  related?: RelatedMap | undefined;
  org?: string | undefined;
  /** the columns after the ref, in order; default: every field marked `inList` */
  columns?: ColumnSpec[] | undefined;
  pagination?: PaginationProps | undefined;
  busy?: boolean;
}

/** The register as a table: the ref, then every field marked `inList`; sortable headers sort on the server. */
export function RegisterTable({
  register,
  rows,
  search,
  onSort,
  memberNames,
  RecordLink,
  caption,
  related,
  org,
  columns: specs,
  pagination,
  busy,
}: Props) {
  const { t, td } = useT();
  const columns = useMemo<DataColumn<RegisterRecord>[]>(() => {
    const shown =
      specs ??
      Object.entries(register.fields)
        .filter(([, def]) => def.inList)
        .map(([name]) => name);
    return [
      {
        id: 'ref',
        header: t('register.ref'),
        cell: (record) => <RecordLink record={record}>{record.ref}</RecordLink>,
      },
      ...shown.flatMap((spec): DataColumn<RegisterRecord>[] => {
        if (typeof spec !== 'string') return [spec];
        const name = spec;
        const def = register.fields[name];
        // a column named after no field of the register is a page's mistake: it is left out, not shown blank
        if (!def) return [];
        return [
          {
            id: name,
            header: td(def.label),
            sortField: register.sortable.includes(name) ? name : undefined,
            cell: (record) =>
              name === register.titleField ? (
                <RecordLink record={record}>{String(record[name] ?? record.ref)}</RecordLink>
              ) : (
                <FieldValue
                  collection={register.collection}
                  name={name}
                  def={def}
                  value={record[name]}
                  memberNames={memberNames}
                  related={related}
                  org={org}
                />
              ),
          },
        ];
      }),
    ];
  }, [specs, register, memberNames, RecordLink, t, td, related, org]);

  return (
    <DataTable
      caption={caption}
      columns={columns}
      rows={rows}
      rowKey={(r) => r.id}
      sort={currentSort(register, search)}
      onSort={onSort}
      pagination={pagination}
      busy={busy}
    />
  );
}
