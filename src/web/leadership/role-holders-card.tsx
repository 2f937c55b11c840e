import { Link } from '@tanstack/react-router';
import { roleAssignmentRegister } from '../../schema/leadership/role-assignment.register.js';
import { useT } from '../i18n/i18n.js';
import { useCan } from '../lib/session.js';
import { useRegisterList } from '../register/register-api.js';
import { QueryState } from '../ui/query-state.js';

/** On a role page: who holds the role now, with the assignment's dates and approval. */
export function RoleHoldersCard({ org, id }: { org: string; id: string }) {
  const { t, formatDate } = useT();
  const can = useCan(org);
  const list = useRegisterList(org, roleAssignmentRegister, { roleId: id, current: 'true', pageSize: '100' });
  return (
    <section className="card" aria-labelledby="role-holders">
      <div className="card__header">
        <h2 id="role-holders" className="card__title">
          {t('isms-roles.holders')}
        </h2>
        {can('role_assignment.create') ? (
          <Link
            to="/o/$org/role-assignments/new"
            params={{ org }}
            search={{ roleId: id } as never}
            className="button button--secondary button--small"
          >
            {t('isms-roles.assign')}
          </Link>
        ) : null}
      </div>
      <QueryState query={list} empty={t('isms-roles.noHolders')}>
        {(data) => (
          <ul>
            {data.items.map((a) => (
              <li key={a.id}>
                <Link to="/o/$org/role-assignments/$id" params={{ org, id: a.id }}>
                  {a.personLabel}
                </Link>
                {a.startDate ? (
                  <span className="muted">
                    {' '}
                    · {t('role-assignments.field.startDate')} {formatDate(a.startDate)}
                  </span>
                ) : null}
                {a.approvedOn ? (
                  <span className="muted">
                    {' '}
                    · {t('role-assignments.field.approvedOn')} {formatDate(a.approvedOn)}
                  </span>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </QueryState>
    </section>
  );
}
