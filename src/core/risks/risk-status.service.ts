import type { Db } from '../../db/connect.js';
import type { RISK_STATUSES } from '../../schema/risks/risk.register.js';
import type { OrgContext } from '../context.js';
import { nowIso } from '../util/ids.js';

type RiskStatus = (typeof RISK_STATUSES)[number];

/** Risk statuses a first treatment moves on to `treatment_planned`. */
export const BEFORE_TREATMENT: readonly string[] = ['identified', 'assessed'];
/** Risk statuses the owner's acceptance moves on to `accepted` (a closed risk stays closed). */
export const ACCEPTABLE_FROM: readonly string[] = ['identified', 'assessed', 'treatment_planned'];

/**
 * Moves a risk to the status its treatment or its owner's acceptance gives it, in the caller's transaction, with a
 * new record version. The risks module owns its table: other modules change a risk's status only through here.
 * The caller's audit event records the move (`statusFrom`/`statusTo` of `risk.treatment_set` or `risk.accepted`),
 * so the trail shows it beside its reason, as it always has.
 */
export async function moveRiskStatus(
  ctx: OrgContext,
  trx: Db,
  risk: { id: string; version: number },
  to: RiskStatus,
): Promise<void> {
  await trx
    .updateTable('risks')
    .set({ status: to, version: risk.version + 1, updatedAt: nowIso(), updatedBy: ctx.actor.userId })
    .where('orgId', '=', ctx.org.id)
    .where('id', '=', risk.id)
    .execute();
}
