import type { AcceptanceInput, Treatment } from '../../schema/controls/treatment.schema.js';
import { forUpdate } from '../../db/dialect.js';
import { recordAudit } from '../audit/audit.service.js';
import type { OrgContext } from '../context.js';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../errors.js';
import { ACCEPTABLE_FROM, moveRiskStatus } from '../risks/risk-status.service.js';
import { newId, nowIso, todayIso } from '../util/ids.js';
import { inOrgTransaction } from '../transaction.js';
import { getTreatment, treatmentHash } from './treatment-read.service.js';

/**
 * The risk owner accepts the expected residual risk and approves the treatment (27001 6.1.3 f), bound to the
 * treatment version they read. Only the owner may; the residual risk must be rated. Within the acceptance
 * criteria the acceptance is plain; beyond them it is a concession and needs a justification. An expiry date
 * brings it up for review. Appended with its audit event; a newer treatment makes it outdated.
 */
export async function acceptRisk(ctx: OrgContext, riskId: string, input: AcceptanceInput): Promise<Treatment> {
  await inOrgTransaction(ctx, async (trx) => {
    const risk = await forUpdate(
      trx,
      trx
        .selectFrom('risks')
        .select(['id', 'ref', 'ownerId', 'archivedAt', 'status', 'version'])
        .where('orgId', '=', ctx.org.id)
        .where('id', '=', riskId),
    ).executeTakeFirst();
    if (!risk) throw new NotFoundError('The risk');
    if (risk.archivedAt) throw new ConflictError(`${risk.ref} is archived`);
    if (!risk.ownerId || risk.ownerId !== ctx.actor.userId) {
      throw new ForbiddenError(
        risk.ownerId
          ? `Only the owner of ${risk.ref} accepts its residual risk`
          : `${risk.ref} has no risk owner yet; name one first`,
      );
    }
    const t = await getTreatment(ctx, riskId, trx);
    if (t.version === 0) throw new ConflictError(`${risk.ref} has no treatment to approve yet`);
    if (input.treatmentVersion !== t.version) {
      throw new ConflictError(
        `The treatment of ${risk.ref} changed since you read it (now version ${t.version}); read it again before accepting`,
        [{ field: 'body.treatmentVersion', message: `Current version is ${t.version}` }],
      );
    }
    const e = t.residualEvaluation;
    if (!e)
      throw new ValidationError([
        { field: 'body.kind', message: 'Rate the expected residual risk before accepting it' },
      ]);
    if (e.acceptable && input.kind === 'concession')
      throw new ValidationError([
        { field: 'body.kind', message: 'The residual risk is within the acceptance criteria; no concession is needed' },
      ]);
    if (!e.acceptable && input.kind !== 'concession')
      throw new ValidationError([
        {
          field: 'body.kind',
          message: 'The residual risk is beyond the acceptance criteria; accepting it is a concession',
        },
      ]);
    if (input.kind === 'concession' && !input.justification)
      throw new ValidationError([
        { field: 'body.justification', message: 'Say why the risk is accepted beyond the criteria' },
      ]);
    if (input.expiresOn && input.expiresOn <= todayIso())
      throw new ValidationError([{ field: 'body.expiresOn', message: 'The review date must be in the future' }]);
    const user = await trx
      .selectFrom('users')
      .select('name')
      .where('id', '=', ctx.actor.userId!)
      .executeTakeFirstOrThrow();
    const hash = treatmentHash(t);
    const now = nowIso();
    await trx
      .insertInto('riskAcceptances')
      .values({
        id: newId(),
        orgId: ctx.org.id,
        riskId,
        treatmentVersion: t.version,
        treatmentHash: hash,
        residualLevel: e.level,
        residualAcceptable: e.acceptable ? 1 : 0,
        kind: input.kind,
        justification: input.justification || null,
        expiresOn: input.expiresOn ?? null,
        acceptedBy: ctx.actor.userId!,
        acceptedByName: user.name,
        acceptedAt: now,
      })
      .execute();
    // the risk is now accepted (its status says so, for lists and filters); a closed risk stays closed
    const statusTo = ACCEPTABLE_FROM.includes(risk.status) ? 'accepted' : null;
    if (statusTo) await moveRiskStatus(ctx, trx, risk, statusTo);
    await recordAudit(trx, {
      orgId: ctx.org.id,
      actor: ctx.actor,
      ip: ctx.ip,
      entityType: 'risk',
      entityId: riskId,
      event: {
        type: 'risk.accepted',
        payload: {
          ref: risk.ref,
          treatmentVersion: t.version,
          treatmentHash: hash,
          kind: input.kind,
          residualLevel: e.level,
          expiresOn: input.expiresOn ?? null,
          statusFrom: statusTo ? risk.status : null,
          statusTo,
        },
      },
    });
  });
  return getTreatment(ctx, riskId);
}
