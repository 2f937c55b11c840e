import type { Db } from '../../db/connect.js';
import { recordAudit } from '../audit/audit.service.js';
import type { OrgContext } from '../context.js';
import { nowIso } from '../util/ids.js';

/**
 * Controls still undecided in the SoA that a risk's treatment now determines become applicable, with the risk as
 * their reason (27001 6.1.3 d: the SoA follows from the treatment). In the caller's transaction, one audit event per
 * control, in the order given. The controls module owns its table: other modules change applicability only here.
 */
export async function proposeApplicable(
  ctx: OrgContext,
  trx: Db,
  controls: readonly { id: string; ref: string }[],
  riskRef: string,
): Promise<void> {
  const now = nowIso();
  for (const control of controls) {
    await trx
      .updateTable('controls')
      .set((eb) => ({
        applicability: 'applicable',
        version: eb('version', '+', 1),
        updatedAt: now,
        updatedBy: ctx.actor.userId,
      }))
      .where('orgId', '=', ctx.org.id)
      .where('id', '=', control.id)
      .execute();
    await recordAudit(trx, {
      orgId: ctx.org.id,
      actor: ctx.actor,
      ip: ctx.ip,
      entityType: 'control',
      entityId: control.id,
      event: { type: 'control.proposed_applicable', payload: { ref: control.ref, riskRef } },
    });
  }
}
