import { useId, useRef } from 'react';
import type { Section } from '../../schema/versioning/versioned.js';
import { useT } from '../i18n/i18n.js';
import type { DraftErrors } from './draft-form.js';
import { newRow } from './draft-form.js';
import type { TableRow } from './versioned-api.js';
import { Button } from '../ui/button.js';

type TableSection = Extract<Section, { kind: 'table' }>;

interface Props {
  section: TableSection;
  rows: TableRow[];
  errors: DraftErrors;
  onChange: (rows: TableRow[]) => void;
  /** a cell was edited: its error no longer applies */
  onCellEdited: (path: string) => void;
}

/**
 * A table section as an editable list of rows: add, remove, move up/down. Every cell has a label naming its column
 * and row; an error (client or server, `content.<section>.<row>.<column>`) sits under its cell.
 */
export function TableSectionEditor({ section, rows, errors, onChange, onCellEdited }: Props) {
  const { t, td } = useT();
  const id = useId();
  const wrapRef = useRef<HTMLFieldSetElement>(null);
  const sectionError = errors[`content.${section.key}`];

  const focusCell = (row: number, selector = 'textarea') =>
    requestAnimationFrame(() =>
      wrapRef.current?.querySelectorAll<HTMLElement>(`[data-row="${row}"] ${selector}`)[0]?.focus(),
    );

  const update = (i: number, column: string, value: string) => {
    onChange(rows.map((r, j) => (j === i ? { ...r, [column]: value } : r)));
    onCellEdited(`content.${section.key}.${i}.${column}`);
  };
  const add = () => {
    onChange([...rows, newRow(section)]);
    focusCell(rows.length);
  };
  const remove = (i: number) => {
    onChange(rows.filter((_r, j) => j !== i));
    requestAnimationFrame(() => wrapRef.current?.querySelector<HTMLElement>('.row-editor__add')?.focus());
  };
  const move = (i: number, to: number) => {
    if (to < 0 || to >= rows.length) return;
    const next = [...rows];
    const [row] = next.splice(i, 1);
    next.splice(to, 0, row!);
    onChange(next);
    focusCell(to, `button[data-move="${to > i ? 'down' : 'up'}"]`);
  };

  return (
    <fieldset
      ref={wrapRef}
      className="row-editor field--wide"
      aria-describedby={section.help ? `${id}-help` : undefined}
    >
      <legend>{td(section.label)}</legend>
      {section.help ? (
        <p id={`${id}-help`} className="field__help">
          {td(section.help)}
        </p>
      ) : null}
      {sectionError ? <p className="field__error">{sectionError}</p> : null}
      {rows.length === 0 ? (
        <p className="muted">{t('versions.table.noRows')}</p>
      ) : (
        <div className="table-wrap">
          <table className="table row-editor__table">
            <caption className="visually-hidden">{td(section.label)}</caption>
            <thead>
              <tr>
                <th scope="col" className="row-editor__no">
                  {t('versions.table.row')}
                </th>
                {section.columns.map((c) => (
                  <th key={c.key} scope="col">
                    {td(c.label)}
                    {c.required ? (
                      <span className="field__required" aria-hidden="true">
                        {' '}
                        *
                      </span>
                    ) : null}
                  </th>
                ))}
                <th scope="col">
                  <span className="visually-hidden">{t('versions.table.rowActions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row, i) => (
                <tr key={i} data-row={i}>
                  <td className="row-editor__no">{i + 1}</td>
                  {section.columns.map((c) => {
                    const error = errors[`content.${section.key}.${i}.${c.key}`];
                    const errorId = `${id}-${i}-${c.key}-error`;
                    return (
                      <td key={c.key}>
                        <textarea
                          className="row-editor__cell"
                          rows={1}
                          value={row[c.key] ?? ''}
                          maxLength={c.maxLength ?? 2000}
                          aria-label={t('versions.table.cellLabel', { column: td(c.label), row: i + 1 })}
                          aria-required={c.required ? true : undefined}
                          aria-invalid={error ? true : undefined}
                          aria-describedby={error ? errorId : undefined}
                          onChange={(e) => update(i, c.key, e.target.value)}
                        />
                        {error ? (
                          <p className="field__error" id={errorId}>
                            {error}
                          </p>
                        ) : null}
                      </td>
                    );
                  })}
                  <td className="row-editor__actions">
                    <button
                      type="button"
                      className="icon-button"
                      data-move="up"
                      disabled={i === 0}
                      onClick={() => move(i, i - 1)}
                      aria-label={t('versions.table.moveUp', { row: i + 1 })}
                      title={t('versions.table.moveUp', { row: i + 1 })}
                    >
                      ↑
                    </button>
                    <button
                      type="button"
                      className="icon-button"
                      data-move="down"
                      disabled={i === rows.length - 1}
                      onClick={() => move(i, i + 1)}
                      aria-label={t('versions.table.moveDown', { row: i + 1 })}
                      title={t('versions.table.moveDown', { row: i + 1 })}
                    >
                      ↓
                    </button>
                    <button
                      type="button"
                      className="icon-button icon-button--danger"
                      onClick={() => remove(i)}
                      aria-label={t('versions.table.removeRow', { row: i + 1 })}
                      title={t('versions.table.removeRow', { row: i + 1 })}
                    >
                      ✕
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <div>
        <Button
          size="small"
          className="row-editor__add"
          onClick={add}
          disabled={rows.length >= (section.maxRows ?? 200)}
        >
          + {t('versions.table.addRow')}
        </Button>
      </div>
    </fieldset>
  );
}
