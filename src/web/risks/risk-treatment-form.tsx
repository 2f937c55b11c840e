import { useEffect } from 'react';
import {
  CONTROL_EFFECTS,
  TREATMENT_OPTIONS,
  treatmentInputSchema,
  type Treatment,
} from '../../schema/controls/treatment.schema.js';
import { useT } from '../i18n/i18n.js';
import { issueMessage } from '../lib/form-errors.js';
import { Checkbox, Select, TextArea, TextField } from '../ui/fields.js';
import { RecordCombobox } from '../register/record-combobox.js';
import { useSaveTreatment } from '../controls/controls-api.js';
import { ResidualFields } from './risk-treatment-residual.js';
import {
  firstPerKey,
  treatmentBody,
  treatmentErrorKey,
  treatmentFieldKeys,
  treatmentServerErrors,
  treatmentValues,
  type ControlRow,
  type TreatmentOption,
  type TreatmentValues,
} from './risk-treatment-values.js';
import { Button } from '../ui/button.js';
import { Form, FormFailureMessage } from '../ui/form.js';
import { useForm } from '../ui/use-form.js';
import type { MethodologyInForce } from '../../schema/risks/risks.responses.js';

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
 * A 409 is a stale version only as the form hook decides (versioned): one that names something else is said as such.
 */
export function RiskTreatmentForm({ org, riskId, treatment, inForce, onSaved, onCancel }: Props) {
  const i18n = useT();
  const { t, td } = i18n;
  const save = useSaveTreatment(org, riskId);
  const form = useForm({
    initial: treatmentValues(treatment),
    schema: treatmentInputSchema,
    toBody: (values: TreatmentValues) => treatmentBody(values, treatment.version),
    clientErrors: (error, values) =>
      firstPerKey(error.issues.map((issue) => [treatmentErrorKey(values, issue.path), issueMessage(i18n, issue)])),
    serverErrors: treatmentServerErrors,
    fields: treatmentFieldKeys,
    // what is sent is the body as the schema reads it (trimmed), as the server will
    submit: (body) => save.mutateAsync(treatmentInputSchema.parse(body)),
    onSuccess: onSaved,
    versioned: true,
  });
  const { values, errors, update } = form;
  const { formRef } = form;
  // the button that opened the form is gone: keyboard users continue at the form's first control
  useEffect(() => formRef.current?.querySelector<HTMLElement>('input, select, textarea')?.focus(), [formRef]);

  const setOption = (o: TreatmentOption, patch: Partial<TreatmentValues['options'][TreatmentOption]>) =>
    update((v) => ({ ...v, options: { ...v.options, [o]: { ...v.options[o], ...patch } } }), [`option.${o}`]);
  const setControls = (change: (rows: ControlRow[]) => ControlRow[]) =>
    update((v) => ({ ...v, controls: change(v.controls) }));
  /** a field's message goes once it is changed; the next save checks again */
  const setRow = (id: string, patch: Partial<ControlRow>, clear: string[] = []) =>
    update((v) => ({ ...v, controls: v.controls.map((r) => (r.controlId === id ? { ...r, ...patch } : r)) }), clear);
  const { options, controls } = values;

  return (
    <Form form={form} className="treatment-form" aria-label={t('treatment.title')}>
      <fieldset className="treatment-form__section">
        <legend>{t('treatment.options')}</legend>
        <p className="muted small">{t('treatment.optionsLead')}</p>
        {TREATMENT_OPTIONS.map((o) => (
          <div key={o} className="treatment-option">
            <Checkbox
              label={t(`treatment.option.${o}`)}
              help={t(`treatment.optionHelp.${o}`)}
              name={`option-${o}`}
              checked={options[o].on}
              onChange={(e) => setOption(o, { on: e.target.checked })}
            />
            {options[o].on ? (
              <div className="treatment-option__rationale">
                <TextArea
                  label={t('treatment.rationale', { option: t(`treatment.option.${o}`) })}
                  error={errors[`option.${o}`]}
                  required
                  rows={2}
                  maxLength={4000}
                  value={options[o].rationale}
                  onChange={(e) => setOption(o, { rationale: e.target.value })}
                />
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
                <Select
                  label={t('treatment.effect', { ref: c.ref })}
                  error={errors[`effect.${c.controlId}`]}
                  required
                  value={c.effect}
                  onChange={(e) => setRow(c.controlId, { effect: e.target.value }, [`effect.${c.controlId}`])}
                >
                  {c.effect === '' ? <option value="">{t('common.choose')}</option> : null}
                  {CONTROL_EFFECTS.map((effect) => (
                    <option key={effect} value={effect}>
                      {t(`treatment.effect.${effect}`)}
                    </option>
                  ))}
                </Select>
                <TextField
                  label={t('treatment.note', { ref: c.ref })}
                  error={errors[`note.${c.controlId}`]}
                  type="text"
                  maxLength={2000}
                  value={c.note}
                  onChange={(e) => setRow(c.controlId, { note: e.target.value }, [`note.${c.controlId}`])}
                />
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
          values={values.residual}
          errors={errors}
          set={(name, v) =>
            update((prev) => ({ ...prev, residual: { ...prev.residual, [name]: v } }), [`residual.${name}`])
          }
        />
        {errors.residual ? <p className="field__error">{errors.residual}</p> : null}
      </fieldset>

      <FormFailureMessage form={form} />
      <div className="form__actions">
        <Button type="submit" variant="primary" busy={form.submitting}>
          {form.submitting ? t('form.saving') : t('treatment.save')}
        </Button>
        <Button onClick={onCancel}>{t('common.cancel')}</Button>
      </div>
    </Form>
  );
}
