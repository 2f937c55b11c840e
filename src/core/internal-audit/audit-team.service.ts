import type { Db } from '../../db/connect.js';
import {
  AUDIT_TRANSITIONS,
  type AuditStatus,
  type TeamBody,
} from '../../schema/internal-audit/internal-audit.register.js';
import { recordAudit } from '../audit/audit.service.js';
import type { OrgContext } from '../context.js';
import { ConflictError, NotFoundError, ValidationError } from '../errors.js';
import { inOrgTransaction } from '../transaction.js';
import { newId, nowIso, todayIso } from '../util/ids.js';
import { findConflicts, listExceptions, settleConflicts } from './independence.service.js';

/** The audit, read for a change inside the caller's transaction (404 for another organization's id). */
export async function loadAudit(ctx: OrgContext, trx: Db, auditId: string) {
  const a = await trx
    .selectFrom('internalAudits')
    .selectAll()
    .where('orgId', '=', ctx.org.id)
    .where('id', '=', auditId)
    .where('archivedAt', 'is', null)
    .executeTakeFirst();
  if (!a) throw new NotFoundError('The internal audit');
  return a;
}

/** Members who audit (lead and auditors; observers and experts do not conclude) — the lead auditor always. */
export async function auditorsOf(ctx: OrgContext, trx: Db, audit: { id: string; leadAuditorId: string | null }) {
  const team = await trx
    .selectFrom('auditTeam')
    .select('userId')
    .where('orgId', '=', ctx.org.id)
    .where('auditId', '=', audit.id)
    .where('role', 'in', ['lead', 'auditor'])
    .execute();
  const lead = audit.leadAuditorId ? [audit.leadAuditorId] : [];
  return [...new Set([...lead, ...team.map((t) => t.userId)])];
}

/** Processes in the audit's scope: links from the audit to ISMS processes of kind `scope`. */
export async function scopeProcessIds(ctx: OrgContext, trx: Db, auditId: string): Promise<string[]> {
  const rows = await trx
    .selectFrom('links')
    .select('toId')
    .where('orgId', '=', ctx.org.id)
    .where('fromType', '=', 'internal_audit')
    .where('fromId', '=', auditId)
    .where('toType', '=', 'isms_process')
    .where('kind', '=', 'scope')
    .execute();
  return rows.map((r) => r.toId);
}

async function members(ctx: OrgContext, db: Db, auditId: string) {
  return db
    .selectFrom('auditTeam')
    .innerJoin('users', 'users.id', 'auditTeam.userId')
    .select(['auditTeam.userId', 'users.name', 'auditTeam.role'])
    .where('auditTeam.orgId', '=', ctx.org.id)
    .where('auditTeam.auditId', '=', auditId)
    .orderBy('users.name')
    .execute();
}

export async function getTeam(ctx: OrgContext, auditId: string) {
  await loadAudit(ctx, ctx.db, auditId);
  const rows = await members(ctx, ctx.db, auditId);
  return {
    members: rows.map((r) => ({ userId: r.userId, name: r.name, role: r.role as TeamBody['members'][number]['role'] })),
    exceptions: await listExceptions(ctx, ctx.db, auditId),
  };
}

/** Replaces the team: every member a member of the organization, none auditing a process in scope they own. */
export async function setTeam(ctx: OrgContext, auditId: string, body: TeamBody) {
  await inOrgTransaction(ctx, async (trx) => {
    const audit = await loadAudit(ctx, trx, auditId);
    const ids = body.members.map((m) => m.userId);
    const found = ids.length
      ? new Set(
          (
            await trx
              .selectFrom('memberships')
              .select('userId')
              .where('orgId', '=', ctx.org.id)
              .where('userId', 'in', ids)
              .execute()
          ).map((m) => m.userId),
        )
      : new Set<string>();
    body.members.forEach((m, i) => {
      if (!found.has(m.userId))
        throw new ValidationError([
          { field: `body.members.${i}.userId`, message: 'Not a member of this organization' },
        ]);
    });
    const auditing = [
      ...(audit.leadAuditorId ? [audit.leadAuditorId] : []),
      ...body.members.filter((m) => m.role !== 'observer').map((m) => m.userId),
    ];
    const objects = (await scopeProcessIds(ctx, trx, auditId)).map((id) => ({ type: 'isms_process', id }));
    const conflicts = await findConflicts(ctx, trx, [...new Set(auditing)], objects);
    await settleConflicts(ctx, trx, audit, 'body.members', conflicts, body.independenceException);
    await trx.deleteFrom('auditTeam').where('orgId', '=', ctx.org.id).where('auditId', '=', auditId).execute();
    if (body.members.length)
      await trx
        .insertInto('auditTeam')
        .values(body.members.map((m) => ({ id: newId(), orgId: ctx.org.id, auditId, userId: m.userId, role: m.role })))
        .execute();
    await recordAudit(trx, {
      orgId: ctx.org.id,
      actor: ctx.actor,
      ip: ctx.ip,
      entityType: 'internal_audit',
      entityId: auditId,
      event: { type: 'internal_audit.team_set', payload: { ref: audit.ref, members: body.members } },
    });
  });
  return getTeam(ctx, auditId);
}

