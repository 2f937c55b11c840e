import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { improvementSuggestBodySchema } from '../../schema/improvement/improvement.register.js';
import { useT } from '../i18n/i18n.js';
import { useOrg } from '../lib/session.js';
import { useDocumentTitle } from '../lib/use-document-title.js';
import { Button } from '../ui/button.js';
import { TextArea, TextField } from '../ui/fields.js';
import { Form, FormFailureMessage } from '../ui/form.js';
import { PageHeader } from '../ui/page-header.js';
import { useForm } from '../ui/use-form.js';
import { useSuggestImprovement } from './nonconformity-api.js';
import { ImprovementBreadcrumb } from './nc-parts.js';

const route = getRouteApi('/o/$org/improvements/new');

/** "Suggest an improvement": a title and a few words, open to every member of the organization (27003 10.1). */
export function ImprovementSuggestPage() {
  const { t } = useT();
  const { org } = route.useParams();
  const navigate = useNavigate();
  const suggest = useSuggestImprovement(org);
  useDocumentTitle(t('imp.suggest'), useOrg(org).data?.name);
  const form = useForm({
    initial: { title: '', description: '' },
    schema: improvementSuggestBodySchema,
    toBody: (v) => ({ title: v.title.trim(), ...(v.description.trim() ? { description: v.description } : {}) }),
    submit: (body) => suggest.mutateAsync(body),
    onSuccess: async (record) => {
      await navigate({ to: '/o/$org/improvements/$id', params: { org, id: record.id }, search: { created: '1' } });
    },
  });
  return (
    <section className="page page--narrow" aria-labelledby="page-title">
      <PageHeader
        breadcrumb={<ImprovementBreadcrumb org={org} area="improvements" />}
        title={t('imp.suggest')}
        description={t('imp.suggestLead')}
      />
      <Form form={form} className="form" aria-labelledby="page-title">
        <div className="form__grid">
          <TextField
            label={t('improvements.field.title')}
            required
            maxLength={200}
            fieldClassName="field--wide"
            {...form.field('title')}
          />
          <TextArea
            label={t('imp.suggestDescription')}
            rows={5}
            maxLength={8000}
            fieldClassName="field--wide"
            {...form.field('description')}
          />
        </div>
        <FormFailureMessage form={form} />
        <div className="form__actions">
          <Button type="submit" variant="primary" busy={form.submitting}>
            {form.submitting ? t('form.saving') : t('imp.suggestSend')}
          </Button>
          <Button onClick={() => void navigate({ to: '/o/$org/improvements', params: { org } })}>
            {t('common.cancel')}
          </Button>
        </div>
      </Form>
    </section>
  );
}
