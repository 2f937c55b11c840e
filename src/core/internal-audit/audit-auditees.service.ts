import type { Db } from '../../db/connect.js';
import { recordAudit } from '../audit/audit.service.js';
import type { OrgContext } from '../context.js';
import { ConflictError, ValidationError } from '../errors.js';
import { inOrgTransaction } from '../transaction.js';
import { newId } from '../util/ids.js';
import { auditorsOf, loadAudit } from './audit-team.service.js';

/** The members audited, by name (the free-text auditees stay on the record's `auditees` field). */
export async function auditeeMembers(ctx: OrgContext, db: Db, auditId: string) {
  return db
    .selectFrom('auditAuditees')
    .innerJoin('users', 'users.id', 'auditAuditees.userId')
    .select(['auditAuditees.userId', 'users.name'])
    .where('auditAuditees.orgId', '=', ctx.org.id)
    .where('auditAuditees.auditId', '=', auditId)
    .orderBy('users.name')
    .execute();
}

export async function getAuditees(ctx: OrgContext, auditId: string) {
  const audit = await loadAudit(ctx, ctx.db, auditId);
  return { members: await auditeeMembers(ctx, ctx.db, auditId), text: audit.auditees };
}

/**
 * Replaces the members audited (27001 9.2.2: the persons whose work is audited). Each is a member of the
 * organization (400 naming `body.memberIds.N`), and none of them audits this audit: an auditor does not audit their
 * own work (409 naming the entry; set the team first, or leave them out).
 */
export async function setAuditees(ctx: OrgContext, auditId: string, body: { memberIds: string[] }) {
  await inOrgTransaction(ctx, async (trx) => {
    const audit = await loadAudit(ctx, trx, auditId);
    const ids = [...new Set(body.memberIds)];
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
    body.memberIds.forEach((id, i) => {
      if (!found.has(id))
        throw new ValidationError([{ field: `body.memberIds.${i}`, message: 'Not a member of this organization' }]);
    });
    const auditors = new Set(await auditorsOf(ctx, trx, audit));
    body.memberIds.forEach((id, i) => {
      if (auditors.has(id))
        throw new ConflictError(`An auditor of ${audit.ref} cannot also be audited by it`, [
          {
            field: `body.memberIds.${i}`,
            message: 'Audits this audit (lead or auditor): not independent of their own work',
          },
        ]);
    });
    await trx.deleteFrom('auditAuditees').where('orgId', '=', ctx.org.id).where('auditId', '=', auditId).execute();
    if (ids.length)
      await trx
        .insertInto('auditAuditees')
        .values(ids.map((userId) => ({ id: newId(), orgId: ctx.org.id, auditId, userId })))
        .execute();
    await recordAudit(trx, {
      orgId: ctx.org.id,
      actor: ctx.actor,
      ip: ctx.ip,
      entityType: 'internal_audit',
      entityId: auditId,
      event: { type: 'internal_audit.auditees_set', payload: { ref: audit.ref, members: ids } },
    });
  });
  return getAuditees(ctx, auditId);
}
