import { useMutation, useQueryClient } from '@tanstack/react-query';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { api, isApiError } from '../lib/api-client.js';
import { acceptSession } from '../lib/session.js';
import { useDocumentTitle } from '../lib/use-document-title.js';
import { useT } from '../i18n/i18n.js';
import { ErrorMessage } from '../components/status.js';
import { AuthLayout } from './auth-layout.js';
import { Button } from '../ui/button.js';
import { TextField } from '../ui/fields.js';
import { Form } from '../ui/form.js';
import { useForm } from '../ui/use-form.js';
import { sessionSchema } from '../../schema/orgs/session.schema.js';

const route = getRouteApi('/sign-in');

export function SignInPage() {
  const { t } = useT();
  useDocumentTitle(t('signIn.title'));
  const { redirect, reason } = route.useSearch();
  const queryClient = useQueryClient();
  const navigate = useNavigate();

  const mutation = useMutation({
    mutationFn: (body: { email: string; password: string }) =>
      api.post('/api/v1/auth/login', body, sessionSchema, { allowUnauthenticated: true }),
    onSuccess: async (session) => {
      acceptSession(queryClient, session);
      // Only follow same-app paths, never an absolute URL.
      if (redirect && redirect.startsWith('/') && !redirect.startsWith('//')) {
        await navigate({ href: redirect });
        return;
      }
      const first = session.organizations[0];
      await navigate(first ? { to: '/o/$org', params: { org: first.slug } } : { to: '/' });
    },
  });

  // An empty field is said so next to it; any refusal of the server reads the same (no hint which part was wrong).
  const form = useForm({
    initial: { email: '', password: '' },
    toBody: (v) => ({ email: v.email.trim(), password: v.password }),
    check: (_, body) => {
      const missing: Record<string, string> = {};
      if (!body.email) missing.email = t('validation.required');
      if (!body.password) missing.password = t('validation.required');
      return missing;
    },
    submit: (body) => mutation.mutateAsync(body),
    fields: [],
  });

  const error = form.failure?.kind === 'error' ? form.failure.error : null;
  return (
    <AuthLayout title={t('signIn.title')}>
      {reason === 'expired' ? (
        <p className="alert alert--info" role="status">
          {t('signIn.expired')}
        </p>
      ) : null}
      <Form form={form} className="form">
        <TextField label={t('signIn.email')} required type="email" autoComplete="username" {...form.field('email')} />
        <TextField
          label={t('signIn.password')}
          required
          type="password"
          autoComplete="current-password"
          {...form.field('password')}
        />
        <div aria-live="assertive">
          {error ? (
            isApiError(error) && error.status === 401 ? (
              <p className="alert alert--error" role="alert">
                {t('signIn.badCredentials')}
              </p>
            ) : isApiError(error) && error.status === 429 ? (
              <div className="alert alert--warning" role="alert">
                <strong>{t('signIn.throttledTitle')}</strong>
                <p>
                  {!error.retryAfter
                    ? t('signIn.throttled')
                    : error.retryAfter >= 120
                      ? t('signIn.throttledWaitMinutes', { minutes: Math.ceil(error.retryAfter / 60) })
                      : t('signIn.throttledWait', { seconds: error.retryAfter })}
                </p>
              </div>
            ) : (
              <ErrorMessage error={error} />
            )
          ) : null}
        </div>
        <Button type="submit" variant="primary" block busy={form.submitting}>
          {form.submitting ? t('signIn.submitting') : t('signIn.submit')}
        </Button>
      </Form>
    </AuthLayout>
  );
}
