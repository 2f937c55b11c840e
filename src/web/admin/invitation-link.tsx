import { useRef, useState } from 'react';
import type { InvitationCreated } from '../../schema/orgs/invitation.schema.js';
import { useT } from '../i18n/i18n.js';
import { invitationLink } from '../lib/invitations.js';

/** The link of a new invitation, shown once: Rampart sends no e-mail, so the admin passes it on. */
export function InvitationLink({ invitation, onDone }: { invitation: InvitationCreated; onDone: () => void }) {
  const { t, formatDate } = useT();
  const [copied, setCopied] = useState<'yes' | 'no' | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const link = invitationLink(invitation.token);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(link);
      setCopied('yes');
    } catch {
      input.current?.select();
      setCopied('no');
    }
  };
  return (
    <section className="card secret" aria-labelledby="invitation-link-title" role="region">
      <h2 id="invitation-link-title" className="card__title">
        {t('members.linkTitle', { email: invitation.email })}
      </h2>
      <p className="alert alert--warning">{t('members.linkWarning', { email: invitation.email, date: formatDate(invitation.expiresAt) })}</p>
      <div className="secret__row">
        <label htmlFor="invitation-link" className="visually-hidden">
          {t('members.linkLabel')}
        </label>
        <input id="invitation-link" ref={input} className="mono" readOnly value={link} onFocus={(e) => e.target.select()} />
        <button type="button" className="button button--primary" onClick={copy}>
          {t('tokens.copy')}
        </button>
      </div>
      <p aria-live="polite" className="muted">
        {copied === 'yes' ? t('tokens.copied') : copied === 'no' ? t('tokens.copyManually') : ''}
      </p>
      <button type="button" className="button button--secondary" onClick={onDone}>
        {t('members.linkDone')}
      </button>
    </section>
  );
}
