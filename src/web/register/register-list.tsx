import { useState, type ReactNode } from 'react';
import type { RegisterDef } from '../../schema/register/define-register.js';
import { useT } from '../i18n/i18n.js';
import { useMemberNames, useMembers } from '../lib/members.js';
import { QueryState } from '../ui/query-state.js';
import { ImportDialog } from './import-dialog.js';
import { registerBase, useRegisterList } from './register-api.js';
import { RegisterFilters } from './register-filters.js';
import { filterParams, hasActiveFilters, nextSort, toQuery, type RegisterSearch } from './register-search.js';
import { RegisterTable, type ColumnSpec, type RecordLinkComponent } from './register-table.js';
import { Button } from '../ui/button.js';

export interface QuickFilter {
  id: string;
  label: string;
  params: RegisterSearch;
}

interface Props {
  org: string;
  register: RegisterDef;
  search: RegisterSearch;
  /** replace the whole list state (the URL) */
  onSearch: (next: RegisterSearch) => void;
  RecordLink: RecordLinkComponent;
  quickFilters?: QuickFilter[];
  canExport: boolean;
  /** offers the import dialog (`<entity>.import`) */
  canImport?: boolean;
  /** shown when the register holds nothing at all */
  emptyState: ReactNode;
  /** filters always applied and not offered (e.g. `partyId` for a party's own requirements); not "filtering" */
  fixed?: RegisterSearch;
  /** the table's columns after the ref (default: the fields marked `inList`) */
  columns?: ColumnSpec[];
  /** filters of the page's own, after the generic ones (they write to the same search) */
  extraFilters?: ReactNode;
  /** field filters not offered */
  hiddenFilters?: string[];
  /** shown between the filters and the table (e.g. what a filter from elsewhere selected) */
  banner?: ReactNode;
}

/** A complete register list: search, filters, quick filters, CSV/XLSX export, import, table and pagination. */
export function RegisterList({
  org,
  register,
  search,
  onSearch,
  RecordLink,
  quickFilters = [],
  canExport,
  canImport = false,
  emptyState,
  fixed,
  columns,
  extraFilters,
  hiddenFilters = [],
  banner,
}: Props) {
  const { t, td } = useT();
  const [importing, setImporting] = useState(false);
  const exportQuery = toQuery(filterParams({ ...search, ...fixed }));
  const list = useRegisterList(org, register, { ...search, ...fixed });
  const members = useMembers(org).data?.items ?? [];
  const memberNames = useMemberNames(org);
  const patch = (p: RegisterSearch) => onSearch({ ...search, ...p, page: undefined });
  const filtered = hasActiveFilters(search);

  const isOn = (qf: QuickFilter) => Object.entries(qf.params).every(([k, v]) => search[k] === v);
  const toggle = (qf: QuickFilter) => {
    const off = Object.fromEntries(Object.keys(qf.params).map((k) => [k, undefined]));
    patch(isOn(qf) ? off : qf.params);
  };

  return (
    <div className="register">
      <div className="register__toolbar">
        {quickFilters.length > 0 ? (
          <div className="quick-filters" role="group" aria-label={t('register.quickFilters')}>
            {quickFilters.map((qf) => (
              <button key={qf.id} type="button" className="chip" aria-pressed={isOn(qf)} onClick={() => toggle(qf)}>
                {qf.label}
              </button>
            ))}
            {filtered ? (
              <Button variant="link" onClick={() => onSearch({})}>
                {t('register.clearFilters')}
              </Button>
            ) : null}
          </div>
        ) : null}
        {canExport || canImport ? (
          <div className="register__io" role="group" aria-label={t('register.io')}>
            {canExport ? (
              <>
                <a
                  className="button button--secondary"
                  href={`${registerBase(org, register)}/export.csv${exportQuery}`}
                  download
                >
                  {t('register.exportCsv')}
                </a>
                <a
                  className="button button--secondary"
                  href={`${registerBase(org, register)}/export.xlsx${exportQuery}`}
                  download
                >
                  {t('register.exportXlsx')}
                </a>
              </>
            ) : null}
            {canImport ? <Button onClick={() => setImporting(true)}>{t('import.open')}</Button> : null}
          </div>
        ) : null}
      </div>
      <RegisterFilters
        org={org}
        register={register}
        search={search}
        members={members}
        onChange={patch}
        hidden={[...Object.keys(fixed ?? {}), ...hiddenFilters]}
        extra={extraFilters}
      />
      {banner}

      <QueryState
        query={list}
        isEmpty={(data) => data.total === 0}
        empty={filtered ? t('register.noMatches') : emptyState}
      >
        {(data) => (
          <RegisterTable
            register={register}
            rows={data.items}
            search={search}
            onSort={(field) => onSearch(nextSort(register, search, field))}
            memberNames={memberNames}
            RecordLink={RecordLink}
            caption={td(register.title)}
            related={data.related}
            org={org}
            columns={columns}
            busy={list.isFetching}
            pagination={{
              page: data.page,
              pageSize: data.pageSize,
              total: data.total,
              onPage: (page) => onSearch({ ...search, page: page > 1 ? String(page) : undefined }),
              onPageSize: (size) => onSearch({ ...search, pageSize: String(size), page: undefined }),
            }}
          />
        )}
      </QueryState>
      {canImport ? (
        <ImportDialog org={org} register={register} open={importing} onClose={() => setImporting(false)} />
      ) : null}
    </div>
  );
}
