import type { FieldDef } from '../../schema/register/define-register.js';
import { useT } from '../i18n/i18n.js';
import { CheckboxField, FormField } from '../ui/form-field.js';
import type { Member } from '../lib/api-types.js';
import { useCallback, useState } from 'react';
import { optionLabel } from './field-value.js';
import { RecordOptions, RecordSearch, type RelatedRecord } from './record-select.js';

export type FormValue = string | boolean;

interface Props {
  collection: string;
  name: string;
  def: FieldDef;
  value: FormValue;
  error: string | undefined;
  members: Member[];
  onChange: (value: FormValue) => void;
  /** for `record` fields: the organization whose records are offered, and the current value's ref and title */
  org?: string | undefined;
  current?: RelatedRecord | undefined;
}

/** One form control chosen by the field's kind: text→input, longtext→textarea, enum→select, date, member, boolean. */
export function RegisterFieldInput({ collection, name, def, value, error, members, onChange, org, current }: Props) {
  const i18n = useT();
  const { t, td } = i18n;
  const label = td(def.label);
  const help = def.help ? td(def.help) : undefined;
  const text = typeof value === 'string' ? value : '';
  const common = {
    name,
    required: def.required,
    onChange: (e: { target: { value: string } }) => onChange(e.target.value),
  };

  switch (def.kind) {
    case 'longtext':
      return (
        <FormField label={label} help={help} error={error} required={def.required} className="field--wide">
          <textarea {...common} value={text} rows={4} maxLength={def.maxLength} />
        </FormField>
      );
    case 'enum':
      return (
        <FormField label={label} help={help} error={error} required={def.required}>
          <select {...common} value={text}>
            {/* a required choice not made yet shows as such, instead of the browser silently showing the first option */}
            {def.required ? (
              text === '' ? (
                <option value="">{t('common.choose')}</option>
              ) : null
            ) : (
              <option value="">{t('common.none')}</option>
            )}
            {(def.options ?? []).map((o) => (
              <option key={o} value={o}>
                {optionLabel(i18n, collection, name, o)}
              </option>
            ))}
          </select>
        </FormField>
      );
    case 'date':
      return (
        <FormField label={label} help={help} error={error} required={def.required}>
          <input {...common} type="date" value={text} />
        </FormField>
      );
    case 'member':
      return (
        <FormField label={label} help={help} error={error} required={def.required}>
          <select {...common} value={text}>
            <option value="">{def.required ? t('common.choose') : t('common.nobody')}</option>
            {members.map((m) => (
              <option key={m.userId} value={m.userId}>
                {m.name ? `${m.name} (${m.email})` : m.email}
              </option>
            ))}
          </select>
        </FormField>
      );
    case 'record':
      return (
        <RecordInput
          label={label}
          help={help}
          error={error}
          def={def}
          name={name}
          value={text}
          org={org ?? ''}
          current={current}
          onChange={onChange}
        />
      );
    case 'boolean':
      return (
        <CheckboxField label={label} help={help} error={error}>
          <input type="checkbox" name={name} checked={value === true} onChange={(e) => onChange(e.target.checked)} />
        </CheckboxField>
      );
    case 'integer':
      return (
        <FormField label={label} help={help} error={error} required={def.required}>
          <input {...common} type="number" inputMode="numeric" value={text} min={def.min} max={def.max} step={1} />
        </FormField>
      );
    case 'number':
      return (
        <FormField label={label} help={help} error={error} required={def.required}>
          <input {...common} type="number" inputMode="decimal" value={text} min={def.min} max={def.max} step="any" />
        </FormField>
      );
    default:
      return (
        <FormField
          label={label}
          help={help}
          error={error}
          required={def.required}
          className={name === 'title' ? 'field--wide' : undefined}
        >
          <input {...common} value={text} maxLength={def.maxLength ?? 200} />
        </FormField>
      );
  }
}

interface RecordInputProps {
  label: string;
  help: string | undefined;
  error: string | undefined;
  def: FieldDef;
  name: string;
  value: string;
  org: string;
  current: RelatedRecord | undefined;
  onChange: (value: FormValue) => void;
}

/** A `record` field: a select of the target register's records (`REF — title`), narrowed by a search box. */
function RecordInput({ label, help, error, def, name, value, org, current, onChange }: RecordInputProps) {
  const { t } = useT();
  const [q, setQ] = useState('');
  const onSearch = useCallback((text: string) => setQ(text), []);
  return (
    <FormField
      label={label}
      help={help}
      error={error}
      required={def.required}
      className="record-select"
      suffix={<RecordSearch label={label} onSearch={onSearch} />}
    >
      <select name={name} required={def.required} value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">{def.required ? t('common.choose') : t('common.none')}</option>
        <RecordOptions org={org} entity={def.target} q={q} value={value} current={current} />
      </select>
    </FormField>
  );
}
