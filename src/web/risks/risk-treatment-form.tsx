import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { z } from 'zod';
import {
  CONTROL_EFFECTS,
  TREATMENT_OPTIONS,
  treatmentInputSchema,
  type Treatment,
} from '../../schema/controls/treatment.schema.js';
import { useT } from '../i18n/i18n.js';
import { isApiError } from '../lib/api-client.js';
import { issueMessage } from '../lib/form-errors.js';
import { CheckboxField, FormField } from '../ui/form-field.js';
import { ErrorMessage } from '../components/status.js';
import { RecordCombobox } from '../register/record-combobox.js';
import { useSaveTreatment } from '../controls/controls-api.js';
import { ResidualFields, residualBody, residualValues } from './risk-treatment-residual.js';
import type { FormValues } from '../register/register-form.js';
import { Button } from '../ui/button.js';
import type { MethodologyInForce } from '../../schema/risks/risks.responses.js';

type Option = (typeof TREATMENT_OPTIONS)[number];
interface ControlRow {
  controlId: string;
  ref: string;
  title: string;
  /** as the SoA has it (known for controls already saved in the treatment) */
  applicability: string | null;
  effect: string;
  note: string;
}

interface Props {
  org: string;
  riskId: string;
  treatment: Treatment;
  inForce: MethodologyInForce | null;
  onSaved: (saved: Treatment) => void;
  onCancel: () => void;
}

/**
 * The whole treatment of a risk as one form (PUT with the version read): the options with a rationale each, the
 * controls determined with what each changes, and the expected residual risk with a live preview of its level.
 */
