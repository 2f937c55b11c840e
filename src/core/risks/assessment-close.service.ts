import type { z } from 'zod';
import type { closedAssessmentSchema } from '../../schema/risks/risks.responses.js';
import { recordAudit } from '../audit/audit.service.js';
import type { OrgContext } from '../context.js';
import { ConflictError, NotFoundError } from '../errors.js';
import { inOrgTransaction } from '../transaction.js';
import { nowIso } from '../util/ids.js';
import { saveDraftIn } from '../versioning/version-drafts.service.js';
import { emptyContent } from '../versioning/version-store.js';
import { assessmentResultsVersionedModule } from './assessment-results.module.js';
import { methodologyInForce } from './methodology.service.js';

const SNAPSHOT_BATCH = 200;

/**
 * Closes an assessment: every current risk's analysis and evaluation is copied into its frozen snapshot (an
 * append-only table), with the methodology version in force, in one transaction with the audit event.
 */
export async function closeAssessment(
  ctx: OrgContext,
  id: string,
  note?: string,
): Promise<z.infer<typeof closedAssessmentSchema>> {
  return inOrgTransaction(ctx, async (trx) => {
    const a = await trx
      .selectFrom('riskAssessments')
      .selectAll()
      .where('orgId', '=', ctx.org.id)
      .where('id', '=', id)
      .executeTakeFirst();
    if (!a) throw new NotFoundError('The risk assessment');
    if (a.archivedAt) throw new ConflictError(`${a.ref} is archived`);
    if (a.status === 'closed') throw new ConflictError(`${a.ref} is already closed`);
    const inForce = await methodologyInForce(ctx, trx);
    const risks = await trx
      .selectFrom('risks')
      .selectAll()
      .where('orgId', '=', ctx.org.id)
      .where('archivedAt', 'is', null)
      .orderBy('ref')
      .execute();
    const owners = new Map(
      (
        await trx
          .selectFrom('users')
          .innerJoin('memberships', 'memberships.userId', 'users.id')
          .select(['users.id', 'users.name'])
          .where('memberships.orgId', '=', ctx.org.id)
          .execute()
      ).map((u) => [u.id, u.name]),
    );
    for (let i = 0; i < risks.length; i += SNAPSHOT_BATCH) {
      const batch = risks.slice(i, i + SNAPSHOT_BATCH).map((r) => {
        const { orgId: _o, ...snapshot } = r;
        return {
          assessmentId: id,
          orgId: ctx.org.id,
          riskId: r.id,
          ref: r.ref,
          title: r.title,
          ownerId: r.ownerId,
          ownerLabel: r.ownerId ? (owners.get(r.ownerId) ?? null) : null,
          status: r.status,
          likelihood: r.likelihood,
          consequenceLevel: r.consequenceLevel,
          score: r.score,
          level: r.level,
          levelRank: r.levelRank,
          acceptable: r.acceptable,
          priority: r.priority,
          methodologyVersion: r.methodologyVersion,
          snapshot: JSON.stringify(snapshot),
        };
      });
      await trx.insertInto('riskAssessmentEntries').values(batch).execute();
    }
    const now = nowIso();
    const methodologyVersion = inForce?.versionNo ?? a.methodologyVersion;
    await trx
      .updateTable('riskAssessments')
      .set({
        status: 'closed',
        closedAt: now,
        closedBy: ctx.actor.userId,
        riskCount: risks.length,
        methodologyVersion,
        version: a.version + 1,
        updatedAt: now,
        updatedBy: ctx.actor.userId,
      })
      .where('id', '=', id)
      .execute();
    await recordAudit(trx, {
      orgId: ctx.org.id,
      actor: ctx.actor,
      ip: ctx.ip,
      entityType: 'risk_assessment',
      entityId: id,
      event: {
        type: 'risk_assessment.closed',
        payload: { ref: a.ref, methodologyVersion, risks: risks.length, note: note ?? null },
      },
    });
    // the results document (8.2): version 1 as a draft, filled from the snapshot just frozen, in this transaction
    await saveDraftIn(ctx, trx, assessmentResultsVersionedModule, id, {
      content: emptyContent(assessmentResultsVersionedModule),
    });
    return { id, ref: a.ref, closedAt: now, riskCount: risks.length, methodologyVersion };
  });
}
