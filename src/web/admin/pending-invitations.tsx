import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Invitation } from '../../schema/orgs/invitation.schema.js';
import { useT } from '../i18n/i18n.js';
import { api, orgPath } from '../lib/api-client.js';
import { orgInvitationsQuery } from '../lib/invitations.js';
import { ConfirmButton } from '../ui/confirm-button.js';
import '../account/account.css';
import { ErrorMessage, Loading } from '../components/status.js';

/** Invitations of the organization still waiting for an answer, each revocable. */
export function PendingInvitations({ org, onRevoked }: { org: string; onRevoked: (email: string) => void }) {
  const { t, td, formatDate } = useT();
  const queryClient = useQueryClient();
  const list = useQuery(orgInvitationsQuery(org));
  const revoke = useMutation({
    mutationFn: (i: Invitation) => api.delete(orgPath(org, `/invitations/${encodeURIComponent(i.id)}`)),
    onSuccess: async (_v, i) => {
      await queryClient.invalidateQueries({ queryKey: orgInvitationsQuery(org).queryKey });
      onRevoked(i.email);
    },
  });
  return (
    <section className="card pending-invitations" aria-labelledby="pending-title">
      <h2 id="pending-title" className="card__title">
        {t('members.pending')}
      </h2>
      {revoke.isError ? <ErrorMessage error={revoke.error} /> : null}
      {list.isPending ? (
        <Loading />
      ) : list.isError ? (
        <ErrorMessage error={list.error} onRetry={() => void list.refetch()} />
      ) : list.data.items.length === 0 ? (
        <p className="muted">{t('members.pendingNone')}</p>
      ) : (
        <div className="table-wrap">
          <table className="table">
            <caption className="visually-hidden">{t('members.pending')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('members.email')}</th>
                <th scope="col">{t('members.role')}</th>
                <th scope="col">{t('members.invitedBy')}</th>
                <th scope="col">{t('members.expires')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('common.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {list.data.items.map((i) => (
                <tr key={i.id}>
                  <td>{i.email}</td>
                  <td>{td(`role.${i.role}`)}</td>
                  <td>{i.invitedBy ?? '—'}</td>
                  <td>{formatDate(i.expiresAt)}</td>
                  <td className="cell-actions">
                    <ConfirmButton
                      label={t('members.revoke')}
                      question={t('members.revokeQuestion', { email: i.email })}
                      confirmLabel={t('members.revokeConfirm')}
                      busy={revoke.isPending}
                      size="small"
                      onConfirm={() =>
                        revoke.mutateAsync(i).then(
                          () => undefined,
                          () => undefined,
                        )
                      }
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
