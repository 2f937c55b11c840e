import { useMemo, useState, type FormEvent } from 'react';
import type { FieldDef, RegisterDef } from '../../schema/register/define-register.js';
import { useT } from '../i18n/i18n.js';
import { isApiError } from '../lib/api-client.js';
import type { RegisterRecord } from '../lib/api-types.js';
import { zodFieldErrors } from '../lib/form-errors.js';
import { useMembers } from '../lib/members.js';
import { ErrorMessage } from '../components/status.js';
import { RegisterFieldInput, type FormValue } from './register-field-input.js';
import type { RelatedMap } from './record-select.js';

interface Props {
  org: string;
  register: RegisterDef;
  /** editing this record; creating when absent */
  record?: RegisterRecord;
  onSubmit: (body: Record<string, unknown>) => Promise<unknown>;
  onCancel: () => void;
  /** values to start a new record with (e.g. the party a new requirement belongs to) */
  defaults?: Record<string, string> | undefined;
  /**
   * The options an enum field offers given the other values (a category that depends on the kind); undefined keeps
   * the field's own. A value that no longer fits is cleared, so the choice is made again.
   */
  optionsFor?: (field: string, values: Record<string, FormValue>) => readonly string[] | undefined;
  /** fields sent with their (default) value but not shown, e.g. the source of an action planned from a record */
  hiddenFields?: readonly string[];
}

export type FormValues = Record<string, FormValue>;

/** The fields a person writes (not the server-kept ones), for forms built from a register. */
export function writableFields(register: RegisterDef): Array<[string, FieldDef]> {
  return Object.entries(register.fields).filter(([, d]) => !d.readOnly) as Array<[string, FieldDef]>;
}

export function initialValues(
  register: RegisterDef,
  record: RegisterRecord | undefined,
  defaults: Record<string, string> = {},
): FormValues {
  const out: FormValues = {};
  for (const [name, def] of writableFields(register)) {
    const v = record ? record[name] : (defaults[name] ?? def.default);
    if (def.kind === 'boolean') out[name] = v === true;
    else out[name] = v === null || v === undefined ? '' : String(v);
  }
  return out;
}

export function toApiValue(def: FieldDef, v: FormValue): unknown {
  if (def.kind === 'boolean') return v === true;
  if (v === '') return null;
  if (def.kind === 'integer') return Number(v);
  return v;
}

/** Create/edit form built from the register's field definitions, validated with its zod schemas. */
export function RegisterForm({
  org,
  register,
  record,
  onSubmit,
  onCancel,
  defaults,
  optionsFor,
  hiddenFields = [],
}: Props) {
  const i18n = useT();
  const { t, td } = i18n;
  const members = useMembers(org).data?.items ?? [];
  const initial = useMemo(() => initialValues(register, record, defaults), [register, record, defaults]);
  const related = (record?.related ?? {}) as RelatedMap;
  const [values, setValues] = useState<FormValues>(initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const buildBody = (): Record<string, unknown> => {
    const body: Record<string, unknown> = {};
    for (const [name, def] of writableFields(register)) {
      const v = values[name] ?? '';
      if (record) {
        if (v === initial[name]) continue; // PATCH only what changed
        body[name] = toApiValue(def, v);
      } else if (v !== '' && !(def.kind === 'boolean' && v === false && def.default === undefined)) {
        body[name] = toApiValue(def, v);
      }
    }
    if (record) body.expectedVersion = record.version;
    return body;
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setFailure(null);
    const body = buildBody();
    const parsed = (record ? register.updateSchema : register.createSchema).safeParse(body);
    if (!parsed.success) {
      setErrors(zodFieldErrors(i18n, parsed.error));
      focusFirstError();
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      await onSubmit(body);
    } catch (err) {
      // Errors on fields of this form go next to them; anything else (a stale version, a conflict…) above the buttons.
      const formFields = new Set(writableFields(register).map(([name]) => name));
      const all = isApiError(err) && err.status !== 409 ? err.fieldErrors() : {};
      const fields = Object.fromEntries(Object.entries(all).filter(([name]) => formFields.has(name)));
      setErrors(fields);
      if (Object.keys(fields).length === 0) setFailure(err);
      else focusFirstError();
    } finally {
      setBusy(false);
    }
  };

  const change = (name: string, v: FormValue) =>
    setValues((prev) => {
      const next = { ...prev, [name]: v };
      if (!optionsFor) return next;
      for (const [field, def] of writableFields(register)) {
        const options = def.kind === 'enum' ? optionsFor(field, next) : undefined;
        if (options && next[field] !== '' && !options.includes(String(next[field]))) next[field] = '';
      }
      return next;
    });
  const withOptions = (name: string, def: FieldDef): FieldDef => {
    const options = def.kind === 'enum' && optionsFor ? optionsFor(name, values) : undefined;
    return options ? { ...def, options } : def;
  };

  const stale = isApiError(failure) && failure.status === 409;
  return (
    <form className="form register-form" onSubmit={submit} noValidate aria-describedby="form-required-note">
      <p id="form-required-note" className="muted">
        {t('form.requiredNote')}
      </p>
      <div className="form__grid">
        {writableFields(register)
          .filter(([name]) => !hiddenFields.includes(name))
          .map(([name, def]) => (
            <RegisterFieldInput
              key={name}
              collection={register.collection}
              name={name}
              def={withOptions(name, def)}
              value={values[name] ?? ''}
              error={errors[name]}
              members={members}
              org={org}
              current={related[String(values[name] ?? '')]}
              onChange={(v) => change(name, v)}
            />
          ))}
      </div>
      {errors._form ? (
        <p className="alert alert--error" role="alert">
          {errors._form}
        </p>
      ) : null}
      {stale ? (
        <p className="alert alert--error" role="alert">
          {t('form.stale')}
        </p>
      ) : failure ? (
        <ErrorMessage error={failure} />
      ) : null}
      <div className="form__actions">
        <button type="submit" className="button button--primary" disabled={busy}>
          {busy
            ? t('form.saving')
            : record
              ? t('form.save')
              : t('form.create', { name: td(`${register.collection}.singular`) })}
        </button>
        <button type="button" className="button button--secondary" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}

function focusFirstError() {
  requestAnimationFrame(() => {
    const el = document.querySelector<HTMLElement>('.register-form [aria-invalid="true"]');
    el?.focus();
  });
}
