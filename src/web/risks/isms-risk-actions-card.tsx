import type { ReactNode } from 'react';
import { Link } from '@tanstack/react-router';
import { actionRegister, CLOSED_ACTION_STATUSES } from '../../schema/actions/action.register.js';
import { useT } from '../i18n/i18n.js';
import type { BaseRecord } from '../../schema/register/register-types.js';
import { useMemberNames } from '../lib/members.js';
import { useCan } from '../lib/session.js';
import { DataTable } from '../ui/data-table.js';
import { QueryState } from '../ui/query-state.js';
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
  /** the record the actions are planned from (of any register) */
  record: Pick<BaseRecord, 'id' | 'archivedAt'>;
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
      <QueryState query={actions} empty={text?.empty ?? t('isms-risks.detail.noActions')}>
        {(data) => (
          <DataTable
            caption={text?.title ?? t('isms-risks.detail.actions')}
            rows={data.items}
            rowKey={(a) => a.id}
            columns={[
              {
                id: 'ref',
                header: t('register.ref'),
                cell: (a) => (
                  <Link to="/o/$org/actions/$id" params={{ org, id: a.id }}>
                    {a.ref}
                  </Link>
                ),
              },
              {
                id: 'title',
                header: field('title'),
                cell: (a) => (
                  <Link to="/o/$org/actions/$id" params={{ org, id: a.id }}>
                    {a.title}
                  </Link>
                ),
              },
              {
                id: 'owner',
                header: field('ownerId'),
                cell: (a) =>
                  a.ownerId ? (
                    (memberNames.get(a.ownerId) ?? t('common.unknownMember'))
                  ) : (
                    <span className="muted">{t('common.empty')}</span>
                  ),
              },
              {
                id: 'dueDate',
                header: field('dueDate'),
                className: 'nowrap',
                cell: (a) => (
                  <>
                    {a.dueDate ? formatDate(a.dueDate) : <span className="muted">{t('common.empty')}</span>}
                    {a.dueDate && a.dueDate < today() && !isClosed(a.status) ? (
                      <span className="badge badge--overdue">⚠ {t('isms-risks.overdueFlag')}</span>
                    ) : null}
                  </>
                ),
              },
              {
                id: 'status',
                header: field('status'),
                cell: (a) => (
                  <span className={`pill pill--status-${a.status ?? ''}`}>
                    {optionLabel(i18n, actionRegister.collection, 'status', a.status ?? '')}
                  </span>
                ),
              },
            ]}
          />
        )}
      </QueryState>
    </section>
  );
}
