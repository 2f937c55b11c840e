import type { Updateable } from 'kysely';
import type { z } from 'zod';
import type { ImprovementsTable } from '../../db/types.js';
import {
  improvementRegister,
  type ImprovementStatus,
  type improvementEvaluationBodySchema,
  type improvementImplementedBodySchema,
  type improvementReviewBodySchema,
  type improvementSuggestBodySchema,
} from '../../schema/improvement/improvement.register.js';
import { recordAudit } from '../audit/audit.service.js';
import type { OrgContext } from '../context.js';
import { ConflictError, NotFoundError } from '../errors.js';
import type { RegisterModule } from '../register/register-module.js';
import { createRecord, getRecord } from '../register/register.service.js';
import { inOrgTransaction } from '../transaction.js';
import { nowIso, todayIso } from '../util/ids.js';

type Fields = typeof improvementRegister.fields;
type Step = 'evaluation' | 'implementation' | 'review';

/**
 * Improvements (27001 10.1). Created as suggested, by whoever suggests it (`suggestedBy` is the caller); the first
 * action planned for an evaluated one makes it planned. Evaluation, implementation and review are steps of their own.
 */
export const improvementsModule: RegisterModule<Fields> = {
  def: improvementRegister,
  // where it came from is set when it is raised (one step from the source record), never claimed afterwards
  ownedLinkKinds: { raised_from: 'POST /api/v1/orgs/{org}/internal-audits/{id}/checklist/{itemId}/raise' },
  async beforeWrite(ctx, _trx, _changes, existing) {
    return existing ? {} : { status: 'suggested', suggestedBy: ctx.actor.userId };
  },
  async onActionPlanned(ctx, trx, id, _action, tools) {
    const row = await trx
      .selectFrom('improvements')
      .select(['ref', 'status', 'archivedAt'])
      .where('id', '=', id)
      .where('orgId', '=', ctx.org.id)
      .executeTakeFirst();
    if (!row || row.archivedAt) return;
    if (row.status === 'evaluated') {
      await tools.updateRecord(improvementsModule, id, { status: 'planned' });
      return;
    }
    if (row.status === 'planned') return;
    const message = `${row.ref} is ${row.status}: actions are planned for an improvement evaluated as worth pursuing`;
    throw new ConflictError(message, [{ field: 'body.sourceId', message }]);
  },
};

const FROM: Record<Step, readonly ImprovementStatus[]> = {
  evaluation: ['suggested'],
  implementation: ['planned'],
  review: ['implemented'],
};

/** One step, as for nonconformities: version and state checked in the organization's transaction, one event. */
async function takeStep(
  ctx: OrgContext,
  id: string,
  step: Step,
  expectedVersion: number,
  to: ImprovementStatus,
  set: Omit<Updateable<ImprovementsTable>, 'id' | 'orgId' | 'ref' | 'version'>,
) {
  return inOrgTransaction(ctx, async (trx) => {
    const row = await trx
      .selectFrom('improvements')
      .select(['ref', 'status', 'version', 'archivedAt'])
      .where('orgId', '=', ctx.org.id)
      .where('id', '=', id)
      .executeTakeFirst();
    if (!row) throw new NotFoundError('The improvement');
    if (row.archivedAt) throw new ConflictError(`${row.ref} is archived and cannot be changed`);
    if (row.version !== expectedVersion)
      throw new ConflictError(`${row.ref} was changed by someone else (version ${row.version}); reload and try again`, [
        { field: 'body.expectedVersion', message: `Stale: current version is ${row.version}` },
      ]);
    if (!FROM[step].includes(row.status as ImprovementStatus))
      throw new ConflictError(`${row.ref} is ${row.status}: the ${step} is not the next step`, [
        { field: 'status', message: `The ${step} follows ${FROM[step].join(' or ')}` },
      ]);
    // 10.1 / 27003 10.2 f: the change is implemented when its actions are done, as a nonconformity's
    // effectiveness review waits for its corrective actions
    if (step === 'implementation') {
      const open = await trx
        .selectFrom('actions')
        .select('ref')
        .where('orgId', '=', ctx.org.id)
        .where('sourceType', '=', 'improvement')
        .where('sourceId', '=', id)
        .where('archivedAt', 'is', null)
        .where('status', 'in', ['open', 'in_progress'])
        .orderBy('ref')
        .execute();
      const refs = open.map((a) => a.ref).join(', ');
      if (refs)
        throw new ConflictError(`${refs} still open: record the improvement as implemented once its actions are done`, [
          { field: 'actions', message: `Still open: ${refs}` },
        ]);
    }
    const result = await trx
      .updateTable('improvements')
      .set({ ...set, status: to, version: row.version + 1, updatedAt: nowIso(), updatedBy: ctx.actor.userId })
      .where('orgId', '=', ctx.org.id)
      .where('id', '=', id)
      .where('version', '=', row.version)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1)
      throw new ConflictError(`${row.ref} was changed by someone else just now; reload and try again`, [
        { field: 'body.expectedVersion', message: 'Stale: the record changed while this step was being written' },
      ]);
    await recordAudit(trx, {
      orgId: ctx.org.id,
      actor: ctx.actor,
      ip: ctx.ip,
      entityType: 'improvement',
      entityId: id,
      event: {
        type: 'improvement.step_recorded',
        payload: { ref: row.ref, step, statusFrom: row.status, statusTo: to },
      },
    });
    return getRecord({ ...ctx, db: trx }, improvementsModule, id);
  });
}

/** Anyone may suggest an improvement (permission `improvement.suggest`, every role). */
export function suggestImprovement(ctx: OrgContext, body: z.infer<typeof improvementSuggestBodySchema>) {
  return createRecord(ctx, improvementsModule, {
    title: body.title,
    description: body.description ?? null,
    source: 'suggestion',
  });
}

export function evaluateImprovement(ctx: OrgContext, id: string, b: z.infer<typeof improvementEvaluationBodySchema>) {
  return takeStep(ctx, id, 'evaluation', b.expectedVersion, b.worthPursuing ? 'evaluated' : 'rejected', {
    worthPursuing: b.worthPursuing ? 1 : 0,
    evaluationNote: b.evaluationNote,
    evaluatedBy: ctx.actor.userId,
    evaluatedOn: todayIso(),
  });
}

export function markImplemented(ctx: OrgContext, id: string, b: z.infer<typeof improvementImplementedBodySchema>) {
  return takeStep(ctx, id, 'implementation', b.expectedVersion, 'implemented', { ismsChange: b.ismsChange });
}

export function reviewImprovement(ctx: OrgContext, id: string, b: z.infer<typeof improvementReviewBodySchema>) {
  return takeStep(ctx, id, 'review', b.expectedVersion, 'reviewed', {
    effective: b.effective ? 1 : 0,
    effectivenessNote: b.effectivenessNote,
    reviewedOn: todayIso(),
  });
}
