import { useRef } from 'react';
import { useT } from '../../i18n/i18n.js';
import { FormField } from '../../ui/form-field.js';
import { CellInput, CellTextarea, focusLater, GroupError, type EditorKit } from './editor-kit.js';
import {
  addScaleLevel,
  removeScaleLevel,
  SCALE_LIMITS,
  type ScaleName,
  type WorkingScaleLevel,
} from './methodology-model.js';
import { Button } from '../../ui/button.js';

/**
 * One scale (likelihood or consequence): its name and unit, and its levels from lowest to highest with value,
 * label, description and, unless the approach is qualitative, the quantitative range each level stands for.
 * Adding or removing a level resizes the matrix with it (methodology-model.ts).
 */
export function ScaleEditor({ kit, scale }: { kit: EditorKit; scale: ScaleName }) {
  const { t } = useT();
  const { w, update, err, edited } = kit;
  const ref = useRef<HTMLFieldSetElement>(null);
  const s = w[scale];
  const word = t(scale === 'likelihood' ? 'riskMethodology.likelihoodWord' : 'riskMethodology.consequenceWord');
  const quantitative = w.approach !== 'qualitative';
  const setScale = (patch: Partial<typeof s>) => update((m) => ({ ...m, [scale]: { ...m[scale], ...patch } }));
  const setLevel = (i: number, field: keyof WorkingScaleLevel, value: string) => {
    update((m) => ({
      ...m,
      [scale]: { ...m[scale], levels: m[scale].levels.map((l, j) => (j === i ? { ...l, [field]: value } : l)) },
    }));
    edited(`${scale}.levels.${i}.${field}`);
  };
  const add = () => {
    update((m) => addScaleLevel(m, scale, t('riskMethodology.newScaleLevel', { no: m[scale].levels.length + 1 })));
    edited(`${scale}.levels`);
    focusLater(ref.current, `tr[data-row="${s.levels.length}"] input[data-field="label"]`);
  };
  const remove = (i: number) => {
    update((m) => removeScaleLevel(m, scale, i));
    edited(`${scale}.levels`);
    focusLater(ref.current, '.mx-add');
  };
  const cellLabel = (field: string, i: number) =>
    t('riskMethodology.scaleCell', {
      field: t(`riskMethodology.part.${field}` as 'riskMethodology.part.value'),
      scale: word,
      no: i + 1,
    });

  return (
    <fieldset ref={ref} className="mx-fieldset" data-scale={scale}>
      <legend>
        {t(scale === 'likelihood' ? 'riskMethodology.editor.likelihood' : 'riskMethodology.editor.consequence')}
      </legend>
      <p className="field__help">
        {t(scale === 'likelihood' ? 'riskMethodology.editor.likelihoodHelp' : 'riskMethodology.editor.consequenceHelp')}
      </p>
      <div className="mx-row">
        <FormField label={t('riskMethodology.scaleName', { scale: word })} error={err(`${scale}.name`)} required>
          <input
            value={s.name}
            maxLength={60}
            onChange={(e) => (setScale({ name: e.target.value }), edited(`${scale}.name`))}
          />
        </FormField>
        {quantitative || s.unit ? (
          <FormField
            label={t('riskMethodology.scaleUnit', { scale: word })}
            help={t('riskMethodology.scaleUnitHelp')}
            error={err(`${scale}.unit`)}
          >
            <input
              value={s.unit}
              maxLength={30}
              onChange={(e) => (setScale({ unit: e.target.value }), edited(`${scale}.unit`))}
            />
          </FormField>
        ) : null}
      </div>
      <GroupError message={err(`${scale}.levels`)} />
      <div className="table-wrap">
        <table className="table mx-table">
          <caption className="visually-hidden">{t('riskMethodology.scaleLevels', { scale: word })}</caption>
          <thead>
            <tr>
              <th scope="col" className="mx-table__no">
                {t('riskMethodology.part.level')}
              </th>
              <th scope="col" className="mx-table__num">
                {t('riskMethodology.part.value')}
              </th>
              <th scope="col">{t('riskMethodology.part.label')}</th>
              <th scope="col">{t('riskMethodology.part.description')}</th>
              {quantitative ? (
                <th scope="col" className="mx-table__num">
                  {t('riskMethodology.part.from')}
                </th>
              ) : null}
              {quantitative ? (
                <th scope="col" className="mx-table__num">
                  {t('riskMethodology.part.to')}
                </th>
              ) : null}
              <th scope="col">
                <span className="visually-hidden">{t('versions.table.rowActions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {s.levels.map((l, i) => (
              <tr key={i} data-row={i}>
                <td className="mx-table__no">{i + 1}</td>
                <td className="mx-table__num">
                  <CellInput
                    type="number"
                    step="1"
                    min={0}
                    inputMode="numeric"
                    data-field="value"
                    value={l.value}
                    label={cellLabel('value', i)}
                    error={err(`${scale}.levels.${i}.value`)}
                    onChange={(e) => setLevel(i, 'value', e.target.value)}
                  />
                </td>
                <td>
                  <CellInput
                    data-field="label"
                    value={l.label}
                    maxLength={60}
                    label={cellLabel('label', i)}
                    error={err(`${scale}.levels.${i}.label`)}
                    onChange={(e) => setLevel(i, 'label', e.target.value)}
                  />
                </td>
                <td>
                  <CellTextarea
                    rows={1}
                    className="mx-textarea"
                    value={l.description}
                    maxLength={1000}
                    label={cellLabel('description', i)}
                    error={err(`${scale}.levels.${i}.description`)}
                    onChange={(e) => setLevel(i, 'description', e.target.value)}
                  />
                </td>
                {quantitative ? (
                  <td className="mx-table__num">
                    <CellInput
                      type="number"
                      step="any"
                      min={0}
                      value={l.from}
                      label={cellLabel('from', i)}
                      error={err(`${scale}.levels.${i}.from`)}
                      onChange={(e) => setLevel(i, 'from', e.target.value)}
                    />
                  </td>
                ) : null}
                {quantitative ? (
                  <td className="mx-table__num">
                    <CellInput
                      type="number"
                      step="any"
                      min={0}
                      value={l.to}
                      label={cellLabel('to', i)}
                      error={err(`${scale}.levels.${i}.to`)}
                      onChange={(e) => setLevel(i, 'to', e.target.value)}
                    />
                  </td>
                ) : null}
                <td className="row-editor__actions">
                  <button
                    type="button"
                    className="icon-button icon-button--danger"
                    disabled={s.levels.length <= SCALE_LIMITS.min}
                    onClick={() => remove(i)}
                    aria-label={t('riskMethodology.removeScaleLevel', { scale: word, no: i + 1 })}
                    title={t('riskMethodology.removeScaleLevel', { scale: word, no: i + 1 })}
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
        <Button size="small" className="mx-add" onClick={add} disabled={s.levels.length >= SCALE_LIMITS.max}>
          + {t('riskMethodology.addScaleLevel', { scale: word })}
        </Button>
        <span className="muted mx-count">
          {t('riskMethodology.levelCount', { count: s.levels.length, min: SCALE_LIMITS.min, max: SCALE_LIMITS.max })}
        </span>
      </div>
    </fieldset>
  );
}