export function RiskTreatmentForm({ org, riskId, treatment, inForce, onSaved, onCancel }: Props) {
  const i18n = useT();
  const { t, td } = i18n;
  const save = useSaveTreatment(org, riskId);
  const [options, setOptions] = useState<Record<Option, { on: boolean; rationale: string }>>(() => {
    const out = {} as Record<Option, { on: boolean; rationale: string }>;
    for (const o of TREATMENT_OPTIONS) {
      const chosen = treatment.options.find((x) => x.option === o);
      out[o] = { on: !!chosen, rationale: chosen?.rationale ?? '' };
    }
    return out;
  });
  const [controls, setControls] = useState<ControlRow[]>(() =>
    treatment.controls.map((c) => ({
      controlId: c.controlId,
      ref: c.ref,
      title: c.title,
      applicability: c.applicability,
      effect: c.effect,
      note: c.note ?? '',
    })),
  );
  const [residual, setResidual] = useState<FormValues>(() => residualValues(treatment.residual));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<unknown>(null);
  const formRef = useRef<HTMLFormElement>(null);
  // the button that opened the form is gone: keyboard users continue at the form's first control
  useEffect(() => formRef.current?.querySelector<HTMLElement>('input, select, textarea')?.focus(), []);

  const chosenOptions = TREATMENT_OPTIONS.filter((o) => options[o].on);
  const body = {
    options: chosenOptions.map((o) => ({ option: o, rationale: options[o].rationale.trim() })),
    controls: controls.map((c) => ({ controlId: c.controlId, effect: c.effect, note: c.note.trim() || null })),
    residual: residualBody(residual),
    expectedVersion: treatment.version,
  };
  /** An error path of the body (`options.1.rationale`) as the key of the field it belongs to. */
  const keyOf = (path: readonly PropertyKey[]): string => {
    const [head, index, field] = path.map(String);
    if (head === 'options' && index !== undefined) return `option.${chosenOptions[Number(index)] ?? ''}`;
    if (head === 'controls' && index !== undefined) {
      const id = controls[Number(index)]?.controlId ?? '';
      return field === 'effect' || field === 'note' ? `${field}.${id}` : `control.${id}`;
    }
    if (head === 'residual') return index ? `residual.${index}` : 'residual';
    return '_form';
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setFailure(null);
    const parsed = treatmentInputSchema.safeParse(body);
    if (!parsed.success) {
      setErrors(
        collect(parsed.error.issues.map((issue) => [keyOf(issue.path), issueMessage(i18n, issue as z.core.$ZodIssue)])),
      );
      focusFirstError();
      return;
    }
    setErrors({});
    try {
      onSaved(await save.mutateAsync(parsed.data));
    } catch (err) {
      const fieldErrors = isApiError(err) && err.status !== 409 ? err.errors : [];
      const mapped = collect(fieldErrors.map((fe) => [keyOf(fe.field.replace(/^body\./, '').split('.')), fe.message]));
      const { _form, ...onFields } = mapped;
      setErrors(onFields);
      if (Object.keys(onFields).length === 0) setFailure(err);
      else focusFirstError();
    }
  };

  const stale = isApiError(failure) && failure.status === 409;
  const setRow = (id: string, patch: Partial<ControlRow>) =>
    setControls((rows) => rows.map((r) => (r.controlId === id ? { ...r, ...patch } : r)));
  /** a field's message goes once it is changed; the next save checks again */
  const clear = (key: string) =>
    setErrors((prev) =>
      prev[key] === undefined ? prev : Object.fromEntries(Object.entries(prev).filter(([k]) => k !== key)),
    );

  return (
    <form ref={formRef} className="treatment-form" onSubmit={submit} noValidate aria-label={t('treatment.title')}>
      <fieldset className="treatment-form__section">
        <legend>{t('treatment.options')}</legend>
        <p className="muted small">{t('treatment.optionsLead')}</p>
        {TREATMENT_OPTIONS.map((o) => (
          <div key={o} className="treatment-option">
            <CheckboxField label={t(`treatment.option.${o}`)} help={t(`treatment.optionHelp.${o}`)}>
              <input
                type="checkbox"
                name={`option-${o}`}
                checked={options[o].on}
                onChange={(e) => setOptions((prev) => ({ ...prev, [o]: { ...prev[o], on: e.target.checked } }))}
              />
            </CheckboxField>
            {options[o].on ? (
              <div className="treatment-option__rationale">
                <FormField
                  label={t('treatment.rationale', { option: t(`treatment.option.${o}`) })}
                  error={errors[`option.${o}`]}
                  required
                >
                  <textarea
                    rows={2}
                    maxLength={4000}
                    value={options[o].rationale}
                    onChange={(e) => {
                      clear(`option.${o}`);
                      setOptions((prev) => ({ ...prev, [o]: { ...prev[o], rationale: e.target.value } }));
                    }}
                  />
                </FormField>
              </div>
            ) : null}
          </div>
        ))}
      </fieldset>

      <fieldset className="treatment-form__section">
        <legend>{t('treatment.controls')}</legend>
        <p className="muted small">{t('treatment.controlsLead')}</p>
        {controls.length === 0 ? (
          <p className="muted">{t('treatment.controlsNone')}</p>
        ) : (
          <ul className="treatment-controls" aria-label={t('treatment.controlsTable')}>
            {controls.map((c) => (
              <li key={c.controlId} className="treatment-control">
                <p className="treatment-control__name">
                  <span>
                    <span className="ref">{c.ref}</span> {c.title}
                  </span>
                  {c.applicability ? (
                    <span className={`pill pill--applicability-${c.applicability}`}>
                      {td(`controls.applicability.${c.applicability}`)}
                    </span>
                  ) : null}
                  {errors[`control.${c.controlId}`] ? (
                    <span className="field__error">{errors[`control.${c.controlId}`]}</span>
                  ) : null}
                </p>
                <FormField
                  label={t('treatment.effect', { ref: c.ref })}
                  error={errors[`effect.${c.controlId}`]}
                  required
                >
                  <select
                    value={c.effect}
                    onChange={(e) => {
                      clear(`effect.${c.controlId}`);
                      setRow(c.controlId, { effect: e.target.value });
                    }}
                  >
                    {c.effect === '' ? <option value="">{t('common.choose')}</option> : null}
                    {CONTROL_EFFECTS.map((effect) => (
                      <option key={effect} value={effect}>
                        {t(`treatment.effect.${effect}`)}
                      </option>
                    ))}
                  </select>
                </FormField>
                <FormField label={t('treatment.note', { ref: c.ref })} error={errors[`note.${c.controlId}`]}>
                  <input
                    type="text"
                    maxLength={2000}
                    value={c.note}
                    onChange={(e) => setRow(c.controlId, { note: e.target.value })}
                  />
                </FormField>
                <Button
                  size="small"
                  className="treatment-control__remove"
                  onClick={() => setControls((rows) => rows.filter((r) => r.controlId !== c.controlId))}
                >
                  {t('treatment.removeControl', { ref: c.ref })}
                </Button>
              </li>
            ))}
          </ul>
        )}
        <div className="treatment-add">
          <RecordCombobox
            org={org}
            entity="control"
            collection="controls"
            label={t('treatment.addControl')}
            help={t('treatment.addControlHelp')}
            exclude={controls.map((c) => c.controlId)}
            onPick={(r) =>
              setControls((rows) =>
                rows.some((x) => x.controlId === r.id)
                  ? rows
                  : [
                      ...rows,
                      { controlId: r.id, ref: r.ref, title: r.title, applicability: null, effect: '', note: '' },
                    ],
              )
            }
          />
        </div>
      </fieldset>

      <fieldset className="treatment-form__section">
        <legend>{t('treatment.residual')}</legend>
        <ResidualFields
          org={org}
          inForce={inForce}
          values={residual}
          errors={errors}
          set={(name, v) => setResidual((prev) => ({ ...prev, [name]: v }))}
        />
        {errors.residual ? <p className="field__error">{errors.residual}</p> : null}
      </fieldset>

      {stale ? (
        <p className="alert alert--error" role="alert">
          {t('form.stale')}
        </p>
      ) : failure ? (
        <ErrorMessage error={failure} />
      ) : null}
      <div className="form__actions">
        <Button type="submit" variant="primary" disabled={save.isPending}>
          {save.isPending ? t('form.saving') : t('treatment.save')}
        </Button>
        <Button onClick={onCancel}>{t('common.cancel')}</Button>
      </div>
    </form>
  );
}

/** The first message per key. */
function collect(entries: Array<[string, string]>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, message] of entries) if (out[key] === undefined) out[key] = message;
  return out;
}

function focusFirstError() {
  requestAnimationFrame(() => document.querySelector<HTMLElement>('.treatment-form [aria-invalid="true"]')?.focus());
}
