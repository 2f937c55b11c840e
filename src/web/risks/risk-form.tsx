import { useMemo, useState, type FormEvent } from 'react';
import { riskRegister } from '../../schema/risks/risk.register.js';
import { useT } from '../i18n/i18n.js';
import { isApiError } from '../lib/api-client.js';
import type { RegisterRecord } from '../lib/api-types.js';
import { zodFieldErrors } from '../lib/form-errors.js';
import { useMembers } from '../lib/members.js';
import { CheckboxField } from '../components/form-field.js';
import { ErrorMessage } from '../components/status.js';
import type { PickedRecord } from '../register/record-combobox.js';
import type { RelatedMap } from '../register/record-select.js';
import { RegisterFieldInput, type FormValue } from '../register/register-field-input.js';
import { initialValues, toApiValue, writableFields, type FormValues } from '../register/register-form.js';
import { NoMethodologyNotice } from './methodology-link.js';
import { RiskAnalysisFields } from './risk-analysis-fields.js';
import { RiskIdentificationFields } from './risk-identification-fields.js';
import type { MethodologyInForce } from '../../schema/risks/risks.responses.js';

export interface RiskFormResult {
  body: Record<string, unknown>;
  /** the chosen assets when they changed (asset-threat-vulnerability approach), else null */
  assetIds: string[] | null;
}

interface Props {
  org: string;
  /** editing this risk; creating when absent */
  record?: RegisterRecord | undefined;
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
  const i18n = useT();
  const { t, td } = i18n;
  const members = useMembers(org).data?.items ?? [];
  const initial = useMemo(() => initialValues(riskRegister, record, defaults), [record, defaults]);
  const related = (record?.related ?? {}) as RelatedMap;
  const [values, setValues] = useState<FormValues>(initial);
  const [assets, setAssets] = useState<PickedRecord[]>(initialAssets);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const set = (name: string, value: FormValue) => setValues((prev) => ({ ...prev, [name]: value }));
  const fields = writableFields(riskRegister);
  const formFields = new Set([...fields.map(([n]) => n), 'assetIds']);

  const buildBody = (): Record<string, unknown> => {
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
  };
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

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setFailure(null);
    const body = buildBody();
    const parsed = (record ? riskRegister.updateSchema : riskRegister.createSchema).safeParse(body);
    if (!parsed.success) {
      setErrors(zodFieldErrors(i18n, parsed.error));
      focusFirstError();
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      await onSubmit({
        body,
        assetIds: values.approach === 'asset' && assetsChanged() ? assets.map((a) => a.id) : null,
      });
    } catch (err) {
      const all = isApiError(err) ? err.fieldErrors() : {};
      const onFields = Object.fromEntries(
        Object.entries(all)
          .filter(([name]) => formFields.has(name.split('.')[0]!))
          .map(([name, msg]) => [name.split('.')[0]!, msg]),
      );
      setErrors(onFields);
      if (Object.keys(onFields).length === 0 || all.expectedVersion) setFailure(err);
      else focusFirstError();
    } finally {
      setBusy(false);
    }
  };

  const stale = isApiError(failure) && failure.fieldErrors().expectedVersion !== undefined;
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
    <form className="form register-form risk-form" onSubmit={submit} noValidate aria-describedby="form-required-note">
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
      {stale ? (
        <p className="alert alert--error" role="alert">
          {t('form.stale')}
        </p>
      ) : failure ? (
        <ErrorMessage error={failure} />
      ) : null}
      <div className="form__actions">
        <button type="submit" className="button button--primary" disabled={busy}>
          {busy ? t('form.saving') : record ? t('form.save') : t('form.create', { name: td('risks.singular') })}
        </button>
        <button type="button" className="button button--secondary" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}

function focusFirstError() {
  requestAnimationFrame(() => document.querySelector<HTMLElement>('.risk-form [aria-invalid="true"]')?.focus());
}
