import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { ROLES, type Role } from '../../schema/auth/roles.js';
import { useT } from '../i18n/i18n.js';
import { api, orgPath } from '../lib/api-client.js';
import type { Member } from '../lib/api-types.js';
import { useMembers } from '../lib/members.js';
import { sessionQuery, useCan, useOrg, useSession } from '../lib/session.js';
import { useDocumentTitle } from '../lib/use-document-title.js';
import { ConfirmButton } from '../ui/confirm-button.js';
import { ErrorMessage, LiveMessage } from '../components/status.js';
import { DataTable } from '../ui/data-table.js';
import { PageHeader } from '../ui/page-header.js';
import { QueryState } from '../ui/query-state.js';
import { AddMemberForm } from './add-member-form.js';
import { PendingInvitations } from './pending-invitations.js';
import { memberSchema } from '../../schema/orgs/org.schema.js';

const route = getRouteApi('/o/$org/members');

export function MembersPage() {
  const { t, td, formatDate } = useT();
  const { org } = route.useParams();
  const can = useCan(org);
  const manage = can('members.manage');
  const session = useSession();
  const members = useMembers(org);
  const queryClient = useQueryClient();
  const [notice, setNotice] = useState<string | null>(null);
  useDocumentTitle(t('members.title'), useOrg(org).data?.name);

  const refresh = async () => {
    await queryClient.invalidateQueries({ queryKey: ['org', org] });
    await queryClient.invalidateQueries({ queryKey: sessionQuery.queryKey });
  };
  const changeRole = useMutation({
    mutationFn: ({ m, role }: { m: Member; role: Role }) =>
      api.patch(orgPath(org, `/members/${encodeURIComponent(m.userId)}`), { role }, memberSchema),
    onSuccess: async (m) => {
      setNotice(t('members.roleChanged', { name: m.name, role: td(`role.${m.role}`) }));
      await refresh();
    },
  });
  const remove = useMutation({
    mutationFn: (m: Member) => api.delete(orgPath(org, `/members/${encodeURIComponent(m.userId)}`)),
    onSuccess: async (_v, m) => {
      setNotice(t('members.removed', { name: m.name }));
      await refresh();
    },
  });

  return (
    <section className="page" aria-labelledby="page-title">
      <PageHeader
        eyebrow={t('nav.group.admin')}
        title={t('members.title')}
        description={manage ? t('members.leadAdmin') : t('members.leadReadOnly')}
      />
      <LiveMessage>{notice}</LiveMessage>
      {changeRole.isError ? <ErrorMessage error={changeRole.error} /> : null}
      {remove.isError ? <ErrorMessage error={remove.error} /> : null}
      <QueryState query={members}>
        {(data) => (
          <DataTable
            caption={t('members.title')}
            rows={data.items}
            rowKey={(m) => m.userId}
            columns={[
              {
                id: 'name',
                header: t('members.name'),
                cell: (m) => (
                  <>
                    {m.name}
                    {m.userId === session?.user.id ? <span className="badge">{t('members.you')}</span> : null}
                  </>
                ),
              },
              { id: 'email', header: t('members.email'), cell: (m) => m.email },
              {
                id: 'role',
                header: t('members.role'),
                cell: (m) =>
                  manage ? (
                    <select
                      aria-label={t('members.roleOf', { name: m.name })}
                      value={m.role}
                      disabled={changeRole.isPending}
                      onChange={(e) => {
                        const role = ROLES.find((r) => r === e.target.value);
                        if (role) changeRole.mutate({ m, role });
                      }}
                    >
                      {ROLES.map((r) => (
                        <option key={r} value={r}>
                          {td(`role.${r}`)}
                        </option>
                      ))}
                    </select>
                  ) : (
                    td(`role.${m.role}`)
                  ),
              },
              { id: 'since', header: t('members.since'), cell: (m) => formatDate(m.createdAt) },
              ...(manage
                ? [
                    {
                      id: 'actions',
                      header: <span className="visually-hidden">{t('common.actions')}</span>,
                      className: 'cell-actions',
                      cell: (m: Member) => (
                        <ConfirmButton
                          label={t('members.remove')}
                          question={t('members.removeQuestion', { name: m.name })}
                          confirmLabel={t('members.removeConfirm')}
                          busy={remove.isPending}
                          size="small"
                          onConfirm={() =>
                            remove.mutateAsync(m).then(
                              () => undefined,
                              () => undefined,
                            )
                          }
                        />
                      ),
                    },
                  ]
                : []),
            ]}
          />
        )}
      </QueryState>
      {manage ? (
        <PendingInvitations org={org} onRevoked={(email) => setNotice(t('members.revoked', { email }))} />
      ) : null}
      {manage ? <AddMemberForm org={org} onInvited={(email) => setNotice(t('members.invited', { email }))} /> : null}
    </section>
  );
}
