import type { Db } from '../../../db/connect.js';
import {
  FREQUENCIES,
  isPeriodKey,
  periodBounds,
  ragStatus,
  type Frequency,
  type Target,
} from '../../../schema/measurement/measure-target.js';
import { recordAuditBatch } from '../../audit/audit.service.js';
import { SYSTEM_ACTOR } from '../../context.js';
import { newId, nowIso } from '../../util/ids.js';

/** A measure the sampler stores results for, as read with it. */
export interface SampledMeasure {
  id: string;
  orgId: string;
  ref: string;
  frequency: Frequency;
  latestPeriod: string | null;
  target: Target;
}

export interface BuiltInResult {
  measure: SampledMeasure;
  periodKey: string;
  measuredOn: string;
  value: number | null;
  base: Record<string, number>;
  source: 'builtin' | 'builtin_catch_up';
  note: string | null;
}

/** Where a period starts, whatever frequency its key is of ('' when it is no period key). */
export function periodStartOfAnyKey(key: string | null): string {
  const f = key ? FREQUENCIES.find((x) => isPeriodKey(x, key)) : undefined;
  return key && f ? periodBounds(f, key).from : '';
}

/**
 * Stores the sampler's results of one organization in the caller's organization transaction: a period that has a
 * current result already keeps it (`on conflict do nothing` on the one-current-result-per-period index, so two
 * sampler runs at once store one result per period), the measure's latest columns move to its newest period, and
 * each stored result gets its `measure_result.recorded` event in one batch, by the system.
 *
 * FOR THE LEAD: i16-measures' `storeResults(trx, by, rows, 'skip')` (core/measurement/measure-results-store.ts) does
 * the same for every source; it was not on its branch when this was written. Once merged, the sampler can call it
 * instead (its rows: measureId, periodKey, measuredOn, value, base, note, source, field) and this file go.
 */
export async function storeBuiltInResults(trx: Db, orgId: string, results: readonly BuiltInResult[]): Promise<number> {
  const recordedAt = nowIso();
  const stored: (BuiltInResult & { id: string; rag: string | null })[] = [];
  for (const r of results) {
    const rag = r.value === null ? null : ragStatus(r.value, r.measure.target);
    const row = await trx
      .insertInto('measureResults')
      .values({
        id: newId(),
        orgId,
        measureId: r.measure.id,
        periodKey: r.periodKey,
        measuredOn: r.measuredOn,
        value: r.value,
        baseValues: JSON.stringify(r.base),
        rag,
        source: r.source,
        recordedBy: null,
        recordedAt,
        note: r.note,
        evidenceIds: '[]',
        evaluatedAt: null,
        supersededBy: null,
      })
      .onConflict((oc) => oc.doNothing())
      .returning('id')
      .executeTakeFirst();
    if (row) stored.push({ ...r, id: row.id, rag });
  }
  const newest = new Map<string, (typeof stored)[number]>();
  for (const s of stored) {
    const best = newest.get(s.measure.id);
    if (!best || periodStartOfAnyKey(s.periodKey) > periodStartOfAnyKey(best.periodKey)) newest.set(s.measure.id, s);
  }
  for (const s of newest.values()) {
    if (periodStartOfAnyKey(s.periodKey) < periodStartOfAnyKey(s.measure.latestPeriod)) continue;
    await trx
      .updateTable('measures')
      .set({ latestValue: s.value, latestPeriod: s.periodKey, latestRag: s.rag })
      .where('id', '=', s.measure.id)
      .where('orgId', '=', orgId)
      .execute();
  }
  await recordAuditBatch(
    trx,
    stored.map((s) => ({
      orgId,
      actor: SYSTEM_ACTOR,
      entityType: 'measure',
      entityId: s.measure.id,
      event: {
        type: 'measure_result.recorded',
        payload: { ref: s.measure.ref, periodKey: s.periodKey, value: s.value, source: s.source, supersedes: null },
      },
    })),
  );
  return stored.length;
}
