import { useRef } from 'react';
import { useT } from '../../i18n/i18n.js';
import { CellInput, CellTextarea, focusLater, GroupError, type EditorKit } from './editor-kit.js';
import {
  addRiskLevel,
  LEVEL_LIMITS,
  moveRiskLevel,
  removeRiskLevel,
  type WorkingRiskLevel,
} from './methodology-model.js';
import { Button } from '../../ui/button.js';

const HEX = /^#[0-9a-fA-F]{6}$/;

/**
 * The named levels of risk, least severe first (the order ranks risks for treatment): key, label, colour (picker
 * and code), meaning. Removing a level hands its matrix cells and thresholds to the next less severe one.
 */
export function LevelsEditor({ kit }: { kit: EditorKit }) {
  const { t } = useT();
  const { w, update, err, edited } = kit;
  const ref = useRef<HTMLFieldSetElement>(null);
  const set = (i: number, field: keyof WorkingRiskLevel, value: string) => {
    update((m) => ({ ...m, levels: m.levels.map((l, j) => (j === i ? { ...l, [field]: value } : l)) }));
    edited(`levels.${i}.${field}`);
  };
  // Focus follows the moved level; at the top or bottom its other arrow takes it.
  const move = (id: number, by: -1 | 1) => {
    update((m) => moveRiskLevel(m, id, by));
    requestAnimationFrame(() => {
      const row = ref.current?.querySelector(`tr[data-level="${id}"]`);
      const same = row?.querySelector<HTMLButtonElement>(`[data-move="${by < 0 ? 'up' : 'down'}"]`);
      (same && !same.disabled
        ? same
        : row?.querySelector<HTMLButtonElement>(`[data-move="${by < 0 ? 'down' : 'up'}"]`)
      )?.focus();
    });
  };
  const name = (l: WorkingRiskLevel, i: number) => l.label.trim() || t('riskMethodology.path.level', { no: i + 1 });
  const cell = (field: string, l: WorkingRiskLevel, i: number) =>
    t('riskMethodology.levelCell', {
      field: t(`riskMethodology.part.${field}` as 'riskMethodology.part.key'),
      level: name(l, i),
    });

  return (
    <fieldset ref={ref} className="mx-fieldset">
      <legend>{t('riskMethodology.riskLevels')}</legend>
      <p className="field__help">{t('riskMethodology.editor.levelsHelp')}</p>
      <GroupError message={err('levels')} />
      <div className="table-wrap">
        <table className="table mx-table">
          <caption className="visually-hidden">{t('riskMethodology.riskLevels')}</caption>
          <thead>
            <tr>
              <th scope="col" className="mx-table__no">
                {t('riskMethodology.rank')}
              </th>
              <th scope="col" className="mx-table__key">
                {t('riskMethodology.part.key')}
              </th>
              <th scope="col">{t('riskMethodology.part.label')}</th>
              <th scope="col" className="mx-table__colour">
                {t('riskMethodology.part.colour')}
              </th>
              <th scope="col">{t('riskMethodology.part.description')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('versions.table.rowActions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {w.levels.map((l, i) => (
              <tr key={l.id} data-level={l.id}>
                <td className="mx-table__no">{i + 1}</td>
                <td className="mx-table__key">
                  <CellInput
                    className="mono"
                    value={l.key}
                    maxLength={31}
                    autoCapitalize="off"
                    spellCheck={false}
                    label={cell('key', l, i)}
                    error={err(`levels.${i}.key`)}
                    onChange={(e) => set(i, 'key', e.target.value)}
                  />
                </td>
                <td>
                  <CellInput
                    data-field="label"
                    value={l.label}
                    maxLength={40}
                    label={cell('label', l, i)}
                    error={err(`levels.${i}.label`)}
                    onChange={(e) => set(i, 'label', e.target.value)}
                  />
                </td>
                <td className="mx-table__colour">
                  <span className="mx-colour">
                    <input
                      type="color"
                      value={HEX.test(l.colour) ? l.colour.toLowerCase() : '#000000'}
                      aria-label={cell('colour', l, i)}
                      onChange={(e) => set(i, 'colour', e.target.value.toUpperCase())}
                    />
                    <CellInput
                      className="mono mx-colour__code"
                      value={l.colour}
                      maxLength={7}
                      spellCheck={false}
                      label={t('riskMethodology.colourCode', { level: name(l, i) })}
                      error={err(`levels.${i}.colour`)}
                      onChange={(e) => set(i, 'colour', e.target.value)}
                    />
                  </span>
                </td>
                <td>
                  <CellTextarea
                    rows={1}
                    className="mx-textarea"
                    value={l.description}
                    maxLength={1000}
                    label={cell('description', l, i)}
                    error={err(`levels.${i}.description`)}
                    onChange={(e) => set(i, 'description', e.target.value)}
                  />
                </td>
                <td className="row-editor__actions">
                  <button
                    type="button"
                    className="icon-button"
                    data-move="up"
                    disabled={i === 0}
                    onClick={() => move(l.id, -1)}
                    aria-label={t('riskMethodology.lessSevere', { level: name(l, i) })}
                    title={t('riskMethodology.lessSevere', { level: name(l, i) })}
                  >
                    ↑
                  </button>
                  <button
                    type="button"
                    className="icon-button"
                    data-move="down"
                    disabled={i === w.levels.length - 1}
                    onClick={() => move(l.id, 1)}
                    aria-label={t('riskMethodology.moreSevere', { level: name(l, i) })}
                    title={t('riskMethodology.moreSevere', { level: name(l, i) })}
                  >
                    ↓
                  </button>
                  <button
                    type="button"
                    className="icon-button icon-button--danger"
                    disabled={w.levels.length <= LEVEL_LIMITS.min}
                    onClick={() => (
                      update((m) => removeRiskLevel(m, l.id)),
                      edited('levels'),
                      focusLater(ref.current, '.mx-add')
                    )}
                    aria-label={t('riskMethodology.removeLevel', { level: name(l, i) })}
                    title={t('riskMethodology.removeLevel', { level: name(l, i) })}
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
          disabled={w.levels.length >= LEVEL_LIMITS.max}
          onClick={() => {
            update((m) => addRiskLevel(m, t('riskMethodology.newRiskLevel', { no: m.levels.length + 1 })));
            edited('levels');
            focusLater(ref.current, 'tbody tr:last-child input[data-field="label"]');
          }}
        >
          + {t('riskMethodology.addLevel')}
        </Button>
        <span className="muted mx-count">
          {t('riskMethodology.levelCount', { count: w.levels.length, min: LEVEL_LIMITS.min, max: LEVEL_LIMITS.max })}
        </span>
      </div>
    </fieldset>
  );
}
