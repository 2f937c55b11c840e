import type { Db } from '../../db/connect.js';
import type { Frequency, TargetDirection } from '../../schema/measurement/measure-target.js';
import {
  OBJECTIVE_MEASURED_BY_KIND,
  type MeasurementMode,
  type ProgressStatus,
} from '../../schema/objectives/objective.register.js';
import type { OrgContext } from '../context.js';
import { todayIso } from '../util/ids.js';
import { measureValues } from './measure-values.js';
import { latestPoint, MANUAL_FREQUENCY, objectiveStatus } from './objective-status.js';

/** What the status is computed from: the objective's target fields. */
export interface ObjectiveTarget {
  measurementMode: MeasurementMode;
  targetDirection: TargetDirection | null;
  targetValue: number | null;
  baselineValue: number | null;
  startDate: string | null;
  deadline: string | null;
}

export interface ProgressPoint {
  date: string;
  value: number;
  source: 'manual' | 'measure';
}

/** The stored summary columns of an objective, refreshed whenever a value or the objective changes. */
export interface ProgressState {
  progressStatus: ProgressStatus;
  latestValue: number | null;
  latestValueDate: string | null;
}

/** The measure an objective takes its value from: the first one linked (by when it was linked). */
export async function firstMeasureId(trx: Db, orgId: string, objectiveId: string): Promise<string | null> {
  const row = await trx
    .selectFrom('links')
    .select('toId')
    .where('orgId', '=', orgId)
    .where('fromType', '=', 'objective')
    .where('fromId', '=', objectiveId)
    .where('toType', '=', 'measure')
    .where('kind', '=', OBJECTIVE_MEASURED_BY_KIND)
    .orderBy('createdAt')
    .orderBy('id')
    .executeTakeFirst();
  return row?.toId ?? null;
}

/** The objective's values, oldest first, and how often one is expected. */
export async function progressPoints(
  trx: Db,
  orgId: string,
  objectiveId: string | undefined,
  mode: MeasurementMode,
): Promise<{ points: ProgressPoint[]; frequency: Frequency }> {
  if (!objectiveId || mode === 'not_practicable') return { points: [], frequency: MANUAL_FREQUENCY };
  if (mode === 'manual') {
    const rows = await trx
      .selectFrom('objectiveProgress')
      .select(['entryDate', 'value'])
      .where('orgId', '=', orgId)
      .where('objectiveId', '=', objectiveId)
      .orderBy('entryDate')
      .orderBy('recordedAt')
      .orderBy('id')
      .execute();
    return {
      points: rows.map((r) => ({ date: r.entryDate, value: Number(r.value), source: 'manual' })),
      frequency: MANUAL_FREQUENCY,
    };
  }
  const measureId = await firstMeasureId(trx, orgId, objectiveId);
  const values = measureId ? await measureValues(trx, orgId, measureId) : null;
  if (!values) return { points: [], frequency: MANUAL_FREQUENCY };
  return {
    points: values.points.map((p) => ({ date: p.date, value: p.value, source: 'measure' })),
    frequency: values.frequency,
  };
}

/** Status, latest value and its date from the target and the values. */
export function stateOf(
  target: ObjectiveTarget,
  points: readonly ProgressPoint[],
  frequency: Frequency,
  today: string,
): ProgressState {
  const latest = latestPoint(points);
  return {
    progressStatus: objectiveStatus({
      mode: target.measurementMode,
      direction: target.targetDirection,
      target: target.targetValue,
      baseline: target.baselineValue,
      startDate: target.startDate,
      deadline: target.deadline,
      points,
      frequency,
      today,
    }),
    latestValue: latest?.value ?? null,
    latestValueDate: latest?.date ?? null,
  };
}

export async function computeProgressState(
  ctx: OrgContext,
  trx: Db,
  objectiveId: string | undefined,
  target: ObjectiveTarget,
): Promise<ProgressState> {
  const { points, frequency } = await progressPoints(trx, ctx.org.id, objectiveId, target.measurementMode);
  return stateOf(target, points, frequency, todayIso());
}

/**
 * Writes the summary columns after a value changed (a progress entry, a measure linked or unlinked). They are a
 * cache of what the values say, not an edit of the objective: the version is not bumped (a form open on the
 * objective is not made stale by a progress entry) and the event that changed the values is the audit record.
 */
export async function refreshProgressState(ctx: OrgContext, trx: Db, objectiveId: string): Promise<ProgressState> {
  const row = await trx
    .selectFrom('objectives')
    .select(['measurementMode', 'targetDirection', 'targetValue', 'baselineValue', 'startDate', 'deadline'])
    .where('orgId', '=', ctx.org.id)
    .where('id', '=', objectiveId)
    .executeTakeFirstOrThrow();
  const state = await computeProgressState(ctx, trx, objectiveId, asTarget(row));
  await trx
    .updateTable('objectives')
    .set(state)
    .where('orgId', '=', ctx.org.id)
    .where('id', '=', objectiveId)
    .execute();
  return state;
}

/** A stored row's target fields, typed (the columns hold what the register validated). */
export function asTarget(row: {
  measurementMode: string;
  targetDirection: string | null;
  targetValue: number | null;
  baselineValue: number | null;
  startDate: string | null;
  deadline: string | null;
}): ObjectiveTarget {
  return {
    measurementMode: MODES[row.measurementMode] ?? 'not_practicable',
    targetDirection: row.targetDirection === null ? null : (DIRECTIONS[row.targetDirection] ?? null),
    targetValue: row.targetValue === null ? null : Number(row.targetValue),
    baselineValue: row.baselineValue === null ? null : Number(row.baselineValue),
    startDate: row.startDate,
    deadline: row.deadline,
  };
}

const MODES: Record<string, MeasurementMode> = {
  measures: 'measures',
  manual: 'manual',
  not_practicable: 'not_practicable',
};
const DIRECTIONS: Record<string, TargetDirection> = { at_least: 'at_least', at_most: 'at_most', reach: 'reach' };

/**
 * After results of measures were written (by hand, pushed, imported, sampled), in the same transaction: refreshes
 * the stored status of the objectives that take their value from those measures (the first linked). For the
 * measures module to call where it stores results (issue 16: wired at merge time); a bounded number of queries
 * per objective concerned.
 */
export async function refreshObjectivesMeasuredBy(
  ctx: OrgContext,
  trx: Db,
  measureIds: readonly string[],
): Promise<void> {
  if (!measureIds.length) return;
  const linked = await trx
    .selectFrom('links')
    .select('fromId')
    .distinct()
    .where('orgId', '=', ctx.org.id)
    .where('fromType', '=', 'objective')
    .where('toType', '=', 'measure')
    .where('kind', '=', OBJECTIVE_MEASURED_BY_KIND)
    .where('toId', 'in', [...new Set(measureIds)])
    .execute();
  for (const { fromId } of linked) await refreshProgressState(ctx, trx, fromId);
}
