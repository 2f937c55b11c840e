import { useMemo, useState } from 'react';
import { Link } from '@tanstack/react-router';
import type { SoaRow } from '../../../schema/controls/soa.register.js';
import { useT } from '../../i18n/i18n.js';
import type { DataEditorProps, DataViewProps } from '../../versioning/data-sections.js';
import { DataTable, type DataColumn } from '../../ui/data-table.js';
import { SoaSummary } from './soa-summary.js';
import {
  APPLICABILITY_KEYS,
  countLines,
  filterLines,
  justificationParts,
  readStatement,
  statusText,
  type ApplicabilityFilter,
} from './soa-lines.js';
import './soa.css';

/** A version's lines: the counts and chart, chips by applicability, a search, and the table an auditor reads. */
export function SoaStatementView({ org, value }: DataViewProps) {
  const { t, td, formatNumber } = useT();
  const statement = useMemo(() => readStatement(value), [value]);
  const counts = useMemo(() => countLines(statement.rows), [statement]);
  const [filter, setFilter] = useState<ApplicabilityFilter>('all');
  const [query, setQuery] = useState('');
  const rows = useMemo(() => filterLines(statement.rows, filter, query), [statement, filter, query]);
  const columns = useSoaColumns(org);

  if (statement.rows.length === 0) return <p className="doc__empty">{t('soaPage.noLines')}</p>;
  return (
    <div className="soa-statement">
      {statement.edition ? (
        <p className="muted">{t('soaPage.edition', { edition: td(`controls.source.${statement.edition}`) })}</p>
      ) : null}
      <SoaSummary counts={counts} />
      <div className="soa-statement__filters">
        <div className="quick-filters" role="group" aria-label={t('soaPage.filter.label')}>
          {(['all', ...APPLICABILITY_KEYS] as const).map((key) => (
            <button
              key={key}
              type="button"
              className="chip"
              aria-pressed={filter === key}
              onClick={() => setFilter(key)}
            >
              {key === 'all'
                ? t('soaPage.filter.all', { count: formatNumber(counts.total) })
                : `${td(`controls.applicability.${key}`)} (${formatNumber(counts[key])})`}
            </button>
          ))}
        </div>
        <label className="soa-statement__search">
          <span>{t('soaPage.filter.search')}</span>
          <input type="search" value={query} onChange={(e) => setQuery(e.target.value)} />
        </label>
      </div>
      <p className="visually-hidden" aria-live="polite">
        {t('soaPage.filter.showing', { count: formatNumber(rows.length), total: formatNumber(counts.total) })}
      </p>
      {rows.length === 0 ? (
        <p className="doc__empty">{t('soaPage.filter.nothing')}</p>
      ) : (
        <DataTable
          className="soa-table"
          caption={t('soaPage.tableCaption')}
          columns={columns}
          rows={rows}
          rowKey={(row) => row.ref}
        />
      )}
    </div>
  );
}

/** The statement's columns: the control names its line; the owner is never dropped for width. */
function useSoaColumns(org: string): DataColumn<SoaRow>[] {
  const i18n = useT();
  const { t, td } = i18n;
  return useMemo(
    () => [
      {
        id: 'control',
        header: t('soaPage.column.control'),
        rowHeader: true,
        className: 'soa-table__control',
        cell: (row) => (
          <>
            <Link to="/o/$org/controls" params={{ org }} search={{ q: row.ref }} className="mono">
              {row.ref}
            </Link>{' '}
            {row.title}
          </>
        ),
      },
      {
        id: 'applicability',
        header: t('controls.field.applicability'),
        cell: (row) => <ApplicabilityPill value={row.applicability} />,
      },
      {
        id: 'justification',
        header: t('soaPage.column.justification'),
        className: 'soa-table__why',
        cell: (row) => <Justification row={row} />,
      },
      {
        id: 'status',
        header: t('controls.field.implementationStatus'),
        cell: (row) => {
          const status = statusText(i18n, row);
          return status ? (
            <span className={`pill soa-status--${row.implementationStatus}`}>{status}</span>
          ) : (
            <span className="muted">{t('common.empty')}</span>
          );
        },
      },
      {
        id: 'owner',
        header: t('controls.field.owner'),
        cell: (row) => row.owner ?? <span className="muted">{td('common.empty')}</span>,
      },
    ],
    [org, i18n, t, td],
  );
}

function Justification({ row }: { row: SoaRow }) {
  const i18n = useT();
  const why = justificationParts(i18n, row);
  if (why.length)
    return (
      <>
        {why.map((w, i) => (
          <span
            key={i}
            className={`soa-table__reason${row.applicability === 'excluded' && i === 0 ? ' soa-table__reason--exclusion' : ''}`}
          >
            {w}
          </span>
        ))}
      </>
    );
  if (row.applicability === 'undecided') return <span className="muted">{i18n.t('common.empty')}</span>;
  return (
    <span className="soa-missing">
      <span aria-hidden="true">▲ </span>
      {i18n.t('soaPage.noReason')}
    </span>
  );
}

export function ApplicabilityPill({ value }: { value: SoaRow['applicability'] }) {
  const { td } = useT();
  return <span className={`pill soa-applicability--${value}`}>{td(`controls.applicability.${value}`)}</span>;
}

/**
 * The statement has no editor: the server takes the lines from the controls when the draft is saved (whatever is
 * sent is replaced). The draft editor says so, and where to change a line.
 */
export function SoaStatementNote({ org, value }: DataEditorProps) {
  const { t, formatNumber } = useT();
  const count = readStatement(value).rows.length;
  return (
    <div className="alert alert--info soa-note">
      <p>{t('soaPage.editor.note')}</p>
      <p>
        {count ? t('soaPage.editor.current', { count: formatNumber(count) }) : t('soaPage.editor.first')}{' '}
        <Link to="/o/$org/controls" params={{ org }}>
          {t('soaPage.editor.controlsLink')}
        </Link>
      </p>
    </div>
  );
}
