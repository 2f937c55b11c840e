import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { setupSchema } from '../../schema/orgs/org.schema.js';
import { api } from '../lib/api-client.js';
import { acceptSession } from '../lib/session.js';
import { useDocumentTitle } from '../lib/use-document-title.js';
import { useT } from '../i18n/i18n.js';
import { AuthLayout } from './auth-layout.js';
import { Button } from '../ui/button.js';
import { TextField } from '../ui/fields.js';
import { Form, FormFailureMessage } from '../ui/form.js';
import { useForm } from '../ui/use-form.js';
import { sessionSchema } from '../../schema/orgs/session.schema.js';

type SetupValues = {
  name: string;
  email: string;
  password: string;
  organizationName: string;
  organizationSlug: string;
};
const EMPTY: SetupValues = { name: '', email: '', password: '', organizationName: '', organizationSlug: '' };

/** First run: create the first user (instance superadmin) and the first organization. */
export function SetupPage() {
  const { t } = useT();
  useDocumentTitle(t('setup.title'));
  const queryClient = useQueryClient();
  const navigate = useNavigate();

  const mutation = useMutation({
    mutationFn: (body: unknown) => api.post('/api/v1/setup', body, sessionSchema, { allowUnauthenticated: true }),
    onSuccess: async (session) => {
      acceptSession(queryClient, session);
      const first = session.organizations[0];
      await navigate(first ? { to: '/o/$org', params: { org: first.slug } } : { to: '/' });
    },
  });
  const form = useForm({
    initial: EMPTY,
    schema: setupSchema,
    toBody: (v) => ({ ...v, organizationSlug: v.organizationSlug.trim() || undefined }),
    submit: (body) => mutation.mutateAsync(body),
  });

  return (
    <AuthLayout title={t('setup.title')} intro={t('setup.intro')}>
      <Form form={form} className="form">
        <fieldset>
          <legend>{t('setup.you')}</legend>
          <TextField label={t('setup.name')} required autoComplete="name" {...form.field('name')} />
          <TextField label={t('setup.email')} required type="email" autoComplete="email" {...form.field('email')} />
          <TextField
            label={t('setup.password')}
            help={t('setup.passwordHelp')}
            required
            type="password"
            autoComplete="new-password"
            {...form.field('password')}
          />
        </fieldset>
        <fieldset>
          <legend>{t('setup.organization')}</legend>
          <TextField
            label={t('setup.orgName')}
            required
            autoComplete="organization"
            {...form.field('organizationName')}
          />
          <TextField
            label={t('setup.orgSlug')}
            help={t('setup.orgSlugHelp')}
            pattern="[a-z0-9-]*"
            {...form.field('organizationSlug')}
          />
        </fieldset>
        <FormFailureMessage form={form} />
        <Button type="submit" variant="primary" block busy={form.submitting}>
          {form.submitting ? t('setup.submitting') : t('setup.submit')}
        </Button>
      </Form>
    </AuthLayout>
  );
}
