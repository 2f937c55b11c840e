import type { ReactNode } from 'react';
import { Link } from '@tanstack/react-router';
import { actionRegister, CLOSED_ACTION_STATUSES } from '../../schema/actions/action.register.js';
import { useT } from '../i18n/i18n.js';
import type { RegisterRecord } from '../lib/api-types.js';
import { useMemberNames } from '../lib/members.js';
import { useCan } from '../lib/session.js';
import { ErrorMessage, Loading } from '../components/status.js';
import { optionLabel } from '../register/field-value.js';
import { useActionsFrom } from './isms-risks-api.js';

const today = () => new Date().toISOString().slice(0, 10);
const isClosed = (status: unknown) => (CLOSED_ACTION_STATUSES as readonly unknown[]).includes(status);

/** How the card reads for the register whose record it sits on: ISMS risks (6.1.1 d) by default, risks (6.1.3 e). */
export interface PlannedActionsText {
  sourceType: string;
  title: string;
  lead: string;
  empty: string;
  planLink: ReactNode;
}

/**
 * The actions of the shared tracker planned from this record, and the way to plan another: on an ISMS risk or
 * opportunity (6.1.1 d) and, with `text`, on any register whose records plan actions (a risk's treatment actions).
 */
export function PlannedActionsCard({
  org,
  record,
  text,
}: {
  org: string;
  record: RegisterRecord;
  text?: PlannedActionsText;
}) {
  const i18n = useT();
  const { t, td, formatDate } = i18n;
  const can = useCan(org);
  const memberNames = useMemberNames(org);
  const actions = useActionsFrom(org, record.id, text?.sourceType);
  const items = actions.data?.items ?? [];
  const open = items.filter((a) => !isClosed(a.status)).length;
  const field = (name: keyof typeof actionRegister.fields) => td(actionRegister.fields[name].label);

  return (
    <section className="card" aria-labelledby="isms-risk-actions">
      <div className="card__header">
        <div>
          <h2 id="isms-risk-actions" className="card__title">
            {text?.title ?? t('isms-risks.detail.actions')}
          </h2>
          <p className="small muted">
            {text?.lead ?? t('isms-risks.detail.actionsLead')}
            {items.length
              ? ` ${t('isms-risks.detail.actionsOpen', { open, total: actions.data?.total ?? items.length })}`
              : ''}
          </p>
        </div>
        {can('action.create') && !record.archivedAt
          ? (text?.planLink ?? (
              <Link
                to="/o/$org/isms-risks/$id/plan-action"
                params={{ org, id: record.id }}
                className="button button--secondary"
              >
                {t('isms-risks.detail.planAction')}
              </Link>
            ))
          : null}
      </div>
      {actions.isPending ? (
        <Loading />
      ) : actions.isError ? (
        <ErrorMessage error={actions.error} onRetry={() => void actions.refetch()} />
      ) : items.length === 0 ? (
        <p className="empty-state empty-state--small">{text?.empty ?? t('isms-risks.detail.noActions')}</p>
      ) : (
        <div className="table-wrap">
          <table className="table">
            <caption className="visually-hidden">{text?.title ?? t('isms-risks.detail.actions')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('register.ref')}</th>
                <th scope="col">{field('title')}</th>
                <th scope="col">{field('ownerId')}</th>
                <th scope="col">{field('dueDate')}</th>
                <th scope="col">{field('status')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((a) => {
                const late = typeof a.dueDate === 'string' && a.dueDate < today() && !isClosed(a.status);
                return (
                  <tr key={a.id}>
                    <td data-column="ref">
                      <Link to="/o/$org/actions/$id" params={{ org, id: a.id }}>
                        {a.ref}
                      </Link>
                    </td>
                    <td>
                      <Link to="/o/$org/actions/$id" params={{ org, id: a.id }}>
                        {String(a.title)}
                      </Link>
                    </td>
                    <td>
                      {typeof a.ownerId === 'string' ? (
                        (memberNames.get(a.ownerId) ?? t('common.unknownMember'))
                      ) : (
                        <span className="muted">{t('common.empty')}</span>
                      )}
                    </td>
                    <td className="nowrap">
                      {typeof a.dueDate === 'string' ? (
                        formatDate(a.dueDate)
                      ) : (
                        <span className="muted">{t('common.empty')}</span>
                      )}
                      {late ? <span className="badge badge--overdue">⚠ {t('isms-risks.overdueFlag')}</span> : null}
                    </td>
                    <td>
                      <span className={`pill pill--status-${String(a.status)}`}>
                        {optionLabel(i18n, actionRegister.collection, 'status', String(a.status))}
                      </span>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
