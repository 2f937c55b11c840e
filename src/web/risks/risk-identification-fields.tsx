import { useId } from 'react';
import { RISK_APPROACHES, riskRegister } from '../../schema/risks/risk.register.js';
import { useT } from '../i18n/i18n.js';
import type { Member } from '../lib/api-types.js';
import { PickedList, RecordCombobox, type PickedRecord } from '../register/record-combobox.js';
import type { RelatedMap } from '../register/record-select.js';
import { RegisterFieldInput, type FormValue } from '../register/register-field-input.js';
import type { FormValues } from '../register/register-form.js';

interface Props {
  org: string;
  values: FormValues;
  errors: Record<string, string>;
  set: (name: string, value: FormValue) => void;
  members: Member[];
  related: RelatedMap;
  assets: PickedRecord[];
  setAssets: (next: PickedRecord[]) => void;
}

const EVENT_FIELDS = ['riskSource', 'event', 'cause', 'consequenceDescription'] as const;

/**
 * Identification (27001 6.1.2 c, 27003 6.1.2): the two approaches as equal choices: an event scenario (source,
 * event, cause, consequence), or the assets concerned with a threat and the vulnerability it exploits.
 */
export function RiskIdentificationFields({ org, values, errors, set, members, related, assets, setAssets }: Props) {
  const { t, td } = useT();
  const name = useId();
  const approach = values.approach === 'asset' ? 'asset' : 'event';
  const input = (field: string) => {
    const def = riskRegister.fields[field as keyof typeof riskRegister.fields];
    return (
      <RegisterFieldInput
        key={field}
        collection={riskRegister.collection}
        name={field}
        def={def}
        value={values[field] ?? ''}
        error={errors[field]}
        members={members}
        org={org}
        current={related[String(values[field] ?? '')]}
        onChange={(v) => set(field, v)}
      />
    );
  };
  return (
    <fieldset className="risk-form__section">
      <legend>{t('risks.form.identification')}</legend>
      <div className="form__grid">
        {input('title')}
        {input('description')}
      </div>
      <fieldset className="approach-choice">
        <legend>{td(riskRegister.fields.approach.label)}</legend>
        <div className="approach-choice__options">
          {RISK_APPROACHES.map((a) => (
            <label key={a} className={`approach-card${approach === a ? ' approach-card--on' : ''}`}>
              <input
                type="radio"
                name={name}
                value={a}
                checked={approach === a}
                onChange={() => set('approach', a)}
                aria-labelledby={`${name}-${a}`}
                aria-describedby={`${name}-${a}-help`}
              />
              <span className="approach-card__text">
                <span className="approach-card__title" id={`${name}-${a}`}>
                  {t(`risks.approach.${a}`)}
                </span>
                <span className="approach-card__help" id={`${name}-${a}-help`}>
                  {t(`risks.form.approachHelp.${a}`)}
                </span>
              </span>
            </label>
          ))}
        </div>
      </fieldset>
      {approach === 'event' ? (
        <div className="form__grid risk-form__approach" role="group" aria-label={t('risks.approach.event')}>
          {EVENT_FIELDS.map((f) => input(f))}
        </div>
      ) : (
        <div className="risk-form__approach" role="group" aria-label={t('risks.approach.asset')}>
          <div className="risk-assets">
            <RecordCombobox
              org={org}
              entity="asset"
              collection="assets"
              label={t('risks.form.assets')}
              help={t('risks.form.assetsHelp')}
              error={errors.assetIds}
              exclude={assets.map((a) => a.id)}
              onPick={(r) => setAssets([...assets, r])}
            />
            <PickedList
              items={assets}
              label={t('risks.form.assetsChosen')}
              onRemove={(id) => setAssets(assets.filter((a) => a.id !== id))}
            />
          </div>
          <div className="form__grid">
            {input('threatId')}
            {input('vulnerabilityId')}
          </div>
        </div>
      )}
    </fieldset>
  );
}
