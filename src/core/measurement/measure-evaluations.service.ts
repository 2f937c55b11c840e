import type { Selectable } from 'kysely';
import type { z } from 'zod';
import type { MeasureEvaluationsTable } from '../../db/types.js';
import {
  measureEvaluationSchema,
  type evaluationBodySchema,
  type raiseFromEvaluationBodySchema,
  type MeasureEvaluation,
} from '../../schema/measurement/measure-results.schema.js';
import {
  frequencySchema,
  isPeriodKey,
  periodBounds,
  periodKey,
  shiftPeriod,
  type Frequency,
} from '../../schema/measurement/measure-target.js';
import { recordAudit } from '../audit/audit.service.js';
import type { OrgContext } from '../context.js';
import { ConflictError, NotFoundError, ValidationError } from '../errors.js';
import { stringArray } from '../util/string-array.js';
import { raiseNonconformity } from '../improvement/raise-nonconformity.js';
import { inOrgTransaction } from '../transaction.js';
import { newId, nowIso, todayIso } from '../util/ids.js';
import { measureOf } from './measure-results.service.js';

const toEvaluation = (r: Selectable<MeasureEvaluationsTable>): MeasureEvaluation =>
  measureEvaluationSchema.parse({ ...r, actionIds: stringArray(r.actionIds) });

/** The measurement periods that start within an analysis period (months of a quarter, weeks starting in a month). */
export function periodsWithin(frequency: Frequency, bounds: { from: string; to: string }): string[] {
  let key = periodKey(frequency, bounds.from);
  if (periodBounds(frequency, key).from < bounds.from) key = shiftPeriod(frequency, key, 1);
  const keys: string[] = [];
  for (; periodBounds(frequency, key).from <= bounds.to && keys.length < 400; key = shiftPeriod(frequency, key, 1))
    keys.push(key);
  return keys;
}

/**
 * Evaluates one analysis period of a measure (9.1 e: analyse and evaluate the results): the analyst's RAG and
 * note, the actions decided. The results of the measurement periods it covers become immutable (`evaluatedAt`):
 * what was evaluated stays what it was. One evaluation per period (a second: 409); a period not yet begun: 400.
 */
export async function recordEvaluation(
  ctx: OrgContext,
  measureId: string,
  body: z.output<typeof evaluationBodySchema>,
): Promise<MeasureEvaluation> {
  return inOrgTransaction(ctx, async (trx) => {
    const m = await measureOf(trx, ctx.org.id, measureId);
    const frequency = frequencySchema.parse(m.frequency);
    const analysis = frequencySchema.parse(m.analysisFrequency ?? m.frequency);
    if (!isPeriodKey(analysis, body.periodKey))
      throw new ValidationError([
        {
          field: 'body.periodKey',
          message: `not a ${analysis} period, the analysis frequency of ${m.ref} (e.g. ${periodKey(analysis, todayIso())})`,
        },
      ]);
    const bounds = periodBounds(analysis, body.periodKey);
    if (bounds.from > todayIso())
      throw new ValidationError([{ field: 'body.periodKey', message: 'This period has not begun' }]);
    const actionIds = [...new Set(body.actionIds)];
    if (actionIds.length) {
      const known = new Set(
        (
          await trx
            .selectFrom('actions')
            .select('id')
            .where('orgId', '=', ctx.org.id)
            .where('id', 'in', actionIds)
            .execute()
        ).map((a) => a.id),
      );
      const missing = body.actionIds.findIndex((id) => !known.has(id));
      if (missing >= 0)
        throw new ValidationError([
          { field: `body.actionIds.${missing}`, message: 'No action with this id in this organization' },
        ]);
    }
    const earlier = await trx
      .selectFrom('measureEvaluations')
      .select('evaluatedAt')
      .where('orgId', '=', ctx.org.id)
      .where('measureId', '=', measureId)
      .where('periodKey', '=', body.periodKey)
      .executeTakeFirst();
    if (earlier) {
      const message = `${m.ref} ${body.periodKey} was evaluated on ${earlier.evaluatedAt.slice(0, 10)}`;
      throw new ConflictError(message, [{ field: 'body.periodKey', message }]);
    }
    const evaluatedAt = nowIso();
    const frozen = await trx
      .updateTable('measureResults')
      .set({ evaluatedAt })
      .where('orgId', '=', ctx.org.id)
      .where('measureId', '=', measureId)
      .where('periodKey', 'in', periodsWithin(frequency, bounds))
      .where('supersededBy', 'is', null)
      .where('evaluatedAt', 'is', null)
      .executeTakeFirst();
    const row = {
      id: newId(),
      orgId: ctx.org.id,
      measureId,
      periodKey: body.periodKey,
      rag: body.rag,
      note: body.note,
      actionIds: JSON.stringify(actionIds),
      resultCount: Number(frozen.numUpdatedRows),
      evaluatedBy: ctx.actor.userId,
      evaluatedAt,
      nonconformityId: null,
    };
    await trx.insertInto('measureEvaluations').values(row).execute();
    await recordAudit(trx, {
      orgId: ctx.org.id,
      actor: ctx.actor,
      ip: ctx.ip,
      entityType: 'measure',
      entityId: measureId,
      event: {
        type: 'measure.evaluated',
        payload: { ref: m.ref, periodKey: body.periodKey, rag: body.rag, results: row.resultCount },
      },
    });
    return toEvaluation(row);
  });
}

