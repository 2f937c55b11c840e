import { useState } from 'react';
import { Link, getRouteApi } from '@tanstack/react-router';
import { useQuery } from '@tanstack/react-query';
import { actionRegister } from '../../schema/actions/action.register.js';
import {
  REVIEW_DECISION_ENTITY,
  reviewDecisionRegister,
} from '../../schema/management-review/management-review.register.js';
import { REVIEW_INPUT_LETTERS } from '../../schema/management-review/review-inputs.schema.js';
import { useT } from '../i18n/i18n.js';
import { api } from '../lib/api-client.js';
import { useMemberNames } from '../lib/members.js';
import { useCan } from '../lib/session.js';
import { LiveMessage } from '../components/status.js';
import { recordPageSchemaOf, registerBase, useRegisterList } from '../register/register-api.js';
import { Button } from '../ui/button.js';
import { DataTable } from '../ui/data-table.js';
import { QueryState } from '../ui/query-state.js';
import { DecisionActionDialog, DecisionDialog, OpenDraftDialog, type Decision } from './decision-dialogs.js';
import { draftTargetPath, isDraftTarget } from './draft-targets.js';
import { unansweredInputs } from './decision-coverage.js';
import { ReviewFrame, type Review } from './review-nav.js';

const route = getRouteApi('/o/$org/management-reviews/$id/decisions');
const STATUS_SYMBOL = { open: '○', done: '✓', no_action: '–' } as const;

type Open = { kind: 'record' } | { kind: 'edit' | 'action' | 'draft'; decision: Decision } | null;

/**
 * The review's outputs (27001 9.3.3; 27003 9.3 g–l): each decision answers an input, and becomes actions in the
 * tracker or opens a draft of the document it changes; "No action needed" is a decision too, recorded per input.
 * Once the minutes are approved the decisions are frozen (their status keeps following their actions).
 */
export function DecisionsPage() {
  const { org, id } = route.useParams();
  return (
    <ReviewFrame org={org} id={id} view="decisions">
      {(review) => <DecisionsBody org={org} review={review} />}
    </ReviewFrame>
  );
}

