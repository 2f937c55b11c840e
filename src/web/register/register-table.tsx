import { useMemo, type ComponentType, type ReactNode } from 'react';
import { createColumnHelper, tableFeatures, useTable } from '@tanstack/react-table';
import type { FieldDef, RegisterDef } from '../../schema/register/define-register.js';
import type { RegisterRecord } from '../lib/api-types.js';
import { useT } from '../i18n/i18n.js';
import { FieldValue } from './field-value.js';
import type { RelatedMap } from './record-select.js';
import { currentSort, type RegisterSearch } from './register-search.js';

const features = tableFeatures({});
const helper = createColumnHelper<typeof features, RegisterRecord>();

export type RecordLinkComponent = ComponentType<{ record: RegisterRecord; children: ReactNode }>;

/** A column of the page's own (e.g. a level badge), optionally sorted on the server by `sortField`. */
export interface CustomColumn {
  id: string;
  header: string;
  cell: (record: RegisterRecord) => ReactNode;
  sortField?: string;
}
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
}: Props) {
  const i18n = useT();
  const { t, td } = i18n;
  const sort = currentSort(register, search);

  const shown = useMemo<ColumnSpec[]>(
    () =>
      specs ??
      Object.entries(register.fields)
        .filter(([, def]) => def.inList)
        .map(([name]) => name),
    [register, specs],
  );
  /** column id → the field the server sorts it by */
  const sortFields = useMemo(() => {
    const map = new Map<string, string>();
    for (const spec of shown) {
      if (typeof spec === 'string') {
        if (register.sortable.includes(spec)) map.set(spec, spec);
      } else if (spec.sortField) map.set(spec.id, spec.sortField);
    }
    return map;
  }, [shown, register]);

  const columns = useMemo(
    () =>
      helper.columns([
        helper.display({
          id: 'ref',
          header: () => t('register.ref'),
          cell: ({ row }) => <RecordLink record={row.original}>{row.original.ref}</RecordLink>,
        }),
        ...shown.map((spec) => {
          if (typeof spec !== 'string')
            return helper.display({
              id: spec.id,
              header: () => spec.header,
              cell: ({ row }) => spec.cell(row.original),
            });
          const name = spec;
          const def = register.fields[name] as FieldDef;
          return helper.display({
            id: name,
            header: () => td(def.label),
            cell: ({ row }) =>
              name === register.titleField ? (
                <RecordLink record={row.original}>{String(row.original[name] ?? row.original.ref)}</RecordLink>
              ) : (
                <FieldValue
                  collection={register.collection}
                  name={name}
                  def={def}
                  value={row.original[name]}
                  memberNames={memberNames}
                  related={related}
                  org={org}
                />
              ),
          });
        }),
      ]),
    [shown, register, memberNames, RecordLink, t, td, related, org],
  );

  const table = useTable({ features, columns, data: rows, getRowId: (r) => r.id });

  return (
    <div className="table-wrap">
      <table className="table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id}>
              {group.headers.map((header) => {
                const sortField = sortFields.get(header.column.id);
                const sortable = sortField !== undefined;
                const active = sortable && sort.field === sortField;
                const ariaSort = active
                  ? sort.order === 'asc'
                    ? 'ascending'
                    : 'descending'
                  : sortable
                    ? 'none'
                    : undefined;
                return (
                  <th key={header.id} scope="col" aria-sort={ariaSort}>
                    {sortable ? (
                      <button type="button" className="th-sort" onClick={() => onSort(sortField)}>
                        <table.FlexRender header={header} />
                        <span className="th-sort__icon" aria-hidden="true">
                          {active ? (sort.order === 'asc' ? '▲' : '▼') : '↕'}
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
            <tr key={row.id}>
              {row.getAllCells().map((cell) => (
                <td key={cell.id} data-column={cell.column.id}>
                  <table.FlexRender cell={cell} />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
