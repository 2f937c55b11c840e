import { useState } from 'react';
import { useNavigate } from '@tanstack/react-router';
import { useT } from '../i18n/i18n.js';
import { useSession, useSignOut } from '../lib/session.js';
import { useDocumentTitle } from '../lib/use-document-title.js';
import { AuthLayout } from '../auth/auth-layout.js';
import { NewOrgDialog } from './new-org-dialog.js';
import { InvitationsCard } from '../account/invitations-card.js';
import { Button } from '../ui/button.js';

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
          <Button variant="primary" onClick={() => setOpen(true)}>
            {t('shell.newOrganization')}
          </Button>
        ) : null}
        <Button
          onClick={async () => {
            await signOut();
            await navigate({ to: '/sign-in' });
          }}
        >
          {t('shell.signOut')}
        </Button>
      </div>
      {session?.user.isSuperadmin ? <NewOrgDialog open={open} onClose={() => setOpen(false)} /> : null}
    </AuthLayout>
  );
}
