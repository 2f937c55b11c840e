import { useRef, type KeyboardEvent } from 'react';
import { useT } from '../../i18n/i18n.js';
import { FormField } from '../../ui/form-field.js';
import { CellInput, CellSelect, focusLater, GroupError, type EditorKit } from './editor-kit.js';
import { HeatGrid, MatrixFrame } from './heat-grid.js';
import { cycleLevel, parsedMethodology, textOn, type WorkingMethodology } from './methodology-model.js';
import { Button } from '../../ui/button.js';

/**
 * The rule for the level of risk (6.1.2 a 2): a matrix edited cell by cell in a grid shaped like the heat map, or
 * a formula over the level values with ascending score thresholds (and the grid it results in, as a preview).
 */
export function RuleEditor({ kit }: { kit: EditorKit }) {
  const { t } = useT();
  const { w, update, err } = kit;
  return (
    <fieldset className="mx-fieldset">
      <legend>{t('riskMethodology.rule')}</legend>
      <p className="field__help">{t('riskMethodology.editor.ruleHelp')}</p>
      <GroupError message={err('rule')} />
      <div className="mx-choice" role="radiogroup" aria-label={t('riskMethodology.ruleKind')}>
        {(['matrix', 'formula'] as const).map((kind) => (
          <label key={kind} className={`mx-choice__option${w.ruleKind === kind ? ' is-selected' : ''}`}>
            <input
              type="radio"
              name="rule-kind"
              value={kind}
              checked={w.ruleKind === kind}
              onChange={() => update((m) => ({ ...m, ruleKind: kind }))}
            />
            <span>
              <strong>{t(`riskMethodology.rule.${kind}`)}</strong>
              <span className="mx-choice__help">{t(`riskMethodology.rule.${kind}Help`)}</span>
            </span>
          </label>
        ))}
      </div>
      {w.ruleKind === 'matrix' ? <MatrixEditor kit={kit} /> : <FormulaEditor kit={kit} />}
    </fieldset>
  );
}

function MatrixEditor({ kit }: { kit: EditorKit }) {
  const { t } = useT();
  const { w, update, err, edited } = kit;
  const byId = new Map(w.levels.map((l) => [l.id, l]));
  const setCell = (i: number, j: number, id: number) => {
    update((m) => ({ ...m, cells: m.cells.map((row, r) => (r === i ? row.map((v, c) => (c === j ? id : v)) : row)) }));
    edited(`rule.cells.${i}.${j}`);
  };
  const axis = (s: WorkingMethodology['likelihood'], word: string) => ({
    name: s.name.trim() || word,
    levels: s.levels.map((l, i) => ({ value: l.value, label: l.label.trim() || String(i + 1) })),
  });
  const likelihood = axis(w.likelihood, t('riskMethodology.likelihood'));
  const consequence = axis(w.consequence, t('riskMethodology.consequence'));
  // Shift+arrow keys step a cell through the levels without opening its list (plain arrows keep the select's own behaviour).
  const onKey = (e: KeyboardEvent<HTMLSelectElement>, i: number, j: number, id: number) => {
    if (!e.shiftKey || (e.key !== 'ArrowUp' && e.key !== 'ArrowDown')) return;
    e.preventDefault();
    setCell(i, j, cycleLevel(w, id, e.key === 'ArrowUp' ? 1 : -1));
  };
  return (
    <div className="mx-matrix">
      <p className="field__help">{t('riskMethodology.editor.matrixHelp')}</p>
      <GroupError message={err('rule.cells')} />
      <MatrixFrame
        m={{ likelihood, consequence }}
        caption={t('riskMethodology.gridCaption', { likelihood: likelihood.name, consequence: consequence.name })}
        className="heat--editable"
        cell={(i, j) => {
          const id = w.cells[i]?.[j] ?? w.levels[0]!.id;
          const level = byId.get(id);
          const colour = level?.colour ?? '#9aa5b1';
          return (
            <CellSelect
              className="mx-cell"
              style={{ background: colour, color: textOn(colour) }}
              value={String(id)}
              label={t('riskMethodology.cellLabel', {
                likelihood: likelihood.levels[i]?.label ?? '',
                consequence: consequence.levels[j]?.label ?? '',
              })}
              error={err(`rule.cells.${i}.${j}`)}
              onChange={(e) => setCell(i, j, Number(e.target.value))}
              onKeyDown={(e) => onKey(e, i, j, id)}
            >
              {w.levels.map((l, k) => (
                <option key={l.id} value={l.id}>
                  {l.label.trim() || t('riskMethodology.path.level', { no: k + 1 })}
                </option>
              ))}
            </CellSelect>
          );
        }}
      />
    </div>
  );
}

