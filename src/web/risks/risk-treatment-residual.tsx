import { useId } from 'react';
import type { Treatment } from '../../schema/controls/treatment.schema.js';
import type { Methodology } from '../../schema/risks/methodology.schema.js';
import { riskRegister } from '../../schema/risks/risk.register.js';
import { useT } from '../i18n/i18n.js';
import { FormField } from '../ui/form-field.js';
import type { FormValue } from '../register/register-field-input.js';
import type { FormValues } from '../register/register-form.js';
import { MethodologyLink } from './methodology-link.js';
import { labelOf, ScaleSelect } from './risk-analysis-fields.js';
import { AcceptanceMarker, LevelBadge, levelOf } from './risk-level.js';
import { previewEvaluation } from './risk-preview.js';
import type { MethodologyInForce } from '../../schema/risks/risks.responses.js';

const LEVELS = ['likelihood', 'consequence', 'consequenceC', 'consequenceI', 'consequenceA'] as const;
const CIA = ['consequenceC', 'consequenceI', 'consequenceA'] as const;

/** The saved residual risk as form values (level numbers as text, '' when not rated). */
export function residualValues(r: Treatment['residual']): FormValues {
  const out: FormValues = { rationale: r.rationale ?? '' };
  for (const name of LEVELS) out[name] = r[name] === null ? '' : String(r[name]);
  return out;
}

/** Form values as the `residual` of the treatment body. */
export function residualBody(values: FormValues) {
  const n = (name: string) => (typeof values[name] === 'string' && values[name] ? Number(values[name]) : null);
  const rationale = typeof values.rationale === 'string' ? values.rationale.trim() : '';
  return {
    likelihood: n('likelihood'),
    consequence: n('consequence'),
    consequenceC: n('consequenceC'),
    consequenceI: n('consequenceI'),
    consequenceA: n('consequenceA'),
    rationale: rationale || null,
  };
}

interface Props {
  org: string;
  inForce: MethodologyInForce | null;
  values: FormValues;
  errors: Record<string, string>;
  set: (name: string, value: FormValue) => void;
}

/**
 * The expected residual risk on the scales of the methodology in force (per C, I and A when it assesses them
 * separately), with the level it leads to, computed as the server will.
 */
export function ResidualFields({ org, inForce, values, errors, set }: Props) {
  const { t, td } = useT();
  if (!inForce) return <p className="muted">{t('treatment.residualNoMethodology')}</p>;
  const m = inForce.methodology;
  const label = (name: (typeof LEVELS)[number]) => td(riskRegister.fields[name].label);
  return (
    <>
      <p className="muted small">
        {t('treatment.residualLead', { ref: inForce.ref, version: inForce.versionNo })}{' '}
        <MethodologyLink org={org}>{t('risks.form.analysisMethodology')}</MethodologyLink>
      </p>
      <div className="risk-analysis">
        <div className="risk-analysis__inputs">
          <ScaleSelect
            m={m}
            scale="likelihood"
            name="residual-likelihood"
            label={label('likelihood')}
            value={values.likelihood}
            error={errors['residual.likelihood']}
            set={(_, v) => set('likelihood', v)}
          />
          {m.consequencePerCia ? (
            CIA.map((name) => (
              <ScaleSelect
                key={name}
                m={m}
                scale="consequence"
                name={`residual-${name}`}
                label={label(name)}
                value={values[name]}
                error={errors[`residual.${name}`]}
                set={(_, v) => set(name, v)}
              />
            ))
          ) : (
            <ScaleSelect
              m={m}
              scale="consequence"
              name="residual-consequence"
              label={label('consequence')}
              value={values.consequence}
              error={errors['residual.consequence']}
              set={(_, v) => set('consequence', v)}
            />
          )}
        </div>
        <ResidualPreview m={m} values={values} />
      </div>
      <FormField label={t('treatment.residualRationale')} error={errors['residual.rationale']} className="field--wide">
        <textarea
          rows={3}
          maxLength={8000}
          value={typeof values.rationale === 'string' ? values.rationale : ''}
          onChange={(e) => set('rationale', e.target.value)}
        />
      </FormField>
    </>
  );
}

function ResidualPreview({ m, values }: { m: Methodology; values: FormValues }) {
  const { t } = useT();
  const id = useId();
  const e = previewEvaluation(m, values);
  const level = e ? levelOf(m, e.level) : null;
  return (
    <section className="risk-preview" aria-labelledby={id} aria-live="polite">
      <h3 id={id} className="risk-preview__title">
        {t('treatment.residualPreview')}
      </h3>
      {e && level ? (
        <>
          <p className="risk-preview__level">
            <LevelBadge level={level} large />
          </p>
          <p>
            <ResidualVerdict acceptable={e.acceptable} />
          </p>
          <p className="muted small">
            {t('risks.form.previewCell', {
              likelihood: labelOf(m, 'likelihood', values.likelihood),
              consequence: m.consequence.levels[e.consequenceIndex]?.label ?? '',
              score: e.score,
            })}
          </p>
        </>
      ) : (
        <p className="muted small">{t('risks.form.previewNone')}</p>
      )}
    </section>
  );
}

/** Whether the expected residual risk meets the acceptance criteria, or the risk needs further treatment. */
export function ResidualVerdict({ acceptable }: { acceptable: boolean | null | undefined }) {
  const { t } = useT();
  if (acceptable !== false) return <AcceptanceMarker acceptable={acceptable} />;
  return (
    <span className="acceptance acceptance--treat">
      <span aria-hidden="true">▲ </span>
      {t('treatment.needsFurther')}
    </span>
  );
}
