import { useNavigate, getRouteApi } from '@tanstack/react-router';
import {
  GRADED_SOURCES,
  NC_GRADES,
  NC_SOURCES,
  nonconformityRegister,
} from '../../schema/improvement/nonconformity.register.js';
import { useT } from '../i18n/i18n.js';
import { useMembers } from '../lib/members.js';
import { useOrg, useSession } from '../lib/session.js';
import { useDocumentTitle } from '../lib/use-document-title.js';
import { optionLabel } from '../register/field-value.js';
import { useRegisterMutations } from '../register/register-api.js';
import { Button } from '../ui/button.js';
import { DateField, Select, TextArea, TextField } from '../ui/fields.js';
import { Form, FormFailureMessage } from '../ui/form.js';
import { PageHeader } from '../ui/page-header.js';
import { useForm } from '../ui/use-form.js';
import { ImprovementBreadcrumb } from './nc-parts.js';
import { RequirementPicker } from './requirement-picker.js';
import './improvement.css';

const route = getRouteApi('/o/$org/nonconformities/new');
const today = () => new Date().toISOString().slice(0, 10);
const C = nonconformityRegister.collection;

interface Values {
  source: string;
  title: string;
  description: string;
  requirementKey: string;
  grade: string;
  foundBy: string;
  foundOn: string;
  ownerId: string;
}

/** Only what was filled in: the server keeps its defaults for the rest (found today, status reported). */
function toBody(v: Values): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, value] of Object.entries(v)) if (value.trim()) out[k] = k === 'title' ? value.trim() : value;
  return out;
}

/**
 * "Report a nonconformity" (10.2): where it was found, what, the 27001 requirement it does not fulfil, its grade
 * (required for an audit's), who found it and when, who handles it. Links to controls, documents and 4.2
 * requirements are added on its page.
 */
export function NonconformityNewPage() {
  const i18n = useT();
  const { t, td } = i18n;
  const { org } = route.useParams();
  const navigate = useNavigate();
  const me = useSession()?.user.id ?? '';
  const members = useMembers(org).data?.items ?? [];
  const { create } = useRegisterMutations(org, nonconformityRegister);
  const f = nonconformityRegister.fields;
  useDocumentTitle(t('nc.new'), useOrg(org).data?.name);
  const form = useForm({
    initial: {
      source: '',
      title: '',
      description: '',
      requirementKey: '',
      grade: '',
      foundBy: me,
      foundOn: today(),
      ownerId: '',
    } satisfies Values,
    schema: nonconformityRegister.createSchema,
    toBody,
    check: (v): Record<string, string> =>
      GRADED_SOURCES.includes(v.source) && !v.grade ? { grade: t('nc.gradeRequired') } : {},
    submit: (body) => create.mutateAsync(body),
    onSuccess: async (record) => {
      await navigate({
        to: '/o/$org/nonconformities/$id',
        params: { org, id: record.id },
        search: { created: '1' },
      });
    },
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
    <section className="page page--narrow" aria-labelledby="page-title">
      <PageHeader
        breadcrumb={<ImprovementBreadcrumb org={org} area="nonconformities" />}
        title={t('nc.new')}
        description={t('nc.newLead')}
      />
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
        </div>
        <FormFailureMessage form={form} />
        <div className="form__actions">
          <Button type="submit" variant="primary" busy={form.submitting}>
            {form.submitting ? t('form.saving') : t('nc.report')}
          </Button>
          <Button onClick={() => void navigate({ to: '/o/$org/nonconformities', params: { org } })}>
            {t('common.cancel')}
          </Button>
        </div>
      </Form>
    </section>
  );
}
