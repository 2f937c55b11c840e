import { useCallback, useEffect, useState, type ReactNode } from 'react';
import type { FieldDef, RegisterDef } from '../../schema/register/define-register.js';
import { useT } from '../i18n/i18n.js';
import { DateField, Select, TextField } from '../ui/fields.js';
import { Form } from '../ui/form.js';
import { useForm } from '../ui/use-form.js';
import type { Member } from '../lib/api-types.js';
import { optionLabel } from './field-value.js';
import type { RegisterSearch } from './register-search.js';
import { RecordOptions, RecordSearch } from './record-select.js';
import { Button } from '../ui/button.js';

interface Props {
  /** the organization, for filters that list records of another register */
  org?: string | undefined;
  register: RegisterDef;
  search: RegisterSearch;
  members: Member[];
  onChange: (patch: RegisterSearch) => void;
  /** fields not offered as filters (fixed by the page) */
  hidden?: string[] | undefined;
  /** filters of the page's own, after the field filters */
  extra?: ReactNode;
}

/** Search box and one filter per `filterable` field, all written to the URL. */
export function RegisterFilters({ org, register, search, members, onChange, hidden = [], extra }: Props) {
  const { t } = useT();
  const filterable = Object.entries(register.fields).filter(([name, d]) => d.filterable && !hidden.includes(name));
  return (
    <div className="filters" role="search" aria-label={t('register.filters')}>
      <SearchBox value={search.q ?? ''} onSubmit={(q) => onChange({ q: q || undefined })} />
      {filterable.map(([name, def]) => (
        <FieldFilter
          key={name}
          org={org}
          register={register}
          name={name}
          def={def}
          search={search}
          members={members}
          onChange={onChange}
        />
      ))}
      {extra}
    </div>
  );
}

/** The search box is a form of its own: Enter or the button applies it (the other filters apply as they change). */
function SearchBox({ value, onSubmit }: { value: string; onSubmit: (q: string) => void }) {
  const { t } = useT();
  const form = useForm({
    initial: { q: value },
    toBody: (v) => v.q.trim(),
    submit: async (q) => onSubmit(q),
  });
  // The URL changed under it (back button, a link): start again from it, keeping focus (React's "previous render" way).
  const [shown, setShown] = useState(value);
  if (shown !== value) {
    setShown(value);
    form.reset({ q: value });
  }
  return (
    <Form form={form} className="filters__search">
      <TextField
        label={t('register.search')}
        type="search"
        placeholder={t('register.searchPlaceholder')}
        {...form.field('q')}
      />
      <Button type="submit">{t('register.searchSubmit')}</Button>
    </Form>
  );
}

function FieldFilter({ org, register, name, def, search, members, onChange }: Props & { name: string; def: FieldDef }) {
  const i18n = useT();
  const { t, td } = i18n;
  const label = td(def.label);
  switch (def.kind) {
    case 'enum': {
      const value = search[name] ?? '';
      const options = def.options ?? [];
      const combined = value.includes(',');
      return (
        <Select label={label} value={value} onChange={(e) => onChange({ [name]: e.target.value || undefined })}>
          <option value="">{t('register.any')}</option>
          {combined ? (
            <option value={value}>
              {value
                .split(',')
                .map((o) => optionLabel(i18n, register.collection, name, o))
                .join(', ')}
            </option>
          ) : null}
          {options.map((o) => (
            <option key={o} value={o}>
              {optionLabel(i18n, register.collection, name, o)}
            </option>
          ))}
        </Select>
      );
    }
    case 'member':
      return (
        <Select
          label={label}
          value={search[name] ?? ''}
          onChange={(e) => onChange({ [name]: e.target.value || undefined })}
        >
          <option value="">{t('register.any')}</option>
          <option value="me">{t('register.me')}</option>
          {members.map((m) => (
            <option key={m.userId} value={m.userId}>
              {m.name || m.email}
            </option>
          ))}
        </Select>
      );
    case 'date':
      return (
        <>
          <DateField
            label={t('register.dateFrom', { field: label })}
            value={search[`${name}From`] ?? ''}
            onChange={(e) => onChange({ [`${name}From`]: e.target.value || undefined })}
          />
          <DateField
            label={t('register.dateTo', { field: label })}
            value={search[`${name}To`] ?? ''}
            onChange={(e) => onChange({ [`${name}To`]: e.target.value || undefined })}
          />
        </>
      );
    case 'record':
      return org ? (
        <RecordFilter
          org={org}
          label={label}
          def={def}
          value={search[name] ?? ''}
          onChange={(v) => onChange({ [name]: v || undefined })}
        />
      ) : null;
    case 'boolean':
      return (
        <Select
          label={label}
          value={search[name] ?? ''}
          onChange={(e) => onChange({ [name]: e.target.value || undefined })}
        >
          <option value="">{t('register.any')}</option>
          <option value="true">{t('common.yes')}</option>
          <option value="false">{t('common.no')}</option>
        </Select>
      );
    default:
      return (
        <TextFilter label={label} value={search[name] ?? ''} onSubmit={(v) => onChange({ [name]: v || undefined })} />
      );
  }
}

function TextFilter({ label, value, onSubmit }: { label: string; value: string; onSubmit: (v: string) => void }) {
  const [text, setText] = useState(value);
  useEffect(() => setText(value), [value]);
  return (
    <TextField
      label={label}
      value={text}
      onChange={(e) => setText(e.target.value)}
      onBlur={() => text !== value && onSubmit(text.trim())}
      onKeyDown={(e) => e.key === 'Enter' && onSubmit(text.trim())}
    />
  );
}

/** A filter on a `record` field: any, or one record of the target register (narrowed by a search box). */
function RecordFilter({
  org,
  label,
  def,
  value,
  onChange,
}: {
  org: string;
  label: string;
  def: FieldDef;
  value: string;
  onChange: (v: string) => void;
}) {
  const { t } = useT();
  const [q, setQ] = useState('');
  const onSearch = useCallback((text: string) => setQ(text), []);
  return (
    <Select
      label={label}
      fieldClassName="record-select"
      suffix={<RecordSearch label={label} onSearch={onSearch} />}
      value={value}
      onChange={(e) => onChange(e.target.value)}
    >
      <option value="">{t('register.any')}</option>
      <RecordOptions org={org} entity={def.target} q={q} value={value} current={undefined} />
    </Select>
  );
}
