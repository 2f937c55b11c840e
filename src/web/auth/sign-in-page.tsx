import { useState, type FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { api, isApiError } from '../lib/api-client.js';
import { acceptSession } from '../lib/session.js';
import { useDocumentTitle } from '../lib/use-document-title.js';
import { useT } from '../i18n/i18n.js';
import { FormField } from '../components/form-field.js';
import { ErrorMessage } from '../components/status.js';
import { AuthLayout } from './auth-layout.js';
import { sessionSchema } from '../../schema/orgs/session.schema.js';

const route = getRouteApi('/sign-in');

export function SignInPage() {
  const { t } = useT();
  useDocumentTitle(t('signIn.title'));
  const { redirect, reason } = route.useSearch();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');

  const mutation = useMutation({
    mutationFn: () =>
      api.post('/api/v1/auth/login', { email: email.trim(), password }, sessionSchema, { allowUnauthenticated: true }),
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

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (!email.trim() || !password) return;
    mutation.mutate();
  };

  const error = mutation.error;
  return (
    <AuthLayout title={t('signIn.title')}>
      {reason === 'expired' ? (
        <p className="alert alert--info" role="status">
          {t('signIn.expired')}
        </p>
      ) : null}
      <form className="form" onSubmit={onSubmit}>
        <FormField label={t('signIn.email')} required>
          <input
            type="email"
            autoComplete="username"
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            required
          />
        </FormField>
        <FormField label={t('signIn.password')} required>
          <input
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            required
          />
        </FormField>
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
        <button type="submit" className="button button--primary button--block" disabled={mutation.isPending}>
          {mutation.isPending ? t('signIn.submitting') : t('signIn.submit')}
        </button>
      </form>
    </AuthLayout>
  );
}
