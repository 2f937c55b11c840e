import { useT } from '../i18n/i18n.js';
import { useSession } from '../lib/session.js';
import { useDocumentTitle } from '../lib/use-document-title.js';
import { InvitationsCard } from './invitations-card.js';
import { PasswordForm } from './password-form.js';
import { PageHeader } from '../ui/page-header.js';

/** The signed-in person's own page: who they are, their password, invitations waiting for them. */
export function AccountPage() {
  const { t } = useT();
  const session = useSession();
  useDocumentTitle(t('account.title'));
  return (
    <section className="page" aria-labelledby="page-title">
      <PageHeader
        title={t('account.title')}
        description={t('account.lead')}
        badges={
          <>
            {session ? (
              <p>
                <strong>{session.user.name}</strong> · {session.user.email}
              </p>
            ) : null}
          </>
        }
      />
      <InvitationsCard />
      <PasswordForm />
    </section>
  );
}
