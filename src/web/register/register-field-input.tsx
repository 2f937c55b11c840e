import type { FieldDef } from '../../schema/register/define-register.js';
import { useT } from '../i18n/i18n.js';
import { CheckboxField, FormField } from '../components/form-field.js';
import type { Member } from '../lib/api-types.js';
import { optionLabel } from './field-value.js';

export type FormValue = string | boolean;

interface Props {
  collection: string;
  name: string;
  def: FieldDef;
  value: FormValue;
  error: string | undefined;
  members: Member[];
  onChange: (value: FormValue) => void;
}

/** One form control chosen by the field's kind: text→input, longtext→textarea, enum→select, date, member, boolean. */
export function RegisterFieldInput({ collection, name, def, value, error, members, onChange }: Props) {
  const i18n = useT();
  const { t, td } = i18n;
  const label = td(def.label);
  const help = def.help ? td(def.help) : undefined;
  const text = typeof value === 'string' ? value : '';
  const common = { name, required: def.required, onChange: (e: { target: { value: string } }) => onChange(e.target.value) };

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
            {def.required ? null : <option value="">{t('common.none')}</option>}
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
