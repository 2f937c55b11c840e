import type { RiskCreateBody } from '../../schema/risks/risks.schema.js';
import type { OrgContext } from '../context.js';
import { insertRecord } from '../register/register.service.js';
import { inOrgTransaction } from '../transaction.js';
import { oneWithDerived } from '../register/register-derived.js';
import { RISK_ASSETS, writeSet } from './risk-sets.service.js';
import { risksModule } from './risks.module.js';

/**
 * Creates a risk and, when given, the assets it bears on, in one transaction: the same checks and audit events as
 * creating it and then linking them (`record.created`, then `risk.assets_set`), so an integrator needs one call, and
 * an asset that is not the organization's (or is archived) refuses the whole request, naming `body.assetIds.<i>`.
 */
export async function createRisk(ctx: OrgContext, input: RiskCreateBody) {
  const { assetIds, ...values } = input;
  return inOrgTransaction(ctx, async (trx) => {
    const record = await insertRecord(ctx, trx, risksModule, values);
    if (assetIds?.length) await writeSet(ctx, trx, RISK_ASSETS, String(record.id), assetIds);
    return oneWithDerived(ctx, trx, risksModule, record);
  });
}