/** A measure's evaluations, newest period first. */
export async function listEvaluations(ctx: OrgContext, measureId: string) {
  await measureOf(ctx.db, ctx.org.id, measureId);
  const rows = await ctx.db
    .selectFrom('measureEvaluations')
    .selectAll()
    .where('orgId', '=', ctx.org.id)
    .where('measureId', '=', measureId)
    .orderBy('periodKey', 'desc')
    .execute();
  return { items: rows.map(toEvaluation) };
}

/**
 * Raises a nonconformity (source `measurement`) from a red evaluation, linked to the measure, in the same
 * transaction that records it on the evaluation; once per evaluation (409 after).
 */
export async function raiseFromEvaluation(
  ctx: OrgContext,
  measureId: string,
  evaluationId: string,
  body: z.output<typeof raiseFromEvaluationBodySchema> = {},
) {
  return inOrgTransaction(ctx, async (trx) => {
    const m = await measureOf(trx, ctx.org.id, measureId);
    const ev = await trx
      .selectFrom('measureEvaluations')
      .selectAll()
      .where('orgId', '=', ctx.org.id)
      .where('measureId', '=', measureId)
      .where('id', '=', evaluationId)
      .executeTakeFirst();
    if (!ev) throw new NotFoundError('The evaluation');
    if (ev.rag !== 'red')
      throw new ConflictError(`${m.ref} ${ev.periodKey} was evaluated ${ev.rag}: a red period is raised`, [
        { field: 'rag', message: `Evaluated ${ev.rag}` },
      ]);
    if (ev.nonconformityId)
      throw new ConflictError(`${m.ref} ${ev.periodKey} has already been raised as a nonconformity`, [
        { field: 'nonconformityId', message: 'Already raised' },
      ]);
    const nc = await raiseNonconformity(ctx, trx, {
      source: 'measurement',
      sourceType: 'measure',
      sourceId: measureId,
      title: `${m.ref} ${ev.periodKey}: target missed`,
      description: ev.note,
      foundBy: ctx.actor.userId ?? undefined,
      ...(body.ownerId ? { ownerId: body.ownerId } : {}),
      ...(body.dueDate ? { dueDate: body.dueDate } : {}),
    });
    await trx
      .updateTable('measureEvaluations')
      .set({ nonconformityId: nc.id })
      .where('id', '=', ev.id)
      .where('orgId', '=', ctx.org.id)
      .execute();
    await recordAudit(trx, {
      orgId: ctx.org.id,
      actor: ctx.actor,
      ip: ctx.ip,
      entityType: 'measure',
      entityId: measureId,
      event: { type: 'measure.evaluation_raised', payload: { ref: m.ref, periodKey: ev.periodKey, raisedRef: nc.ref } },
    });
    return { evaluation: toEvaluation({ ...ev, nonconformityId: nc.id }), nonconformity: { id: nc.id, ref: nc.ref } };
  });
}
