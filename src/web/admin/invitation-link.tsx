import type { InvitationCreated } from '../../schema/orgs/invitation.schema.js';
import { useT } from '../i18n/i18n.js';
import { invitationLink } from '../lib/invitations.js';
import { ShownOnce } from './shown-once.js';

/** The link of a new invitation, shown once: Rampart sends no e-mail, so the admin passes it on. */
export function InvitationLink({ invitation, onDone }: { invitation: InvitationCreated; onDone: () => void }) {
  const { t, formatDate } = useT();
  return (
    <ShownOnce
      id="invitation-link"
      title={t('members.linkTitle', { email: invitation.email })}
      warning={t('members.linkWarning', { email: invitation.email, date: formatDate(invitation.expiresAt) })}
      label={t('members.linkLabel')}
      value={invitationLink(invitation.token)}
      doneLabel={t('members.linkDone')}
      onDone={onDone}
    />
  );
}
