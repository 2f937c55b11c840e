import type { Db } from '../../db/connect.js';
import { inOrgTransaction } from '../transaction.js';
import { todayIso } from '../util/ids.js';
import { MANUAL_FREQUENCY } from './objective-status.js';
import { asTarget, progressPoints, stateOf, type ProgressPoint } from './objective-progress-state.js';

/**
 * The stored progress status also changes with the calendar alone: a deadline passes (missed), values stop coming
 * (at risk). Every write refreshes the objective it touches; this pass refreshes the rest, once a day is enough
 * (housekeeping runs it at start and every few minutes). Per organization, under the organization's lock (so a
 * progress entry being written is not overwritten by a status computed without it), writing only the objectives
 * whose status or latest value changed. Returns how many changed. `today` is injected for tests.
 */
export async function refreshObjectiveStatuses(db: Db, today = todayIso()): Promise<number> {
  const orgs = await db
    .selectFrom('organizations')
    .select(['id', 'slug', 'name'])
    .where(
      'id',
      'in',
      db
        .selectFrom('objectives')
        .select('orgId')
        .where('archivedAt', 'is', null)
        .where('lifecycle', 'in', ['draft', 'active'])
        .where('measurementMode', '!=', 'not_practicable'),
    )
    .execute();
  let changed = 0;
  for (const org of orgs) changed += await inOrgTransaction({ db, org }, (trx) => refreshOrg(trx, org.id, today));
  return changed;
}

async function refreshOrg(trx: Db, orgId: string, today: string): Promise<number> {
  const rows = await trx
    .selectFrom('objectives')
    .select([
      'id',
      'measurementMode',
      'targetDirection',
      'targetValue',
      'baselineValue',
      'startDate',
      'deadline',
      'progressStatus',
      'latestValue',
      'latestValueDate',
    ])
    .where('orgId', '=', orgId)
    .where('archivedAt', 'is', null)
    .where('lifecycle', 'in', ['draft', 'active'])
    .where('measurementMode', '!=', 'not_practicable')
    .execute();
  // manual entries of the whole organization in one query; measures through their reader
  const manualIds = rows.filter((r) => r.measurementMode === 'manual').map((r) => r.id);
  const manual = new Map<string, ProgressPoint[]>();
  if (manualIds.length) {
    const entries = await trx
      .selectFrom('objectiveProgress')
      .select(['objectiveId', 'entryDate', 'value'])
      .where('orgId', '=', orgId)
      .where('objectiveId', 'in', manualIds)
      .orderBy('entryDate')
      .orderBy('recordedAt')
      .orderBy('id')
      .execute();
    for (const e of entries) {
      const list = manual.get(e.objectiveId) ?? [];
      if (!list.length) manual.set(e.objectiveId, list);
      list.push({ date: e.entryDate, value: Number(e.value), source: 'manual' });
    }
  }
  let changed = 0;
  for (const row of rows) {
    const target = asTarget(row);
    const { points, frequency } =
      target.measurementMode === 'manual'
        ? { points: manual.get(row.id) ?? [], frequency: MANUAL_FREQUENCY }
        : await progressPoints(trx, orgId, row.id, target.measurementMode);
    const state = stateOf(target, points, frequency, today);
    const same =
      state.progressStatus === row.progressStatus &&
      state.latestValue === (row.latestValue === null ? null : Number(row.latestValue)) &&
      state.latestValueDate === row.latestValueDate;
    if (same) continue;
    await trx.updateTable('objectives').set(state).where('orgId', '=', orgId).where('id', '=', row.id).execute();
    changed++;
  }
  return changed;
}
