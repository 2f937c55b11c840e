import { useState } from 'react';
import { useNavigate } from '@tanstack/react-router';
import { useT } from '../i18n/i18n.js';
import { useDecideInvitation, useMyInvitations } from '../lib/invitations.js';
import { ErrorMessage, LiveMessage } from '../components/status.js';
import './account.css';
import { Button } from '../ui/button.js';

/** Invitations waiting for the signed-in person; shown only when there are some. */
export function InvitationsCard() {
  const { t, td, formatDate } = useT();
  const invitations = useMyInvitations();
  const decide = useDecideInvitation();
  const navigate = useNavigate();
  const [notice, setNotice] = useState<string | null>(null);
  const items = invitations.data?.items ?? [];
  if (!items.length && !notice) return null;
  return (
    <section className="card invitations-card" aria-labelledby="invitations-title">
      <h2 id="invitations-title" className="card__title">
        {t('invitations.title')}
        {items.length ? <span className="badge">{items.length}</span> : null}
      </h2>
      <LiveMessage>{notice}</LiveMessage>
      {decide.isError ? <ErrorMessage error={decide.error} /> : null}
      {items.length ? <p className="muted">{t('invitations.lead')}</p> : null}
      <ul className="invitation-list">
        {items.map((i) => (
          <li key={i.id} className="invitation-list__item">
            <div>
              <strong>{t('invitations.item', { org: i.orgName, role: td(`role.${i.role}`) })}</strong>
              <span className="muted">
                {' '}
                {t('invitations.meta', { name: i.invitedBy ?? '—', date: formatDate(i.expiresAt) })}
              </span>
            </div>
            <div className="form__actions">
              <Button
                variant="primary"
                size="small"
                disabled={decide.isPending}
                onClick={() =>
                  decide.mutate(
                    { invitation: i, decision: 'accept' },
                    {
                      onSuccess: (r) =>
                        void navigate({ to: '/o/$org', params: { org: r.orgSlug } }).then(() =>
                          setNotice(t('invitations.accepted', { org: r.orgName })),
                        ),
                    },
                  )
                }
              >
                {t('invitations.accept')}
              </Button>
              <Button
                size="small"
                disabled={decide.isPending}
                onClick={() =>
                  decide.mutate(
                    { invitation: i, decision: 'decline' },
                    { onSuccess: (r) => setNotice(t('invitations.declined', { org: r.orgName })) },
                  )
                }
              >
                {t('invitations.decline')}
              </Button>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
