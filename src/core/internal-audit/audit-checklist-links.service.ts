import type { z } from 'zod';
import { isUniqueViolation } from '../../db/dialect.js';
import type { itemLinkBodySchema } from '../../schema/internal-audit/internal-audit.register.js';
import { recordAudit } from '../audit/audit.service.js';
import type { OrgContext } from '../context.js';
import { ConflictError, NotFoundError, ValidationError } from '../errors.js';
import { assertRecordExists } from '../links/record-types.js';
import { inOrgTransaction } from '../transaction.js';
import { newId } from '../util/ids.js';
import { oneItem } from './audit-checklist-read.service.js';
import { loadItem, openAudit } from './audit-checklist.service.js';
import { auditorsOf } from './audit-team.service.js';
import { findConflicts, settleConflicts } from './independence.service.js';

/**
 * Evidence, a sampled record or an object audited, linked to an item. An object audited is checked for
 * independence: an auditor who owns it needs a justification.
 */
export async function addChecklistLink(
  ctx: OrgContext,
  auditId: string,
  itemId: string,
  body: z.infer<typeof itemLinkBodySchema>,
) {
  await inOrgTransaction(ctx, async (trx) => {
    const audit = await openAudit(ctx, trx, auditId);
    await loadItem(ctx, trx, auditId, itemId);
    if (body.kind === 'evidence' && body.targetType !== 'evidence')
      throw new ValidationError([{ field: 'body.targetType', message: 'Evidence links point at evidence' }]);
    const target = await assertRecordExists(ctx, trx, body.targetType, body.targetId, 'body.targetId');
    if (body.kind === 'object') {
      const conflicts = await findConflicts(ctx, trx, await auditorsOf(ctx, trx, audit), [
        { type: body.targetType, id: body.targetId },
      ]);
      await settleConflicts(ctx, trx, audit, 'body.targetId', conflicts, body.independenceException);
    }
    try {
      await trx
        .insertInto('auditChecklistLinks')
        .values({
          id: newId(),
          orgId: ctx.org.id,
          itemId,
          kind: body.kind,
          targetType: body.targetType,
          targetId: body.targetId,
        })
        .execute();
    } catch (err) {
      if (isUniqueViolation(err)) throw new ConflictError(`${target.ref} is already linked to this item`);
      throw err;
    }
    await recordAudit(trx, {
      orgId: ctx.org.id,
      actor: ctx.actor,
      ip: ctx.ip,
      entityType: 'internal_audit',
      entityId: auditId,
      event: {
        type: 'internal_audit.checklist_link_added',
        payload: { ref: audit.ref, itemId, kind: body.kind, target: target.ref },
      },
    });
  });
  return oneItem(ctx, auditId, itemId);
}

export async function removeChecklistLink(ctx: OrgContext, auditId: string, itemId: string, linkId: string) {
  await inOrgTransaction(ctx, async (trx) => {
    const audit = await openAudit(ctx, trx, auditId);
    await loadItem(ctx, trx, auditId, itemId);
    const link = await trx
      .selectFrom('auditChecklistLinks')
      .selectAll()
      .where('orgId', '=', ctx.org.id)
      .where('itemId', '=', itemId)
      .where('id', '=', linkId)
      .executeTakeFirst();
    if (!link) throw new NotFoundError('The link');
    await trx.deleteFrom('auditChecklistLinks').where('orgId', '=', ctx.org.id).where('id', '=', linkId).execute();
    await recordAudit(trx, {
      orgId: ctx.org.id,
      actor: ctx.actor,
      ip: ctx.ip,
      entityType: 'internal_audit',
      entityId: auditId,
      event: {
        type: 'internal_audit.checklist_link_removed',
        payload: { ref: audit.ref, itemId, kind: link.kind, target: `${link.targetType}:${link.targetId}` },
      },
    });
  });
  return oneItem(ctx, auditId, itemId);
}
