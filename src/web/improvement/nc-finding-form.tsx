import {
  GRADED_SOURCES,
  NC_GRADES,
  NC_SOURCES,
  nonconformityRegister,
  type NonconformityRecord,
} from '../../schema/improvement/nonconformity.register.js';
import { useT } from '../i18n/i18n.js';
import { useMembers } from '../lib/members.js';
import { useSession } from '../lib/session.js';
import { optionLabel } from '../register/field-value.js';
import { useRegisterMutations } from '../register/register-api.js';
import { Button } from '../ui/button.js';
import { DateField, Select, TextArea, TextField } from '../ui/fields.js';
import { Form, FormFailureMessage } from '../ui/form.js';
import { useForm } from '../ui/use-form.js';
import { RequirementPicker } from './requirement-picker.js';

const today = () => new Date().toISOString().slice(0, 10);
const C = nonconformityRegister.collection;
const f = nonconformityRegister.fields;

interface Values {
  source: string;
  title: string;
  description: string;
  requirementKey: string;
  grade: string;
  foundBy: string;
  foundOn: string;
  ownerId: string;
  dueDate: string;
}

const KEYS = [
  'source',
  'title',
  'description',
  'requirementKey',
  'grade',
  'foundBy',
  'foundOn',
  'ownerId',
  'dueDate',
] as const;

/**
 * What was found (10.2): where, what, the 27001 requirement not fulfilled, its grade (required for an audit's), who
 * found it and when, who handles it. Creates a nonconformity, or edits one (`record`: sends the version it read;
 * a field emptied is cleared). The steps of its handling are not here: each is its own card on its page.
 */
export function NcFindingForm({
  org,
  record,
  onSaved,
  onCancel,
}: {
  org: string;
  record?: NonconformityRecord | undefined;
  onSaved: (saved: NonconformityRecord) => Promise<void>;
  onCancel: () => void;
}) {
  const i18n = useT();
  const { t, td } = i18n;
  const me = useSession()?.user.id ?? '';
  const members = useMembers(org).data?.items ?? [];
  const { create, update } = useRegisterMutations(org, nonconformityRegister);
  const initial: Values = record
    ? {
        source: record.source ?? '',
        title: record.title ?? '',
        description: record.description ?? '',
        requirementKey: record.requirementKey ?? '',
        grade: record.grade ?? '',
        foundBy: record.foundBy ?? '',
        foundOn: record.foundOn ?? '',
        ownerId: record.ownerId ?? '',
        dueDate: record.dueDate ?? '',
      }
    : {
        source: '',
        title: '',
        description: '',
        requirementKey: '',
        grade: '',
        foundBy: me,
        foundOn: today(),
        ownerId: '',
        dueDate: '',
      };
  const form = useForm({
    initial,
    schema: record ? nonconformityRegister.updateSchema : nonconformityRegister.createSchema,
    // a new one sends what was filled in (the server keeps its defaults); an edit clears what was emptied
    toBody: (v: Values) => {
      const out: Record<string, unknown> = record ? { expectedVersion: record.version } : {};
      for (const k of KEYS) {
        const value = k === 'title' ? v[k].trim() : v[k];
        if (value.trim()) out[k] = value;
        else if (record && k !== 'title' && k !== 'source') out[k] = null;
      }
      return out;
    },
    check: (v): Record<string, string> =>
      GRADED_SOURCES.includes(v.source) && !v.grade ? { grade: t('nc.gradeRequired') } : {},
    submit: (body) => (record ? update.mutateAsync({ id: record.id, body }) : create.mutateAsync(body)),
    onSuccess: onSaved,
    versioned: !!record,
  });
  const member = (name: 'foundBy' | 'ownerId') => (
    <Select label={td(f[name].label)} {...form.field(name)}>
      <option value="">{t('common.choose')}</option>
      {members.map((m) => (
        <option key={m.userId} value={m.userId}>
          {m.name || m.email}
        </option>
      ))}
    </Select>
  );
  return (
    <Form form={form} className="form" aria-labelledby="page-title">
      <div className="form__grid">
        <Select label={td(f.source.label)} required {...form.field('source')}>
          <option value="">{t('common.choose')}</option>
          {NC_SOURCES.map((s) => (
            <option key={s} value={s}>
              {optionLabel(i18n, C, 'source', s)}
            </option>
          ))}
        </Select>
        <Select
          label={td(f.grade.label)}
          help={td(f.grade.help ?? '')}
          required={GRADED_SOURCES.includes(form.values.source)}
          {...form.field('grade')}
        >
          <option value="">{t('common.choose')}</option>
          {NC_GRADES.map((g) => (
            <option key={g} value={g}>
              {optionLabel(i18n, C, 'grade', g)}
            </option>
          ))}
        </Select>
        <TextField
          label={td(f.title.label)}
          required
          fieldClassName="field--wide"
          maxLength={200}
          {...form.field('title')}
        />
        <TextArea
          label={td(f.description.label)}
          fieldClassName="field--wide"
          rows={4}
          maxLength={f.description.maxLength}
          {...form.field('description')}
        />
        <RequirementPicker
          label={td(f.requirementKey.label)}
          help={t('nc.requirement.help')}
          {...form.field('requirementKey')}
        />
        {member('foundBy')}
        <DateField label={td(f.foundOn.label)} max={today()} {...form.field('foundOn')} />
        {member('ownerId')}
        <DateField label={td(f.dueDate.label)} help={td(f.dueDate.help ?? '')} {...form.field('dueDate')} />
      </div>
      <FormFailureMessage form={form} />
      <div className="form__actions">
        <Button type="submit" variant="primary" busy={form.submitting}>
          {form.submitting ? t('form.saving') : record ? t('form.save') : t('nc.report')}
        </Button>
        <Button onClick={onCancel}>{t('common.cancel')}</Button>
      </div>
    </Form>
  );
}
