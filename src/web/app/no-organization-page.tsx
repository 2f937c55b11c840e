import { useState } from 'react';
import { useNavigate } from '@tanstack/react-router';
import { useT } from '../i18n/i18n.js';
import { useSession, useSignOut } from '../lib/session.js';
import { useDocumentTitle } from '../lib/use-document-title.js';
import { AuthLayout } from '../auth/auth-layout.js';
import { NewOrgDialog } from './new-org-dialog.js';
import { InvitationsCard } from '../account/invitations-card.js';

/** Signed in, but member of no organization yet. */
export function NoOrganizationPage() {
  const { t } = useT();
  useDocumentTitle(t('noOrg.title'));
  const session = useSession();
  const signOut = useSignOut();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  return (
    <AuthLayout title={t('noOrg.title')} intro={t('noOrg.body')}>
      <InvitationsCard />
      <div className="form__actions">
        {session?.user.isSuperadmin ? (
          <button type="button" className="button button--primary" onClick={() => setOpen(true)}>
            {t('shell.newOrganization')}
          </button>
        ) : null}
        <button
          type="button"
          className="button button--secondary"
          onClick={async () => {
            await signOut();
            await navigate({ to: '/sign-in' });
          }}
        >
          {t('shell.signOut')}
        </button>
      </div>
      {session?.user.isSuperadmin ? <NewOrgDialog open={open} onClose={() => setOpen(false)} /> : null}
    </AuthLayout>
  );
}
