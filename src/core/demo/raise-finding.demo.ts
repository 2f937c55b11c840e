import type { ChecklistItem } from '../../schema/internal-audit/internal-audit.register.js';
import type { OrgContext } from '../context.js';
import { improvementsModule } from '../improvement/improvements.module.js';
import { raiseNonconformity } from '../improvement/raise-nonconformity.js';
import { createLink } from '../links/links.service.js';
import { createRecord } from '../register/register.service.js';
import { inOrgTransaction } from '../transaction.js';

interface RaiseBody {
  title?: string;
  ownerId?: string;
  followUp?: { correction: string; correctiveAction: string; dueOn: string; verification: string };
}

/**
 * A finding raised (TEMPORARY, until the one-step raise of the internal-audit module is merged): a nonconformity
 * through `raiseNonconformity` carrying the item's links, or an improvement for an observation.
 */
export async function raiseFinding(ctx: OrgContext, auditId: string, item: ChecklistItem, body: RaiseBody) {
  if (item.conclusion === 'major_nc' || item.conclusion === 'minor_nc')
    return inOrgTransaction(ctx, (trx) =>
      raiseNonconformity(ctx, trx, {
        source: 'internal_audit',
        sourceType: 'internal_audit',
        sourceId: auditId,
        title: body.title ?? item.title,
        description: item.notes ?? undefined,
        ...(item.requirementKey ? { requirementKey: item.requirementKey } : {}),
        grade: item.conclusion === 'major_nc' ? 'major' : 'minor',
        foundBy: ctx.actor.userId ?? undefined,
        ownerId: body.ownerId,
        links: [
          ...(item.controlId ? [{ type: 'control', id: item.controlId }] : []),
          ...item.links.map((l) => ({ type: l.targetType, id: l.targetId })),
        ],
      }),
    );
  const improvement = await createRecord(ctx, improvementsModule, {
    title: body.title ?? item.title,
    description: item.notes,
    source: item.conclusion === 'ofi' ? 'audit_ofi' : 'audit_observation',
    sourceType: 'internal_audit',
    sourceId: auditId,
  });
  await createLink(ctx, {
    fromType: 'improvement',
    fromId: improvement.id,
    toType: 'internal_audit',
    toId: auditId,
    kind: 'raised_from',
  });
  return improvement;
}