function DecisionsBody({ org, review }: { org: string; review: Review }) {
  const { t, td, formatDate } = useT();
  const can = useCan(org);
  const names = useMemberNames(org);
  const [open, setOpen] = useState<Open>(null);
  const [message, setMessage] = useState<string | null>(null);
  const decisions = useRegisterList(org, reviewDecisionRegister, {
    reviewId: review.id,
    sort: 'ref',
    order: 'asc',
    pageSize: '200',
  });
  const actions = useDecisionActions(org);
  const frozen = review.approvedVersion !== null && review.approvedVersion !== undefined;
  const canWrite = can('management_review_decision.create') && !frozen && !review.archivedAt;
  const canAct = can('action.create');
  const items = decisions.data?.items ?? [];
  const missing = unansweredInputs(items);
  const actionsOf = (d: Decision) => actions.data?.items.filter((a) => a.sourceId === d.id) ?? [];
  const close = (text: string | null) => {
    setOpen(null);
    if (text) setMessage(text);
  };
  return (
    <>
      <LiveMessage>{message}</LiveMessage>
      <p className="page__lead">{t('mr.decisions.lead')}</p>
      {frozen ? (
        <p className="alert alert--info">{t('mr.decisions.frozen', { no: review.approvedVersion ?? 0 })}</p>
      ) : null}
      {missing.length && !frozen ? (
        <p className="alert alert--warning" role="status">
          <span aria-hidden="true">⚠ </span>
          {t('mr.decisions.unanswered', { inputs: missing.map((k) => REVIEW_INPUT_LETTERS[k]).join(', ') })}
        </p>
      ) : null}
      {canWrite ? (
        <p>
          <Button variant="primary" onClick={() => setOpen({ kind: 'record' })}>
            {t('mr.decisions.record')}
          </Button>
        </p>
      ) : null}
      <QueryState
        query={decisions}
        isEmpty={() => items.length === 0}
        empty={t(canWrite ? 'mr.decisions.empty' : 'mr.decisions.emptyReadOnly')}
      >
        {() => (
          <DataTable
            caption={t('mr.decisions.caption')}
            rows={items}
            rowKey={(d) => d.id}
            columns={[
              {
                id: 'ref',
                className: 'mr-nowrap',
                header: t('mr.decisions.col.ref'),
                rowHeader: true,
                cell: (d) => <span className="ref mr-nowrap">{d.ref}</span>,
              },
              {
                id: 'input',
                header: td('management-review-decisions.field.input'),
                cell: (d) => td(`management-review-decisions.input.${d.input ?? 'general'}`, undefined, d.input ?? ''),
              },
              {
                id: 'kind',
                header: td('management-review-decisions.field.kind'),
                cell: (d) => td(`management-review-decisions.kind.${d.kind ?? 'other'}`, undefined, d.kind ?? ''),
              },
              {
                id: 'statement',
                header: td('management-review-decisions.field.statement'),
                cell: (d) => d.statement,
                className: 'mr-decisions__statement',
              },
              {
                // owner and due date in one column: the table stays readable on a laptop
                id: 'owner',
                header: t('mr.decisions.col.ownerDue'),
                cell: (d) => (
                  <>
                    {d.ownerId ? (names.get(d.ownerId) ?? t('common.unknownMember')) : '—'}
                    <br />
                    <span className="muted small">
                      {d.dueDate ? t('mr.decisions.due', { date: formatDate(d.dueDate) }) : t('mr.decisions.noDue')}
                    </span>
                  </>
                ),
              },
              {
                id: 'status',
                header: td('management-review-decisions.field.status'),
                cell: (d) => {
                  const s = d.status ?? 'open';
                  return (
                    <span className={`badge mr-decision-status mr-decision-status--${s}`}>
                      <span aria-hidden="true">{STATUS_SYMBOL[s]} </span>
                      {td(`management-review-decisions.status.${s}`, undefined, s)}
                    </span>
                  );
                },
              },
              {
                id: 'follow',
                header: t('mr.decisions.col.followUp'),
                cell: (d) => <FollowUp org={org} decision={d} actions={actionsOf(d)} />,
              },
              {
                id: 'do',
                header: t('common.actions'),
                cell: (d) => (
                  <div className="mr-decisions__do">
                    {canAct && d.kind !== 'no_action' ? (
                      <Button size="small" onClick={() => setOpen({ kind: 'action', decision: d })}>
                        {t('mr.decisions.createAction')}
                      </Button>
                    ) : null}
                    {can('management_review_decision.update') && d.kind !== 'no_action' ? (
                      <Button size="small" onClick={() => setOpen({ kind: 'draft', decision: d })}>
                        {t('mr.decisions.openDraftOf')}
                      </Button>
                    ) : null}
                    {canWrite ? (
                      <Button size="small" variant="ghost" onClick={() => setOpen({ kind: 'edit', decision: d })}>
                        {t('common.edit')}
                      </Button>
                    ) : null}
                  </div>
                ),
              },
            ]}
          />
        )}
      </QueryState>
      {open?.kind === 'record' || open?.kind === 'edit' ? (
        <DecisionDialog
          org={org}
          reviewId={review.id}
          decision={open.kind === 'edit' ? open.decision : undefined}
          onClose={(ref) => close(ref ? t('mr.decisions.saved', { ref }) : null)}
        />
      ) : null}
      {open?.kind === 'action' ? (
        <DecisionActionDialog
          org={org}
          decision={open.decision}
          onClose={(ref) => close(ref ? t('mr.decisions.actionCreated', { ref }) : null)}
        />
      ) : null}
      {open?.kind === 'draft' ? (
        <OpenDraftDialog org={org} decision={open.decision} onClose={() => close(null)} />
      ) : null}
    </>
  );
}

/** The tracker's actions planned from decisions (one request for the table; a decision shows its own). */
function useDecisionActions(org: string) {
  return useQuery({
    queryKey: ['org', org, actionRegister.collection, 'list', { sourceType: REVIEW_DECISION_ENTITY }],
    queryFn: () =>
      api.get(registerBase(org, actionRegister), recordPageSchemaOf(actionRegister), {
        query: { sourceType: REVIEW_DECISION_ENTITY, pageSize: 200 },
      }),
  });
}

type ActionRow = { id: string; ref: string; status?: string | null | undefined };

/** What became of a decision: its actions (linked, with their status) and the draft it opened. */
function FollowUp({ org, decision, actions }: { org: string; decision: Decision; actions: ActionRow[] }) {
  const { t, td } = useT();
  const target = decision.targetEntity;
  if (!actions.length && !(isDraftTarget(target) && decision.targetId)) return <span className="muted">—</span>;
  return (
    <ul className="mr-decisions__follow">
      {actions.map((a) => (
        <li key={a.id}>
          <Link to="/o/$org/actions/$id" params={{ org, id: a.id }}>
            {a.ref}
          </Link>{' '}
          <span className="muted">{td(`actions.status.${a.status ?? 'open'}`, undefined, a.status ?? '')}</span>
        </li>
      ))}
      {isDraftTarget(target) && decision.targetId ? (
        <li>
          <Link to={draftTargetPath(org, target, decision.targetId) as '/'}>
            {t('mr.decisions.draftOf', {
              kind: td(`management-review-decisions.targetEntity.${target}`, undefined, target),
            })}
          </Link>
        </li>
      ) : null}
    </ul>
  );
}
