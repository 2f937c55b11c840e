import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { invitationPreviewSchema, invitationRedeemSchema } from '../../schema/orgs/invitation.schema.js';
import { useT } from '../i18n/i18n.js';
import { api } from '../lib/api-client.js';
import { acceptSession } from '../lib/session.js';
import { useDocumentTitle } from '../lib/use-document-title.js';
import { Loading } from '../components/status.js';
import { AuthLayout } from '../auth/auth-layout.js';
import { Button } from '../ui/button.js';
import { TextField } from '../ui/fields.js';
import { Form, FormFailureMessage } from '../ui/form.js';
import { useForm } from '../ui/use-form.js';
import { sessionSchema } from '../../schema/orgs/session.schema.js';

const EMPTY = { name: '', password: '' };

/** `/invite#<secret>`: a new person joins an organization through the link an admin gave them. */
export function InvitePage() {
  const { t, td, formatDate } = useT();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [token] = useState(() => window.location.hash.replace(/^#/, ''));

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
  });
  const form = useForm({
    initial: EMPTY,
    schema: invitationRedeemSchema,
    toBody: (v) => ({ token, ...v }),
    submit: (body) => join.mutateAsync(body),
  });

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
      <Form form={form} className="form">
        <TextField label={t('invite.name')} required autoComplete="name" {...form.field('name')} />
        <TextField
          label={t('invite.password')}
          help={t('account.newPasswordHelp')}
          required
          type="password"
          autoComplete="new-password"
          {...form.field('password')}
        />
        <FormFailureMessage form={form} />
        <Button type="submit" variant="primary" block busy={form.submitting}>
          {form.submitting ? t('invite.submitting') : t('invite.submit')}
        </Button>
        <p className="muted">
          {t('invite.haveAccount')} <Link to="/sign-in">{t('invite.signIn')}</Link> · {t('members.expires')}{' '}
          {formatDate(inv.expiresAt)}
        </p>
      </Form>
    </AuthLayout>
  );
}
