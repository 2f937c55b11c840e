import { useId } from 'react';
import type { Methodology } from '../../schema/risks/methodology.schema.js';
import type { FieldDef } from '../../schema/register/define-register.js';
import { riskRegister } from '../../schema/risks/risk.register.js';
import { useT } from '../i18n/i18n.js';
import { FormField } from '../ui/form-field.js';
import { RegisterFieldInput, type FormValue } from '../register/register-field-input.js';
import type { FormValues } from '../register/register-form.js';
import { MethodologyLink } from './methodology-link.js';
import { AcceptanceMarker, LevelBadge, levelOf } from './risk-level.js';
import type { MethodologyInForce } from '../../schema/risks/risks.responses.js';
import { previewEvaluation } from './risk-preview.js';

interface Props {
  org: string;
  inForce: MethodologyInForce;
  values: FormValues;
  errors: Record<string, string>;
  set: (name: string, value: FormValue) => void;
}

const CIA = [
  ['consequenceC', 'affectsConfidentiality'],
  ['consequenceI', 'affectsIntegrity'],
  ['consequenceA', 'affectsAvailability'],
] as const;

/**
 * The analysis (27001 6.1.2 d): likelihood and consequence chosen on the scales of the methodology in force, by
 * their labels (per confidentiality, integrity and availability when the methodology says so), the rationale, and
 * the evaluation it leads to, computed as the server will.
 */
export function RiskAnalysisFields({ org, inForce, values, errors, set }: Props) {
  const { t, td } = useT();
  const m = inForce.methodology;
  const field = (name: keyof typeof riskRegister.fields): FieldDef => riskRegister.fields[name];
  return (
    <fieldset className="risk-form__section">
      <legend>{t('risks.form.analysis')}</legend>
      <p className="muted small">
        {t('risks.form.analysisLead', { ref: inForce.ref, version: inForce.versionNo })}{' '}
        <MethodologyLink org={org}>{t('risks.form.analysisMethodology')}</MethodologyLink>
      </p>
      <div className="risk-analysis">
        <div className="risk-analysis__inputs">
          <ScaleSelect
            m={m}
            scale="likelihood"
            name="likelihood"
            label={td(field('likelihood').label)}
            value={values.likelihood}
            error={errors.likelihood}
            set={set}
          />
          {m.consequencePerCia ? (
            <fieldset className="fieldset--subtle">
              <legend>{t('risks.form.consequencePerCia')}</legend>
              <p className="field__help">{t(`risks.form.ciaCombination.${m.ciaCombination}`)}</p>
              {CIA.map(([name, affects]) => (
                <ScaleSelect
                  key={name}
                  m={m}
                  scale="consequence"
                  name={name}
                  label={td(field(name).label)}
                  value={values[name]}
                  error={errors[name]}
                  set={set}
                  hint={values[affects] === true ? undefined : t('risks.form.notMarkedAffected')}
                />
              ))}
              {values.consequence ? (
                <p className="field__help">
                  {t('risks.form.singleConsequenceKept', { label: labelOf(m, 'consequence', values.consequence) })}
                </p>
              ) : null}
            </fieldset>
          ) : (
            <ScaleSelect
              m={m}
              scale="consequence"
              name="consequence"
              label={td(field('consequence').label)}
              value={values.consequence}
              error={errors.consequence}
              set={set}
            />
          )}
        </div>
        <EvaluationPreview m={m} values={values} />
      </div>
      <RegisterFieldInput
        collection={riskRegister.collection}
        name="rationale"
        def={field('rationale')}
        value={values.rationale ?? ''}
        error={errors.rationale}
        members={[]}
        onChange={(v) => set('rationale', v)}
      />
      <FormField
        label={td(field('priorityOverride').label)}
        help={td(field('priorityOverride').help ?? '')}
        error={errors.priorityOverride}
      >
        <select value={String(values.priorityOverride ?? '')} onChange={(e) => set('priorityOverride', e.target.value)}>
          <option value="">{t('risks.form.priorityByLevel')}</option>
          {Array.from({ length: 9 }, (_, i) => (
            <option key={i + 1} value={String(i + 1)}>
              {i === 0 ? t('risks.form.priorityFirst') : String(i + 1)}
            </option>
          ))}
        </select>
      </FormField>
    </fieldset>
  );
}

export const labelOf = (m: Methodology, scale: 'likelihood' | 'consequence', v: FormValue | undefined) =>
  m[scale].levels[Number(v) - 1]?.label ?? String(v);

export function ScaleSelect({
  m,
  scale,
  name,
  label,
  value,
  error,
  set,
  hint,
}: {
  m: Methodology;
  scale: 'likelihood' | 'consequence';
  name: string;
  label: string;
  value: FormValue | undefined;
  error: string | undefined;
  set: Props['set'];
  hint?: string | undefined;
}) {
  const { t } = useT();
  const levels = m[scale].levels;
  const chosen = typeof value === 'string' && value ? levels[Number(value) - 1] : undefined;
  const unit = m[scale].unit;
  const help = [chosen?.description, hint].filter(Boolean).join(' ') || undefined;
  return (
    <FormField label={label} help={help} error={error}>
      <select name={name} value={typeof value === 'string' ? value : ''} onChange={(e) => set(name, e.target.value)}>
        <option value="">{t('risks.form.notAnalysed')}</option>
        {levels.map((l, i) => (
          <option key={i} value={String(i + 1)}>
            {l.label}
            {m.approach !== 'qualitative' && l.from !== null
              ? ` (${l.from}${l.to !== null ? `–${l.to}` : '+'}${unit ? ` ${unit}` : ''})`
              : ''}
          </option>
        ))}
      </select>
    </FormField>
  );
}

function EvaluationPreview({ m, values }: { m: Methodology; values: FormValues }) {
  const { t } = useT();
  const id = useId();
  const e = previewEvaluation(m, values);
  const level = e ? levelOf(m, e.level) : null;
  return (
    <section className="risk-preview" aria-labelledby={id} aria-live="polite">
      <h3 id={id} className="risk-preview__title">
        {t('risks.form.preview')}
      </h3>
      {e && level ? (
        <>
          <p className="risk-preview__level">
            <LevelBadge level={level} large />
          </p>
          <p>
            <AcceptanceMarker acceptable={e.acceptable} />
          </p>
          <p className="muted small">
            {t('risks.form.previewCell', {
              likelihood: labelOf(m, 'likelihood', values.likelihood),
              consequence: m.consequence.levels[e.consequenceIndex]?.label ?? '',
              score: e.score,
            })}
          </p>
          {!values.ownerId ? <p className="risk-preview__warn">{t('risks.form.ownerNeeded')}</p> : null}
        </>
      ) : (
        <p className="muted small">{t('risks.form.previewNone')}</p>
      )}
    </section>
  );
}
