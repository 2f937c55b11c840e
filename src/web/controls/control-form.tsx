import { useMemo, type ReactNode } from 'react';
import { controlRegister, type ControlRecord } from '../../schema/controls/control.register.js';
import { useT } from '../i18n/i18n.js';
import { useMembers } from '../lib/members.js';
import { FieldValue } from '../register/field-value.js';
import type { WithRelated } from '../register/register-api.js';
import { RegisterFieldInput, type FormValue } from '../register/register-field-input.js';
import { initialValues, toApiValue, writableFields, type FormValues } from '../register/register-form.js';
import { CATALOG_FIELDS, shownFields } from './control-fields.js';
import { Button } from '../ui/button.js';
import { Form, FormFailureMessage } from '../ui/form.js';
import { useForm } from '../ui/use-form.js';

interface Props {
  org: string;
  /** editing this control; creating a custom one when absent */
  record?: WithRelated<ControlRecord> | undefined;
  onSubmit: (body: Record<string, unknown>) => Promise<unknown>;
  onCancel: () => void;
}

const f = controlRegister.fields;
const CATALOG = CATALOG_FIELDS;

/**
 * A control as its SoA line: the control itself (read-only wording for Annex A controls), its applicability with
 * the reasons or the justification of its exclusion, and its implementation.
 */
export function ControlForm({ org, record, onSubmit, onCancel }: Props) {
  const { t, td } = useT();
  const members = useMembers(org).data?.items ?? [];
  const initial = useMemo(() => initialValues(controlRegister, record), [record]);
  const related = record?.related ?? {};
  const annex = !!record && record.source !== 'custom';
  const form = useForm({
    initial,
    schema: record ? controlRegister.updateSchema : controlRegister.createSchema,
    toBody: (values: FormValues) => {
      const visible = shownFields(values, annex);
      const body: Record<string, unknown> = {};
      for (const [name, def] of writableFields(controlRegister)) {
        // hidden fields are the server's to clear (an exclusion reason once the control is applicable again)
        if (!visible.has(name)) continue;
        const v = values[name] ?? '';
        if (record) {
          if (v !== initial[name]) body[name] = toApiValue(def, v);
        } else if (v !== '') body[name] = toApiValue(def, v);
      }
      if (record) body.expectedVersion = record.version;
      return body;
    },
    submit: (body) => onSubmit(body),
    fields: (values) => shownFields(values, annex),
    versioned: !!record,
  });
  const values = form.values;
  const shown = shownFields(values, annex);
  const set = (name: string, v: FormValue) => form.update((prev) => ({ ...prev, [name]: v }), [name]);

  const input = (name: keyof typeof f) =>
    shown.has(name) ? (
      <RegisterFieldInput
        key={name}
        collection={controlRegister.collection}
        name={name}
        def={f[name]}
        value={values[name] ?? ''}
        error={form.errors[name]}
        members={members}
        org={org}
        current={related[String(values[name] ?? '')]}
        onChange={(v) => set(name, v)}
      />
    ) : null;

  return (
    <Form form={form} className="form register-form control-form" aria-describedby="form-required-note">
      <p id="form-required-note" className="muted">
        {t('form.requiredNote')}
      </p>
      <Section legend={t('controls.form.control')}>
        {annex && record ? (
          <>
            <dl className="detail__fields">
              {CATALOG.map((name) => (
                <div key={name} className={name === 'theme' ? 'detail__row' : 'detail__row detail__row--wide'}>
                  <dt>{td(f[name].label)}</dt>
                  <dd>
                    <FieldValue
                      collection={controlRegister.collection}
                      name={name}
                      def={f[name]}
                      value={record[name]}
                      memberNames={new Map()}
                    />
                  </dd>
                </div>
              ))}
            </dl>
            <p className="muted small">{t('controls.form.annexReadOnly')}</p>
          </>
        ) : (
          <div className="form__grid">
            {input('title')}
            {input('theme')}
            {input('description')}
          </div>
        )}
      </Section>
      <Section legend={t('controls.form.decision')} lead={t('controls.form.decisionLead')}>
        <div className="form__grid">
          {input('applicability')}
          {input('statedReason')}
          {input('exclusionReason')}
          {input('replacedById')}
          {input('exclusionExplanation')}
        </div>
      </Section>
      <Section legend={t('controls.form.implementation')}>
        <div className="form__grid">
          {input('ownerId')}
          {input('implementationStatus')}
          {input('plannedDate')}
          {input('implementation')}
        </div>
      </Section>
      <FormFailureMessage form={form} />
      <div className="form__actions">
        <Button type="submit" variant="primary" busy={form.submitting}>
          {form.submitting
            ? t('form.saving')
            : record
              ? t('form.save')
              : t('form.create', { name: td('controls.singular') })}
        </Button>
        <Button onClick={onCancel}>{t('common.cancel')}</Button>
      </div>
    </Form>
  );
}

function Section({ legend, lead, children }: { legend: string; lead?: string; children: ReactNode }) {
  return (
    <fieldset className="control-form__section">
      <legend>{legend}</legend>
      {lead ? <p className="muted small">{lead}</p> : null}
      {children}
    </fieldset>
  );
}
