import { TREATMENT_OPTIONS, type Treatment } from '../../schema/controls/treatment.schema.js';
import { isApiError } from '../lib/api-client.js';
import type { FormValues } from '../register/register-form.js';
import type { FieldErrors } from '../ui/form-state.js';
import { residualBody, residualValues } from './risk-treatment-residual.js';

/**
 * The treatment form's values and their mapping to `PUT …/treatment` and back (its error paths to the form's
 * fields), kept free of React so they are unit-tested.
 */

export type TreatmentOption = (typeof TREATMENT_OPTIONS)[number];

export interface ControlRow {
  controlId: string;
  ref: string;
  title: string;
  /** as the SoA has it (known for controls already saved in the treatment) */
  applicability: string | null;
  effect: string;
  note: string;
}

export interface TreatmentValues {
  options: Record<TreatmentOption, { on: boolean; rationale: string }>;
  controls: ControlRow[];
  residual: FormValues;
}

/** The saved treatment as form values (from what the form reads of it). */
export function treatmentValues(treatment: Pick<Treatment, 'options' | 'controls' | 'residual'>): TreatmentValues {
  const option = (o: TreatmentOption) => {
    const chosen = treatment.options.find((x) => x.option === o);
    return { on: !!chosen, rationale: chosen?.rationale ?? '' };
  };
  return {
    options: {
      avoid: option('avoid'),
      pursue: option('pursue'),
      modify: option('modify'),
      share: option('share'),
      retain: option('retain'),
    },
    controls: treatment.controls.map((c) => ({
      controlId: c.controlId,
      ref: c.ref,
      title: c.title,
      applicability: c.applicability,
      effect: c.effect,
      note: c.note ?? '',
    })),
    residual: residualValues(treatment.residual),
  };
}

export const chosenOptions = (values: TreatmentValues) => TREATMENT_OPTIONS.filter((o) => values.options[o].on);

/** The body of `PUT …/treatment`: the whole treatment, with the version it was read at. */
export function treatmentBody(values: TreatmentValues, expectedVersion: number) {
  return {
    options: chosenOptions(values).map((o) => ({ option: o, rationale: values.options[o].rationale.trim() })),
    controls: values.controls.map((c) => ({ controlId: c.controlId, effect: c.effect, note: c.note.trim() || null })),
    residual: residualBody(values.residual),
    expectedVersion,
  };
}

/**
 * An error path of the body (`options.1.rationale`, `controls.0.effect`) as the key of the field it belongs to
 * (`option.share`, `effect.<control id>`); `_form` when no field of the form shows it.
 */
export function treatmentErrorKey(values: TreatmentValues, path: readonly PropertyKey[]): string {
  const [head, index, field] = path.map(String);
  if (head === 'options' && index !== undefined) return `option.${chosenOptions(values)[Number(index)] ?? ''}`;
  if (head === 'controls' && index !== undefined) {
    const id = values.controls[Number(index)]?.controlId ?? '';
    return field === 'effect' || field === 'note' ? `${field}.${id}` : `control.${id}`;
  }
  if (head === 'residual') return index ? `residual.${index}` : 'residual';
  return '_form';
}

/** The keys of every field the form shows for these values (messages on others are said for the whole form). */
export function treatmentFieldKeys(values: TreatmentValues): string[] {
  return [
    ...chosenOptions(values).map((o) => `option.${o}`),
    ...values.controls.flatMap((c) => [`control.${c.controlId}`, `effect.${c.controlId}`, `note.${c.controlId}`]),
    'residual',
    ...Object.keys(values.residual).map((name) => `residual.${name}`),
  ];
}

/** The first message per key. */
export function firstPerKey(entries: Array<[string, string]>): FieldErrors {
  const out: FieldErrors = {};
  for (const [key, message] of entries) if (out[key] === undefined) out[key] = message;
  return out;
}

/** A server error's field messages (`body.controls.0.effect`) on the form's keys. */
export function treatmentServerErrors(error: unknown, values: TreatmentValues): FieldErrors {
  if (!isApiError(error)) return {};
  return firstPerKey(
    error.errors.map((fe) => [treatmentErrorKey(values, fe.field.replace(/^body\./, '').split('.')), fe.message]),
  );
}
