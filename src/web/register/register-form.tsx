import { Fragment, useMemo, type ReactNode } from 'react';
import type { FieldDef, RegisterDef } from '../../schema/register/define-register.js';
import { useT } from '../i18n/i18n.js';
import type { RegisterRecord } from '../lib/api-types.js';
import { useMembers } from '../lib/members.js';
import { RegisterFieldInput, type FormValue } from './register-field-input.js';
import type { WithRelated } from './register-api.js';
import { Button } from '../ui/button.js';
import { Form, FormFailureMessage } from '../ui/form.js';
import { useForm } from '../ui/use-form.js';

interface Props {
  org: string;
  register: RegisterDef;
  /** editing this record; creating when absent */
  /** the record edited, as read (with the references of the records its fields point at) */
  record?: WithRelated<RegisterRecord>;
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
  /** whether a field shows given the other values (e.g. a reason only when not measurable); a new record omits those hidden */
  showField?: (name: string, values: Record<string, FormValue>) => boolean;
  /** checks across fields the register's schema cannot express (e.g. a formula's keys), keyed by field */
  check?: (values: FormValues) => Record<string, string>;
  /** what a field shows under it given the values so far (e.g. a live check of a formula) */
  fieldNote?: (name: string, values: FormValues) => ReactNode;
}

export type FormValues = Record<string, FormValue>;

/** The fields a person writes (not the server-kept ones), for forms built from a register. */
export function writableFields(register: RegisterDef): Array<[string, FieldDef]> {
  return Object.entries(register.fields).filter(([, d]) => !d.readOnly);
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
  if (def.kind === 'integer' || def.kind === 'number') return Number(v);
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
  showField,
  check,
  fieldNote,
}: Props) {
  const { t, td } = useT();
  const members = useMembers(org).data?.items ?? [];
  const initial = useMemo(() => initialValues(register, record, defaults), [register, record, defaults]);
  const related = record?.related ?? {};

  const form = useForm({
    initial,
    schema: record ? register.updateSchema : register.createSchema,
    toBody: (values: FormValues) => {
      const body: Record<string, unknown> = {};
      for (const [name, def] of writableFields(register)) {
        const v = values[name] ?? '';
        if (record) {
          if (v === initial[name]) continue; // PATCH only what changed
          body[name] = toApiValue(def, v);
        } else if (showField && !showField(name, values)) {
          continue;
        } else if (v !== '' && !(def.kind === 'boolean' && v === false && def.default === undefined)) {
          body[name] = toApiValue(def, v);
        }
      }
      if (record) body.expectedVersion = record.version;
      return body;
    },
    submit: (body) => onSubmit(body),
    check: check && ((values) => check(values)),
    fields: writableFields(register).map(([name]) => name),
    versioned: !!record,
  });
  const values = form.values;

  const change = (name: string, v: FormValue) =>
    form.update(
      (prev) => {
        const next = { ...prev, [name]: v };
        if (!optionsFor) return next;
        for (const [field, def] of writableFields(register)) {
          const options = def.kind === 'enum' ? optionsFor(field, next) : undefined;
          if (options && next[field] !== '' && !options.includes(String(next[field]))) next[field] = '';
        }
        return next;
      },
      [name],
    );
  const withOptions = (name: string, def: FieldDef): FieldDef => {
    const options = def.kind === 'enum' && optionsFor ? optionsFor(name, values) : undefined;
    return options ? { ...def, options } : def;
  };

  return (
    <Form form={form} className="form register-form" aria-describedby="form-required-note">
      <p id="form-required-note" className="muted">
        {t('form.requiredNote')}
      </p>
      <div className="form__grid">
        {writableFields(register)
          .filter(([name]) => !hiddenFields.includes(name) && (showField?.(name, values) ?? true))
          .map(([name, def]) => (
            <Fragment key={name}>
              <RegisterFieldInput
                collection={register.collection}
                name={name}
                def={withOptions(name, def)}
                value={values[name] ?? ''}
                error={form.errors[name]}
                members={members}
                org={org}
                current={related[String(values[name] ?? '')]}
                onChange={(v) => change(name, v)}
              />
              {fieldNote?.(name, values)}
            </Fragment>
          ))}
      </div>
      {form.errors._form ? (
        <p className="alert alert--error" role="alert">
          {form.errors._form}
        </p>
      ) : null}
      <FormFailureMessage form={form} />
      <div className="form__actions">
        <Button type="submit" variant="primary" busy={form.submitting}>
          {form.submitting
            ? t('form.saving')
            : record
              ? t('form.save')
              : t('form.create', { name: td(`${register.collection}.singular`) })}
        </Button>
        <Button onClick={onCancel}>{t('common.cancel')}</Button>
      </div>
    </Form>
  );
}
