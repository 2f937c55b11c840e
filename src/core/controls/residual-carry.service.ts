import type { Db } from '../../db/connect.js';
import type { Methodology } from '../../schema/risks/methodology.schema.js';
import { recordAudit } from '../audit/audit.service.js';
import type { OrgContext } from '../context.js';
import { carryLevel } from '../risks/risk-evaluation.js';
import { methodologyOfVersion } from '../risks/methodology.service.js';

/**
 * When a newly approved methodology changes the size of a scale, the expected residual ratings move with it by
 * relative position (as the risks' own analysis does), in the approval's transaction: otherwise a residual rated
 * 5 on a 5-level scale could not be read on a 3-level one. One audit event says how many treatments moved.
 */
export async function carryResidualLevels(
  ctx: OrgContext,
  trx: Db,
  recordId: string,
  toVersion: number,
  next: Methodology,
): Promise<number> {
  // the version in force until now: the latest approved (now superseded) one before this
  const previous = await trx
    .selectFrom('recordVersions')
    .select('versionNo')
    .where('orgId', '=', ctx.org.id)
    .where('entityType', '=', 'risk_methodology')
    .where('recordId', '=', recordId)
    .where('versionNo', '<', toVersion)
    .where('state', 'in', ['approved', 'superseded'])
    .orderBy('versionNo', 'desc')
    .executeTakeFirst();
  if (!previous) return 0;
  const fromVersion = previous.versionNo;
  const before = await methodologyOfVersion(ctx, trx, recordId, fromVersion);
  if (!before) return 0;
  const l = [before.methodology.likelihood.levels.length, next.likelihood.levels.length] as const;
  const c = [before.methodology.consequence.levels.length, next.consequence.levels.length] as const;
  if (l[0] === l[1] && c[0] === c[1]) return 0;
  const rows = await trx
    .selectFrom('riskTreatments')
    .selectAll()
    .where('orgId', '=', ctx.org.id)
    .where((eb) =>
      eb.or([
        eb('residualLikelihood', 'is not', null),
        eb('residualConsequence', 'is not', null),
        eb('residualConsequenceC', 'is not', null),
        eb('residualConsequenceI', 'is not', null),
        eb('residualConsequenceA', 'is not', null),
      ]),
    )
    .execute();
  for (const r of rows) {
    await trx
      .updateTable('riskTreatments')
      .set({
        residualLikelihood: carryLevel(r.residualLikelihood, l[0], l[1]),
        residualConsequence: carryLevel(r.residualConsequence, c[0], c[1]),
        residualConsequenceC: carryLevel(r.residualConsequenceC, c[0], c[1]),
        residualConsequenceI: carryLevel(r.residualConsequenceI, c[0], c[1]),
        residualConsequenceA: carryLevel(r.residualConsequenceA, c[0], c[1]),
      })
      .where('orgId', '=', ctx.org.id)
      .where('riskId', '=', r.riskId)
      .execute();
  }
  if (rows.length) {
    await recordAudit(trx, {
      orgId: ctx.org.id,
      actor: ctx.actor,
      ip: ctx.ip,
      entityType: 'risk_methodology',
      entityId: recordId,
      event: { type: 'risk.residuals_carried', payload: { fromVersion, toVersion, treatments: rows.length } },
    });
  }
  return rows.length;
}
