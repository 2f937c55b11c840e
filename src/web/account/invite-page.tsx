import { useState, type FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { invitationPreviewSchema, invitationRedeemSchema } from '../../schema/orgs/invitation.schema.js';
import { useT } from '../i18n/i18n.js';
import { api } from '../lib/api-client.js';
import { isFormLevelError, serverFieldErrors, zodFieldErrors } from '../lib/form-errors.js';
import { acceptSession } from '../lib/session.js';
import { useDocumentTitle } from '../lib/use-document-title.js';
import { FormField } from '../components/form-field.js';
import { ErrorMessage, Loading } from '../components/status.js';
import { AuthLayout } from '../auth/auth-layout.js';
import { sessionSchema } from '../../schema/orgs/session.schema.js';

const EMPTY = { name: '', password: '' };

/** `/invite#<secret>`: a new person joins an organization through the link an admin gave them. */
export function InvitePage() {
  const i18n = useT();
  const { t, td, formatDate } = i18n;
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [token] = useState(() => window.location.hash.replace(/^#/, ''));
  const [values, setValues] = useState(EMPTY);
  const [errors, setErrors] = useState<Record<string, string>>({});

  const preview = useQuery({
    queryKey: ['invitation-preview', token],
    queryFn: () =>
      api.post('/api/v1/invitations/preview', { token }, invitationPreviewSchema, { allowUnauthenticated: true }),
    enabled: token.length > 0,
    retry: false,
  });
  useDocumentTitle(preview.data ? t('invite.title', { org: preview.data.orgName }) : t('invitations.title'));

  const join = useMutation({
    mutationFn: (body: unknown) =>
      api.post('/api/v1/invitations/redeem', body, sessionSchema, { allowUnauthenticated: true }),
    onSuccess: async (session) => {
      acceptSession(queryClient, session);
      const first = session.organizations[0];
      await navigate(first ? { to: '/o/$org', params: { org: first.slug } } : { to: '/' });
    },
    onError: (e) => setErrors(serverFieldErrors(e)),
  });

  const set = (name: keyof typeof EMPTY) => (e: { target: { value: string } }) =>
    setValues((v) => ({ ...v, [name]: e.target.value }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const body = { token, ...values };
    const parsed = invitationRedeemSchema.safeParse(body);
    if (!parsed.success) {
      setErrors(zodFieldErrors(i18n, parsed.error));
      return;
    }
    setErrors({});
    join.mutate(body);
  };

  if (!token || preview.isError) {
    return (
      <AuthLayout title={t('invitations.title')} intro={t('invite.invalid')}>
        <Link to="/sign-in" className="button button--secondary">
          {t('invite.signIn')}
        </Link>
      </AuthLayout>
    );
  }
  if (!preview.data) return <Loading />;
  const inv = preview.data;
  return (
    <AuthLayout
      title={t('invite.title', { org: inv.orgName })}
      intro={t('invite.intro', { org: inv.orgName, role: td(`role.${inv.role}`), email: inv.email })}
    >
      <form className="form" onSubmit={submit} noValidate>
        <FormField label={t('invite.name')} error={errors.name} required>
          <input autoComplete="name" value={values.name} onChange={set('name')} />
        </FormField>
        <FormField label={t('invite.password')} help={t('account.newPasswordHelp')} error={errors.password} required>
          <input type="password" autoComplete="new-password" value={values.password} onChange={set('password')} />
        </FormField>
        {join.isError && isFormLevelError(join.error, Object.keys(EMPTY)) ? <ErrorMessage error={join.error} /> : null}
        <button type="submit" className="button button--primary button--block" disabled={join.isPending}>
          {join.isPending ? t('invite.submitting') : t('invite.submit')}
        </button>
        <p className="muted">
          {t('invite.haveAccount')} <Link to="/sign-in">{t('invite.signIn')}</Link> · {t('members.expires')}{' '}
          {formatDate(inv.expiresAt)}
        </p>
      </form>
    </AuthLayout>
  );
}
