import { APPROACHES, CIA_COMBINATIONS } from '../../../schema/risks/methodology.schema.js';
import { useT } from '../../i18n/i18n.js';
import { CheckboxField, FormField } from '../../ui/form-field.js';
import { CellInput, type EditorKit } from './editor-kit.js';
import type { Approach, CiaCombination } from './methodology-model.js';

/** How risks are analysed: qualitative / quantitative / semi-quantitative, and consequence once or per C, I, A. */
export function ApproachEditor({ kit }: { kit: EditorKit }) {
  const { t } = useT();
  const { w, update, err, edited } = kit;
  return (
    <fieldset className="mx-fieldset">
      <legend>{t('riskMethodology.editor.analysis')}</legend>
      <div className="mx-row">
        <FormField
          label={t('riskMethodology.doc.approach')}
          help={t(`riskMethodology.approachHelp.${w.approach}`)}
          error={err('approach')}
        >
          <select
            value={w.approach}
            onChange={(e) => (update((m) => ({ ...m, approach: e.target.value as Approach })), edited('approach'))}
          >
            {APPROACHES.map((a) => (
              <option key={a} value={a}>
                {t(`riskMethodology.approach.${a}`)}
              </option>
            ))}
          </select>
        </FormField>
        <div className="mx-cia">
          <CheckboxField
            label={t('riskMethodology.consequencePerCiaLabel')}
            help={t('riskMethodology.consequencePerCiaHelp')}
            error={err('consequencePerCia')}
          >
            <input
              type="checkbox"
              checked={w.consequencePerCia}
              onChange={(e) => (
                update((m) => ({ ...m, consequencePerCia: e.target.checked })),
                edited('consequencePerCia')
              )}
            />
          </CheckboxField>
          {w.consequencePerCia ? (
            <FormField label={t('riskMethodology.ciaCombination')} error={err('ciaCombination')}>
              <select
                value={w.ciaCombination}
                onChange={(e) => (
                  update((m) => ({ ...m, ciaCombination: e.target.value as CiaCombination })),
                  edited('ciaCombination')
                )}
              >
                {CIA_COMBINATIONS.map((c) => (
                  <option key={c} value={c}>
                    {t(`riskMethodology.combinationShort.${c}`)}
                  </option>
                ))}
              </select>
            </FormField>
          ) : null}
        </div>
      </div>
    </fieldset>
  );
}

/**
 * Risk acceptance criteria (6.1.2 a 1), per level of risk: acceptable without treatment or not, and who may accept
 * a residual risk at that level; then any other criteria (cost-benefit, consequence types never accepted…).
 */
export function AcceptanceEditor({ kit }: { kit: EditorKit }) {
  const { t } = useT();
  const { w, update, err, edited } = kit;
  const name = (label: string, i: number) => label.trim() || t('riskMethodology.path.level', { no: i + 1 });
  return (
    <fieldset className="mx-fieldset">
      <legend>{t('riskMethodology.doc.acceptance')}</legend>
      <p className="field__help">{t('riskMethodology.editor.acceptanceHelp')}</p>
      {err('acceptance') ? <p className="field__error mx-group-error">{err('acceptance')}</p> : null}
      <div className="table-wrap">
        <table className="table mx-table">
          <caption className="visually-hidden">{t('riskMethodology.doc.acceptance')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('riskMethodology.doc.level')}</th>
              <th scope="col" className="mx-table__check">
                {t('riskMethodology.doc.acceptable')}
              </th>
              <th scope="col">{t('riskMethodology.doc.acceptors')}</th>
            </tr>
          </thead>
          <tbody>
            {w.levels.map((l, i) => {
              const acceptableError = err(`levels.${i}.acceptable`);
              return (
                <tr key={l.id}>
                  <th scope="row">
                    <span
                      className="heat-legend__swatch heat-legend__swatch--inline"
                      style={{ background: l.colour }}
                      aria-hidden="true"
                    />
                    {name(l.label, i)}
                  </th>
                  <td className="mx-table__check">
                    <input
                      type="checkbox"
                      checked={l.acceptable}
                      aria-label={t('riskMethodology.acceptableFor', { level: name(l.label, i) })}
                      aria-invalid={acceptableError ? true : undefined}
                      onChange={(e) => (
                        update((m) => ({
                          ...m,
                          levels: m.levels.map((x) => (x.id === l.id ? { ...x, acceptable: e.target.checked } : x)),
                        })),
                        edited(`levels.${i}.acceptable`)
                      )}
                    />
                    {acceptableError ? <p className="field__error">{acceptableError}</p> : null}
                  </td>
                  <td>
                    <CellInput
                      value={l.acceptor}
                      maxLength={200}
                      placeholder={t('riskMethodology.acceptorPlaceholder')}
                      label={t('riskMethodology.acceptorFor', { level: name(l.label, i) })}
                      error={err(`levels.${i}.acceptor`)}
                      onChange={(e) => (
                        update((m) => ({
                          ...m,
                          levels: m.levels.map((x) => (x.id === l.id ? { ...x, acceptor: e.target.value } : x)),
                        })),
                        edited(`levels.${i}.acceptor`)
                      )}
                    />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <FormField
        label={t('riskMethodology.doc.otherCriteria')}
        help={t('riskMethodology.editor.otherCriteriaHelp')}
        error={err('acceptance.otherCriteria')}
      >
        <textarea
          rows={3}
          maxLength={4000}
          value={w.otherCriteria}
          onChange={(e) => (
            update((m) => ({ ...m, otherCriteria: e.target.value })),
            edited('acceptance.otherCriteria')
          )}
        />
      </FormField>
    </fieldset>
  );
}
