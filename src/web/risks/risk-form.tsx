import { useMemo, useState } from 'react';
import { riskRegister, type RiskRecord } from '../../schema/risks/risk.register.js';
import { useT } from '../i18n/i18n.js';
import { isApiError } from '../lib/api-client.js';
import { useMembers } from '../lib/members.js';
import { CheckboxField } from '../ui/form-field.js';
import type { PickedRecord } from '../register/record-combobox.js';
import type { WithRelated } from '../register/register-api.js';
import { RegisterFieldInput, type FormValue } from '../register/register-field-input.js';
import { initialValues, toApiValue, writableFields, type FormValues } from '../register/register-form.js';
import { NoMethodologyNotice } from './methodology-link.js';
import { RiskAnalysisFields } from './risk-analysis-fields.js';
import { RiskIdentificationFields } from './risk-identification-fields.js';
import { Button } from '../ui/button.js';
import { Form, FormFailureMessage } from '../ui/form.js';
import { useForm } from '../ui/use-form.js';
import type { MethodologyInForce } from '../../schema/risks/risks.responses.js';

export interface RiskFormResult {
  body: Record<string, unknown>;
  /** the chosen assets when they changed (asset-threat-vulnerability approach), else null */
  assetIds: string[] | null;
}

interface Props {
  org: string;
  /** editing this risk; creating when absent */
  record?: WithRelated<RiskRecord> | undefined;
  inForce: MethodologyInForce | null;
  initialAssets: PickedRecord[];
  defaults?: Record<string, string> | undefined;
  onSubmit: (result: RiskFormResult) => Promise<unknown>;
  onCancel: () => void;
}

const ANALYSIS = [
  'likelihood',
  'consequence',
  'consequenceC',
  'consequenceI',
  'consequenceA',
  'rationale',
  'priorityOverride',
];
const CIA = ['affectsConfidentiality', 'affectsIntegrity', 'affectsAvailability'] as const;

/**
 * A risk from identification to evaluation: what could happen (event scenario or assets, threat and vulnerability),
 * which of C/I/A it affects, its owner and existing controls, and the analysis on the methodology's scales.
 */
export function RiskForm({ org, record, inForce, initialAssets, defaults, onSubmit, onCancel }: Props) {
  const { t, td } = useT();
  const members = useMembers(org).data?.items ?? [];
  const initial = useMemo(() => initialValues(riskRegister, record, defaults), [record, defaults]);
  const related = record?.related ?? {};
  const [assets, setAssets] = useState<PickedRecord[]>(initialAssets);
  const fields = writableFields(riskRegister);
  const formFields = new Set([...fields.map(([n]) => n), 'assetIds']);
  const assetsChanged = () => {
    const before = initialAssets
      .map((a) => a.id)
      .sort()
      .join();
    return (
      assets
        .map((a) => a.id)
        .sort()
        .join() !== before
    );
  };

  const form = useForm({
    initial,
    schema: record ? riskRegister.updateSchema : riskRegister.createSchema,
    toBody: (values: FormValues) => {
      const body: Record<string, unknown> = {};
      for (const [name, def] of fields) {
        if (!inForce && ANALYSIS.slice(0, 5).includes(name)) continue;
        const v = values[name] ?? '';
        if (record) {
          if (v !== initial[name]) body[name] = toApiValue(def, v);
        } else if (v !== '' && !(def.kind === 'boolean' && v === false && def.default === undefined)) {
          body[name] = toApiValue(def, v);
        }
      }
      if (record) body.expectedVersion = record.version;
      return body;
    },
    submit: (body, values) =>
      onSubmit({ body, assetIds: values.approach === 'asset' && assetsChanged() ? assets.map((a) => a.id) : null }),
    // `assetIds.0` (one of the chosen assets) is said next to the assets
    serverErrors: (err) =>
      Object.fromEntries(
        Object.entries(isApiError(err) ? err.fieldErrors() : {}).map(([name, msg]) => [
          name.split('.')[0] ?? name,
          msg,
        ]),
      ),
    fields: [...formFields],
    versioned: !!record,
  });
  const values = form.values;
  const errors = form.errors;
  const set = (name: string, value: FormValue) => form.update((prev) => ({ ...prev, [name]: value }), [name]);

  const input = (name: string) => {
    const def = riskRegister.fields[name as keyof typeof riskRegister.fields];
    return (
      <RegisterFieldInput
        key={name}
        collection={riskRegister.collection}
        name={name}
        def={def}
        value={values[name] ?? ''}
        error={errors[name]}
        members={members}
        org={org}
        onChange={(v) => set(name, v)}
      />
    );
  };

  return (
    <Form form={form} className="form register-form risk-form" aria-describedby="form-required-note">
      <p id="form-required-note" className="muted">
        {t('form.requiredNote')}
      </p>
      <RiskIdentificationFields
        org={org}
        values={values}
        errors={errors}
        set={set}
        members={members}
        related={related}
        assets={assets}
        setAssets={setAssets}
      />
      <fieldset className="risk-form__section">
        <legend>{t('risks.form.cia')}</legend>
        <p className="muted small">{t('risks.form.ciaLead')}</p>
        <div className="cia-choice">
          {CIA.map((name) => (
            <CheckboxField key={name} label={td(riskRegister.fields[name].label)}>
              <input
                type="checkbox"
                name={name}
                checked={values[name] === true}
                onChange={(e) => set(name, e.target.checked)}
              />
            </CheckboxField>
          ))}
        </div>
      </fieldset>
      <fieldset className="risk-form__section">
        <legend>{t('risks.form.ownership')}</legend>
        <div className="form__grid">
          {input('ownerId')}
          {record ? input('status') : null}
          {input('existingControls')}
        </div>
      </fieldset>
      {inForce ? (
        <RiskAnalysisFields org={org} inForce={inForce} values={values} errors={errors} set={set} />
      ) : (
        <fieldset className="risk-form__section">
          <legend>{t('risks.form.analysis')}</legend>
          <NoMethodologyNotice org={org} what="form" />
        </fieldset>
      )}
      <FormFailureMessage form={form} />
      <div className="form__actions">
        <Button type="submit" variant="primary" busy={form.submitting}>
          {form.submitting
            ? t('form.saving')
            : record
              ? t('form.save')
              : t('form.create', { name: td('risks.singular') })}
        </Button>
        <Button onClick={onCancel}>{t('common.cancel')}</Button>
      </div>
    </Form>
  );
}
