import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Invitation } from '../../schema/orgs/invitation.schema.js';
import { useT } from '../i18n/i18n.js';
import { api, orgPath } from '../lib/api-client.js';
import { orgInvitationsQuery } from '../lib/invitations.js';
import { ConfirmButton } from '../ui/confirm-button.js';
import '../account/account.css';
import { ErrorMessage } from '../components/status.js';
import { DataTable } from '../ui/data-table.js';
import { QueryState } from '../ui/query-state.js';

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
      <QueryState query={list} empty={t('members.pendingNone')}>
        {(data) => (
          <DataTable
            caption={t('members.pending')}
            rows={data.items}
            rowKey={(i) => i.id}
            columns={[
              { id: 'email', header: t('members.email'), cell: (i) => i.email },
              { id: 'role', header: t('members.role'), cell: (i) => td(`role.${i.role}`) },
              { id: 'invitedBy', header: t('members.invitedBy'), cell: (i) => i.invitedBy ?? '—' },
              { id: 'expires', header: t('members.expires'), cell: (i) => formatDate(i.expiresAt) },
              {
                id: 'actions',
                header: <span className="visually-hidden">{t('common.actions')}</span>,
                className: 'cell-actions',
                cell: (i) => (
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
                ),
              },
            ]}
          />
        )}
      </QueryState>
    </section>
  );
}