function FormulaEditor({ kit }: { kit: EditorKit }) {
  const { t } = useT();
  const { w, update, err, edited } = kit;
  const ref = useRef<HTMLDivElement>(null);
  const preview = parsedMethodology(w);
  const setThreshold = (
    i: number,
    patch: Partial<WorkingMethodology['thresholds'][number]>,
    field: 'min' | 'level',
  ) => {
    update((m) => ({ ...m, thresholds: m.thresholds.map((th, j) => (j === i ? { ...th, ...patch } : th)) }));
    edited(`rule.thresholds.${i}.${field}`);
  };
  const levelName = (id: number) => w.levels.find((l) => l.id === id)?.label ?? '';
  return (
    <div className="mx-formula" ref={ref}>
      <div className="mx-row">
        <FormField label={t('riskMethodology.rule.formula')} error={err('rule.formula')}>
          <select
            value={w.formula}
            onChange={(e) => (
              update((m) => ({ ...m, formula: e.target.value as 'product' | 'sum' })),
              edited('rule.formula')
            )}
          >
            <option value="product">{t('riskMethodology.formula.product')}</option>
            <option value="sum">{t('riskMethodology.formula.sum')}</option>
          </select>
        </FormField>
      </div>
      <p className="field__help">{t('riskMethodology.editor.thresholdsHelp')}</p>
      <GroupError message={err('rule.thresholds')} />
      <div className="table-wrap mx-formula__table">
        <table className="table mx-table">
          <caption className="visually-hidden">{t('riskMethodology.thresholds')}</caption>
          <thead>
            <tr>
              <th scope="col" className="mx-table__num">
                {t('riskMethodology.doc.threshold')}
              </th>
              <th scope="col">{t('riskMethodology.doc.level')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('versions.table.rowActions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {w.thresholds.map((th, i) => (
              <tr key={i}>
                <td className="mx-table__num">
                  <CellInput
                    type="number"
                    step="any"
                    value={th.min}
                    label={t('riskMethodology.thresholdMin', { no: i + 1 })}
                    error={err(`rule.thresholds.${i}.min`)}
                    onChange={(e) => setThreshold(i, { min: e.target.value }, 'min')}
                  />
                </td>
                <td>
                  <CellSelect
                    value={String(th.level)}
                    label={t('riskMethodology.thresholdLevel', { no: i + 1 })}
                    error={err(`rule.thresholds.${i}.level`)}
                    onChange={(e) => setThreshold(i, { level: Number(e.target.value) }, 'level')}
                  >
                    {w.levels.map((l, k) => (
                      <option key={l.id} value={l.id}>
                        {l.label.trim() || t('riskMethodology.path.level', { no: k + 1 })}
                      </option>
                    ))}
                  </CellSelect>
                </td>
                <td className="row-editor__actions">
                  <button
                    type="button"
                    className="icon-button icon-button--danger"
                    disabled={w.thresholds.length <= 1}
                    onClick={() => (
                      update((m) => ({ ...m, thresholds: m.thresholds.filter((_x, j) => j !== i) })),
                      edited('rule.thresholds'),
                      focusLater(ref.current, '.mx-add')
                    )}
                    aria-label={t('riskMethodology.removeThreshold', { no: i + 1, level: levelName(th.level) })}
                    title={t('riskMethodology.removeThreshold', { no: i + 1, level: levelName(th.level) })}
                  >
                    ✕
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="mx-actions">
        <Button
          size="small"
          className="mx-add"
          onClick={() => {
            update((m) => {
              const last = m.thresholds.at(-1);
              const next =
                m.levels[Math.min(m.levels.findIndex((l) => l.id === last?.level) + 1, m.levels.length - 1)]!;
              const min =
                last && last.min.trim() !== '' && Number.isFinite(Number(last.min)) ? String(Number(last.min) + 1) : '';
              return { ...m, thresholds: [...m.thresholds, { min, level: next.id }] };
            });
            focusLater(ref.current, 'tbody tr:last-child input');
          }}
        >
          + {t('riskMethodology.addThreshold')}
        </Button>
      </div>
      <h4 className="mx-subheading">{t('riskMethodology.preview')}</h4>
      {preview ? (
        <HeatGrid m={preview} caption={t('riskMethodology.previewCaption')} />
      ) : (
        <p className="muted">{t('riskMethodology.previewUnavailable')}</p>
      )}
    </div>
  );
}