export async function getScopeProcesses(ctx: OrgContext, auditId: string) {
  await loadAudit(ctx, ctx.db, auditId);
  const ids = await scopeProcessIds(ctx, ctx.db, auditId);
  const processes = ids.length
    ? await ctx.db
        .selectFrom('ismsProcesses')
        .select(['id', 'ref', 'name as title'])
        .where('orgId', '=', ctx.org.id)
        .where('id', 'in', ids)
        .orderBy('ref')
        .execute()
    : [];
  return { processes, exceptions: await listExceptions(ctx, ctx.db, auditId) };
}

/** Replaces the processes in scope (links of kind `scope`), checking that no auditor audits their own process. */
export async function setScopeProcesses(
  ctx: OrgContext,
  auditId: string,
  body: { processIds: string[]; independenceException?: { justification: string } },
) {
  await inOrgTransaction(ctx, async (trx) => {
    const audit = await loadAudit(ctx, trx, auditId);
    const ids = [...new Set(body.processIds)];
    const found = ids.length
      ? await trx
          .selectFrom('ismsProcesses')
          .select(['id', 'ref'])
          .where('orgId', '=', ctx.org.id)
          .where('archivedAt', 'is', null)
          .where('id', 'in', ids)
          .execute()
      : [];
    body.processIds.forEach((id, i) => {
      if (!found.some((f) => f.id === id))
        throw new ValidationError([{ field: `body.processIds.${i}`, message: 'No current ISMS process with this id' }]);
    });
    const conflicts = await findConflicts(
      ctx,
      trx,
      await auditorsOf(ctx, trx, audit),
      ids.map((id) => ({ type: 'isms_process', id })),
    );
    await settleConflicts(ctx, trx, audit, 'body.processIds', conflicts, body.independenceException);
    await trx
      .deleteFrom('links')
      .where('orgId', '=', ctx.org.id)
      .where('fromType', '=', 'internal_audit')
      .where('fromId', '=', auditId)
      .where('toType', '=', 'isms_process')
      .where('kind', '=', 'scope')
      .execute();
    if (ids.length)
      await trx
        .insertInto('links')
        .values(
          ids.map((id) => ({
            id: newId(),
            orgId: ctx.org.id,
            fromType: 'internal_audit',
            fromId: auditId,
            toType: 'isms_process',
            toId: id,
            kind: 'scope',
            createdAt: nowIso(),
            createdBy: ctx.actor.userId,
          })),
        )
        .execute();
    await recordAudit(trx, {
      orgId: ctx.org.id,
      actor: ctx.actor,
      ip: ctx.ip,
      entityType: 'internal_audit',
      entityId: auditId,
      event: { type: 'internal_audit.scope_set', payload: { ref: audit.ref, processes: found.map((f) => f.ref) } },
    });
  });
  return getScopeProcesses(ctx, auditId);
}

/**
 * Moves an audit along its states (planned → in progress → reporting → completed; cancelled from the first two),
 * checking the version the caller read: of twenty requests at once, one moves it and the others get 409.
 * Starting records the actual start date, completing the actual end date, unless already given.
 */
export async function transitionAudit(ctx: OrgContext, auditId: string, to: AuditStatus, expectedVersion: number) {
  return inOrgTransaction(ctx, async (trx) => {
    const audit = await loadAudit(ctx, trx, auditId);
    const from = audit.status as AuditStatus;
    if (!AUDIT_TRANSITIONS[from].includes(to))
      throw new ConflictError(`An audit that is ${from} cannot become ${to}`, [
        { field: 'body.to', message: `From ${from}: ${AUDIT_TRANSITIONS[from].join(', ') || 'no move'}` },
      ]);
    if (to === 'in_progress' && !audit.leadAuditorId)
      throw new ConflictError(`Appoint the lead auditor of ${audit.ref} before it starts`, [
        { field: 'body.to', message: 'The audit has no lead auditor (leadAuditorId)' },
      ]);
    const dates =
      to === 'in_progress' && !audit.actualStart
        ? { actualStart: todayIso() }
        : to === 'completed' && !audit.actualEnd
          ? { actualEnd: todayIso() }
          : {};
    const res = await trx
      .updateTable('internalAudits')
      .set({
        status: to,
        ...dates,
        version: audit.version + 1,
        updatedAt: nowIso(),
        updatedBy: ctx.actor.userId,
      })
      .where('orgId', '=', ctx.org.id)
      .where('id', '=', auditId)
      .where('version', '=', expectedVersion)
      .where('status', '=', from)
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1)
      throw new ConflictError('The audit changed since you read it; reload it and try again', [
        { field: 'body.expectedVersion', message: `The audit is at version ${audit.version}` },
      ]);
    await recordAudit(trx, {
      orgId: ctx.org.id,
      actor: ctx.actor,
      ip: ctx.ip,
      entityType: 'internal_audit',
      entityId: auditId,
      event: { type: 'internal_audit.status_changed', payload: { ref: audit.ref, from, to } },
    });
    return { id: auditId, status: to, version: audit.version + 1 };
  });
}
