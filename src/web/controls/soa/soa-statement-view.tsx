import { useMemo, useState } from 'react';
import { Link } from '@tanstack/react-router';
import type { SoaRow } from '../../../schema/controls/soa.register.js';
import { useT } from '../../i18n/i18n.js';
import type { DataEditorProps, DataViewProps } from '../../versioning/data-sections.js';
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
        <div className="table-wrap">
          <table className="table soa-table">
            <caption className="visually-hidden">{t('soaPage.tableCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('soaPage.column.control')}</th>
                <th scope="col">{t('controls.field.applicability')}</th>
                <th scope="col">{t('soaPage.column.justification')}</th>
                <th scope="col">{t('controls.field.implementationStatus')}</th>
                <th scope="col">{t('controls.field.owner')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <SoaLine key={row.ref} org={org} row={row} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}

function SoaLine({ org, row }: { org: string; row: SoaRow }) {
  const i18n = useT();
  const { t, td } = i18n;
  const why = justificationParts(i18n, row);
  const status = statusText(i18n, row);
  return (
    <tr>
      <th scope="row" className="soa-table__control">
        <Link to="/o/$org/controls" params={{ org }} search={{ q: row.ref }} className="mono">
          {row.ref}
        </Link>{' '}
        {row.title}
      </th>
      <td>
        <ApplicabilityPill value={row.applicability} />
      </td>
      <td className="soa-table__why">
        {why.length ? (
          why.map((w, i) => (
            <span
              key={i}
              className={`soa-table__reason${row.applicability === 'excluded' && i === 0 ? ' soa-table__reason--exclusion' : ''}`}
            >
              {w}
            </span>
          ))
        ) : row.applicability === 'undecided' ? (
          <span className="muted">{t('common.empty')}</span>
        ) : (
          <span className="soa-missing">
            <span aria-hidden="true">▲ </span>
            {t('soaPage.noReason')}
          </span>
        )}
      </td>
      <td>
        {status ? (
          <span className={`pill soa-status--${row.implementationStatus}`}>{status}</span>
        ) : (
          <span className="muted">{t('common.empty')}</span>
        )}
      </td>
      <td>{row.owner ?? <span className="muted">{td('common.empty')}</span>}</td>
    </tr>
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
