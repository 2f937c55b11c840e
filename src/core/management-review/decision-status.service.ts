import type { Db } from '../../db/connect.js';
import { CLOSED_ACTION_STATUSES } from '../../schema/actions/action.register.js';
import {
  DECISION_STATUSES,
  REVIEW_DECISION_ENTITY,
  type DecisionKind,
} from '../../schema/management-review/management-review.register.js';
import { recordAudit } from '../audit/audit.service.js';
import type { OrgContext } from '../context.js';

type DecisionStatus = (typeof DECISION_STATUSES)[number];

/**
 * A decision's status, derived (never typed in): `no_action` decisions are `no_action`; any other is `done` once the
 * draft it opened has been approved, or once it has at least one action that is not cancelled and all those are
 * done; `open` otherwise. A decision whose actions were all cancelled is open again: nothing carries it out.
 */
export function deriveDecisionStatus(kind: DecisionKind | string, actions: string[], draftApproved: boolean) {
  if (kind === 'no_action') return 'no_action' satisfies DecisionStatus;
  if (draftApproved) return 'done' satisfies DecisionStatus;
  const live = actions.filter((s) => s !== 'cancelled');
  return live.length > 0 && live.every((s) => s === 'done') ? 'done' : 'open';
}

/** The statuses of the tracker actions carrying out each decision (one query). */
export async function actionsOfDecisions(ctx: OrgContext, db: Db, decisionIds: readonly string[]) {
  if (!decisionIds.length) return [];
  return db
    .selectFrom('actions')
    .select(['id', 'ref', 'title', 'status', 'dueDate', 'sourceId'])
    .where('orgId', '=', ctx.org.id)
    .where('sourceType', '=', REVIEW_DECISION_ENTITY)
    .where('sourceId', 'in', [...decisionIds])
    .where('archivedAt', 'is', null)
    .orderBy('ref')
    .execute();
}

/** Whether the target has the version a decision opened (or a later one) approved. */
export async function draftApproved(
  ctx: OrgContext,
  db: Db,
  d: { targetEntity: string | null; targetId: string | null; targetVersion: number | null },
): Promise<boolean> {
  if (!d.targetEntity || !d.targetId || d.targetVersion === null) return false;
  const row = await db
    .selectFrom('recordVersions')
    .select('id')
    .where('orgId', '=', ctx.org.id)
    .where('entityType', '=', d.targetEntity)
    .where('recordId', '=', d.targetId)
    .where('versionNo', '>=', d.targetVersion)
    .where('state', 'in', ['approved', 'superseded'])
    .executeTakeFirst();
  return !!row;
}

/** What an action being written will be once its write lands (its stored row does not show it yet). */
export interface PendingAction {
  /** the action's id (undefined while it is being created) */
  id: string | undefined;
  /** its status after the write; null: it no longer carries out this decision (moved away, archived) */
  status: string | null;
}

/**
 * Brings one decision's stored status in step (inside the caller's transaction), with an audit event when it moves.
 * `pending`: the action whose write triggers this, as it will be after the write.
 */
export async function refreshDecisionStatus(
  ctx: OrgContext,
  trx: Db,
  decisionId: string,
  pending?: PendingAction,
): Promise<void> {
  const d = await trx
    .selectFrom('managementReviewDecisions')
    .select(['id', 'ref', 'kind', 'status', 'targetEntity', 'targetId', 'targetVersion'])
    .where('orgId', '=', ctx.org.id)
    .where('id', '=', decisionId)
    .executeTakeFirst();
  if (!d) return;
  const actions = (await actionsOfDecisions(ctx, trx, [d.id])).filter((a) => a.id !== pending?.id).map((a) => a.status);
  if (pending?.status) actions.push(pending.status);
  const next = deriveDecisionStatus(d.kind, actions, await draftApproved(ctx, trx, d));
  if (next === d.status) return;
  // the status is derived, so it does not bump the record's version (an editor's open form stays current)
  await trx
    .updateTable('managementReviewDecisions')
    .set({ status: next })
    .where('orgId', '=', ctx.org.id)
    .where('id', '=', d.id)
    .execute();
  await recordAudit(trx, {
    orgId: ctx.org.id,
    actor: ctx.actor,
    ip: ctx.ip,
    entityType: REVIEW_DECISION_ENTITY,
    entityId: d.id,
    event: { type: 'management_review_decision.status_changed', payload: { ref: d.ref, from: d.status, to: next } },
  });
}

/** After a version of `entity` `recordId` was approved: the open decisions that opened a draft of it may be done. */
export async function refreshDecisionsForTarget(ctx: OrgContext, trx: Db, entity: string, recordId: string) {
  const rows = await trx
    .selectFrom('managementReviewDecisions')
    .select('id')
    .where('orgId', '=', ctx.org.id)
    .where('targetEntity', '=', entity)
    .where('targetId', '=', recordId)
    .where('status', '=', 'open')
    .execute();
  for (const r of rows) await refreshDecisionStatus(ctx, trx, r.id);
}

/**
 * The tracker's hook (actions module, inside the action's transaction): the decisions an action carries out before
 * and after its write get their status refreshed with the action as it will be.
 */
export async function actionWritten(
  ctx: OrgContext,
  trx: Db,
  before: { id: string; sourceType: string | null; sourceId: string | null } | undefined,
  after: { sourceType: string | null | undefined; sourceId: string | null | undefined; status: string } | null,
): Promise<void> {
  const ids = new Set<string>();
  if (before?.sourceType === REVIEW_DECISION_ENTITY && before.sourceId) ids.add(before.sourceId);
  if (after?.sourceType === REVIEW_DECISION_ENTITY && after.sourceId) ids.add(after.sourceId);
  for (const id of ids) {
    const carries = after?.sourceType === REVIEW_DECISION_ENTITY && after.sourceId === id;
    await refreshDecisionStatus(ctx, trx, id, { id: before?.id, status: carries ? after.status : null });
  }
}

export const isOpenAction = (status: string): boolean => !CLOSED_ACTION_STATUSES.some((closed) => closed === status);
