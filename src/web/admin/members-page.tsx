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
import { ErrorMessage, LiveMessage, Loading } from '../components/status.js';
import { AddMemberForm } from './add-member-form.js';
import { PendingInvitations } from './pending-invitations.js';

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
      api.patch<Member>(orgPath(org, `/members/${encodeURIComponent(m.userId)}`), { role }),
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
      <header className="page__header">
        <div>
          <p className="page__eyebrow">{t('nav.group.admin')}</p>
          <h1 id="page-title">{t('members.title')}</h1>
          <p className="page__lead">{manage ? t('members.leadAdmin') : t('members.leadReadOnly')}</p>
        </div>
      </header>
      <LiveMessage>{notice}</LiveMessage>
      {changeRole.isError ? <ErrorMessage error={changeRole.error} /> : null}
      {remove.isError ? <ErrorMessage error={remove.error} /> : null}
      {members.isPending ? (
        <Loading />
      ) : members.isError ? (
        <ErrorMessage error={members.error} onRetry={() => void members.refetch()} />
      ) : (
        <div className="table-wrap">
          <table className="table">
            <caption className="visually-hidden">{t('members.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('members.name')}</th>
                <th scope="col">{t('members.email')}</th>
                <th scope="col">{t('members.role')}</th>
                <th scope="col">{t('members.since')}</th>
                {manage ? (
                  <th scope="col">
                    <span className="visually-hidden">{t('common.actions')}</span>
                  </th>
                ) : null}
              </tr>
            </thead>
            <tbody>
              {members.data.items.map((m) => (
                <tr key={m.userId}>
                  <td>
                    {m.name}
                    {m.userId === session?.user.id ? <span className="badge">{t('members.you')}</span> : null}
                  </td>
                  <td>{m.email}</td>
                  <td>
                    {manage ? (
                      <select
                        aria-label={t('members.roleOf', { name: m.name })}
                        value={m.role}
                        disabled={changeRole.isPending}
                        onChange={(e) => changeRole.mutate({ m, role: e.target.value as Role })}
                      >
                        {ROLES.map((r) => (
                          <option key={r} value={r}>
                            {td(`role.${r}`)}
                          </option>
                        ))}
                      </select>
                    ) : (
                      td(`role.${m.role}`)
                    )}
                  </td>
                  <td>{formatDate(m.createdAt)}</td>
                  {manage ? (
                    <td className="cell-actions">
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
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {manage ? (
        <PendingInvitations org={org} onRevoked={(email) => setNotice(t('members.revoked', { email }))} />
      ) : null}
      {manage ? <AddMemberForm org={org} onInvited={(email) => setNotice(t('members.invited', { email }))} /> : null}
    </section>
  );
}
