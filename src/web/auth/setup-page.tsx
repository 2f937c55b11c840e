import { useState, type FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { setupSchema } from '../../schema/orgs/org.schema.js';
import { api } from '../lib/api-client.js';
import { acceptSession } from '../lib/session.js';
import { isFormLevelError, serverFieldErrors, zodFieldErrors } from '../lib/form-errors.js';
import { useDocumentTitle } from '../lib/use-document-title.js';
import { useT } from '../i18n/i18n.js';
import { FormField } from '../components/form-field.js';
import { ErrorMessage } from '../components/status.js';
import { AuthLayout } from './auth-layout.js';
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
  const i18n = useT();
  const { t } = i18n;
  useDocumentTitle(t('setup.title'));
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [values, setValues] = useState<SetupValues>(EMPTY);
  const [errors, setErrors] = useState<Record<string, string>>({});

  const mutation = useMutation({
    mutationFn: (body: unknown) => api.post('/api/v1/setup', body, sessionSchema, { allowUnauthenticated: true }),
    onSuccess: async (session) => {
      acceptSession(queryClient, session);
      const first = session.organizations[0];
      await navigate(first ? { to: '/o/$org', params: { org: first.slug } } : { to: '/' });
    },
    onError: (e) => setErrors(serverFieldErrors(e)),
  });

  const set = (name: keyof SetupValues) => (e: { target: { value: string } }) =>
    setValues((v) => ({ ...v, [name]: e.target.value }));

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const body = { ...values, organizationSlug: values.organizationSlug.trim() || undefined };
    const parsed = setupSchema.safeParse(body);
    if (!parsed.success) {
      setErrors(zodFieldErrors(i18n, parsed.error));
      return;
    }
    setErrors({});
    mutation.mutate(body);
  };

  return (
    <AuthLayout title={t('setup.title')} intro={t('setup.intro')}>
      <form className="form" onSubmit={onSubmit} noValidate>
        <fieldset>
          <legend>{t('setup.you')}</legend>
          <FormField label={t('setup.name')} error={errors.name} required>
            <input autoComplete="name" value={values.name} onChange={set('name')} />
          </FormField>
          <FormField label={t('setup.email')} error={errors.email} required>
            <input type="email" autoComplete="email" value={values.email} onChange={set('email')} />
          </FormField>
          <FormField label={t('setup.password')} help={t('setup.passwordHelp')} error={errors.password} required>
            <input type="password" autoComplete="new-password" value={values.password} onChange={set('password')} />
          </FormField>
        </fieldset>
        <fieldset>
          <legend>{t('setup.organization')}</legend>
          <FormField label={t('setup.orgName')} error={errors.organizationName} required>
            <input autoComplete="organization" value={values.organizationName} onChange={set('organizationName')} />
          </FormField>
          <FormField label={t('setup.orgSlug')} help={t('setup.orgSlugHelp')} error={errors.organizationSlug}>
            <input value={values.organizationSlug} onChange={set('organizationSlug')} pattern="[a-z0-9-]*" />
          </FormField>
        </fieldset>
        {mutation.isError && isFormLevelError(mutation.error, Object.keys(EMPTY)) ? (
          <ErrorMessage error={mutation.error} />
        ) : null}
        <button type="submit" className="button button--primary button--block" disabled={mutation.isPending}>
          {mutation.isPending ? t('setup.submitting') : t('setup.submit')}
        </button>
      </form>
    </AuthLayout>
  );
}
