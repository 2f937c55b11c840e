import type {
  ObjectiveProgress,
  ObjectiveProgressBody,
  ObjectiveSeries,
} from '../../schema/objectives/objective-progress.schema.js';
import { recordAudit } from '../audit/audit.service.js';
import type { OrgContext } from '../context.js';
import { ConflictError, NotFoundError, ValidationError } from '../errors.js';
import { inOrgTransaction } from '../transaction.js';
import { newId, nowIso, todayIso } from '../util/ids.js';
import { stringArray } from '../util/string-array.js';
import { assertIdsInOrg, assertOpen, loadObjective, recorderId } from './objective-common.js';
import { asTarget, progressPoints, refreshProgressState, stateOf } from './objective-progress-state.js';

/**
 * A manual progress entry (6.2 b when no measure fits), with its evidence: one transaction with its audit event and
 * the objective's status refreshed. Entries are never changed: a wrong one is corrected by a later entry.
 */
export async function recordProgress(
  ctx: OrgContext,
  objectiveId: string,
  body: ObjectiveProgressBody,
): Promise<ObjectiveProgress> {
  if (body.entryDate > todayIso())
    throw new ValidationError([{ field: 'body.entryDate', message: 'Progress cannot be recorded for a future date' }]);
  return inOrgTransaction(ctx, async (trx) => {
    const objective = await loadObjective(ctx, trx, objectiveId);
    assertOpen(objective, 'progress is recorded');
    if (objective.measurementMode !== 'manual')
      throw new ConflictError(`${objective.ref} is measured ${objective.measurementMode.replace('_', ' ')}`, [
        {
          field: 'measurementMode',
          message:
            objective.measurementMode === 'measures'
              ? 'Its value comes from its measure: record results of the measure'
              : 'Not practicable to measure: its achievement is judged, not recorded as values',
        },
      ]);
    const evidence = [...new Set(body.evidenceIds)];
    await assertIdsInOrg(ctx, trx, 'evidence', body.evidenceIds, 'body.evidenceIds', 'evidence');
    const row = {
      id: newId(),
      orgId: ctx.org.id,
      objectiveId,
      entryDate: body.entryDate,
      value: body.value,
      note: body.note ?? null,
      evidenceIds: JSON.stringify(evidence),
      recordedBy: recorderId(ctx),
      recordedAt: nowIso(),
    };
    await trx.insertInto('objectiveProgress').values(row).execute();
    await refreshProgressState(ctx, trx, objectiveId);
    await recordAudit(trx, {
      orgId: ctx.org.id,
      actor: ctx.actor,
      ip: ctx.ip,
      entityType: 'objective',
      entityId: objectiveId,
      event: {
        type: 'objective.progress_recorded',
        payload: {
          ref: objective.ref,
          entryId: row.id,
          entryDate: row.entryDate,
          value: row.value,
          note: row.note,
          evidence,
        },
      },
    });
    const { orgId: _o, ...entry } = row;
    return { ...entry, evidenceIds: evidence };
  });
}

/** An objective's manual entries, newest first (at most 1,000: years of weekly entries). */
export async function listProgress(ctx: OrgContext, objectiveId: string): Promise<{ items: ObjectiveProgress[] }> {
  await loadObjective(ctx, ctx.db, objectiveId);
  const rows = await ctx.db
    .selectFrom('objectiveProgress')
    .select(['id', 'objectiveId', 'entryDate', 'value', 'note', 'evidenceIds', 'recordedBy', 'recordedAt'])
    .where('orgId', '=', ctx.org.id)
    .where('objectiveId', '=', objectiveId)
    .orderBy('entryDate', 'desc')
    .orderBy('recordedAt', 'desc')
    .orderBy('id', 'desc')
    .limit(1000)
    .execute();
  return { items: rows.map((r) => ({ ...r, value: Number(r.value), evidenceIds: stringArray(r.evidenceIds) })) };
}

/**
 * The progress chart's data: every value (manual entries or the measure's results), oldest first, each with the
 * status the objective had when it was the latest value (as of its own date), and the target, baseline and
 * deadline the chart draws around them. The status at the end is the objective's status today.
 */
export async function progressSeries(ctx: OrgContext, objectiveId: string): Promise<ObjectiveSeries> {
  const row = await ctx.db
    .selectFrom('objectives')
    .select([
      'id',
      'measurementMode',
      'targetDirection',
      'targetValue',
      'targetUnit',
      'baselineValue',
      'startDate',
      'deadline',
    ])
    .where('orgId', '=', ctx.org.id)
    .where('id', '=', objectiveId)
    .executeTakeFirst();
  if (!row) throw new NotFoundError('The objective');
  const target = asTarget(row);
  const { points, frequency } = await progressPoints(ctx.db, ctx.org.id, objectiveId, target.measurementMode);
  return {
    points: points.map((p, i) => ({
      ...p,
      status: stateOf(target, points.slice(0, i + 1), frequency, p.date).progressStatus,
    })),
    target: target.targetValue,
    targetUnit: row.targetUnit,
    targetDirection: target.targetDirection,
    baseline: target.baselineValue,
    startDate: target.startDate,
    deadline: target.deadline,
    status: stateOf(target, points, frequency, todayIso()).progressStatus,
  };
}
