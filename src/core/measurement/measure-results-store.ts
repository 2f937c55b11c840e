import type { Db } from '../../db/connect.js';
import type { FieldError } from '../../schema/common/problem.js';
import {
  frequencySchema,
  isPeriodKey,
  periodBounds,
  targetDirectionSchema,
  type Frequency,
  type Rag,
} from '../../schema/measurement/measure-target.js';
import { recordAuditBatch, type AuditInput } from '../audit/audit.service.js';
import { refreshObjectivesMeasuredBy } from '../objectives/objective-progress-state.js';
import type { Actor } from '../context.js';
import { ConflictError, ValidationError } from '../errors.js';
import { newId, nowIso } from '../util/ids.js';
import { prepare, type MeasureRow, type Prepared, type ResultInput } from './measure-result-rows.js';

export type { ResultInput } from './measure-result-rows.js';

/** Who stores: the organization, the actor (a person, a token, the system for the sampler) and the request's ip. */
export interface StoreBy {
  orgId: string;
  actor: Actor;
  ip?: string | null;
}

/**
 * What to do when the period already has a current result: `supersede` (a correction: the new result replaces it,
 * with a note saying why; the same value again changes nothing, so an automation retry is harmless) or `skip`
 * (the sampler: whatever is stored for the period stays).
 */
export type OnExisting = 'supersede' | 'skip';

export interface StoreOutcome {
  stored: { id: string; measureId: string; periodKey: string }[];
  superseded: number;
  unchanged: number;
}

const CHUNK = 400; // rows per statement: 15 columns keeps well under both databases' bound-parameter limits
const MAX_LISTED = 100;

const chunks = <T>(items: readonly T[], size = CHUNK): T[][] =>
  Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, (i + 1) * size));

/** Where a period starts, to order periods (a stored key of an earlier frequency sorts before any of today's). */
const periodStart = (frequency: Frequency, key: string | null) =>
  key && isPeriodKey(frequency, key) ? periodBounds(frequency, key).from : '';

/**
 * Stores results the same way whoever sends them (a person, an import, automation, the sampler): inside the
 * caller's organization transaction (which holds the organization's lock, so "is there a current result for this
 * period?" cannot change under it), all or nothing. Checks every row first and throws one ValidationError naming
 * every bad field (`field.value`, `field.periodKey`…); a period already evaluated is immutable (409). Then inserts
 * in chunks, marks superseded results, moves each measure's latest columns forward and records one audit event per
 * stored result in one `recordAuditBatch`.
 */
export async function storeResults(
  trx: Db,
  by: StoreBy,
  rows: readonly ResultInput[],
  onExisting: OnExisting = 'supersede',
): Promise<StoreOutcome> {
  const measures = new Map<string, MeasureRow>();
  for (const ids of chunks([...new Set(rows.map((r) => r.measureId))])) {
    const found = await trx
      .selectFrom('measures')
      .select([
        'id',
        'ref',
        'status',
        'frequency',
        'formula',
        'baseMeasures',
        'targetValue',
        'targetDirection',
        'amberThreshold',
        'latestPeriod',
      ])
      .where('orgId', '=', by.orgId)
      .where('id', 'in', ids)
      .where('archivedAt', 'is', null)
      .execute();
    for (const m of found)
      measures.set(m.id, {
        ...m,
        frequency: frequencySchema.parse(m.frequency),
        targetDirection: targetDirectionSchema.parse(m.targetDirection),
      });
  }

  const errors: FieldError[] = [];
  const fail = (field: string, message: string) => {
    if (errors.length < MAX_LISTED) errors.push({ field, message });
  };
  const seen = new Map<string, string>();
  const prepared: Prepared[] = [];
  for (const row of rows) {
    const p = prepare(measures.get(row.measureId), row, seen);
    if ('field' in p) fail(p.field, p.message);
    else prepared.push(p);
  }
  await checkEvidence(trx, by.orgId, rows, fail);
  if (errors.length > 0) throw new ValidationError(errors);

  const current = await currentResults(
    trx,
    by.orgId,
    prepared.map((p) => ({ measureId: p.m.id, periodKey: p.key })),
  );
  const conflicts: FieldError[] = [];
  let unchanged = 0;
  const toInsert: (Prepared & { supersedes: string | null })[] = [];
  for (const p of prepared) {
    const existing = current.get(`${p.m.id} ${p.key}`);
    if (!existing) toInsert.push({ ...p, supersedes: null });
    else if (onExisting === 'skip') unchanged++;
    else if (existing.evaluatedAt) {
      const message = `${p.m.ref} ${p.key} was evaluated on ${existing.evaluatedAt.slice(0, 10)}: its result can no longer change`;
      if (conflicts.length < MAX_LISTED) conflicts.push({ field: `${p.row.field}.periodKey`, message });
    } else if (existing.value === p.value && existing.baseValues === JSON.stringify(p.row.base ?? {})) unchanged++;
    else if (!p.row.note)
      fail(`${p.row.field}.note`, `${p.m.ref} ${p.key} already has a result: a correction says why in the note`);
    else toInsert.push({ ...p, supersedes: existing.id });
  }
  if (conflicts.length > 0) throw new ConflictError('A period already evaluated cannot take another result', conflicts);
  if (errors.length > 0) throw new ValidationError(errors);

  const recordedAt = nowIso();
  const inserts = toInsert.map((p) => ({
    id: newId(),
    orgId: by.orgId,
    measureId: p.m.id,
    periodKey: p.key,
    measuredOn: p.row.measuredOn,
    value: p.value,
    baseValues: JSON.stringify(p.row.base ?? {}),
    rag: p.rag,
    source: p.row.source,
    recordedBy: by.actor.userId,
    recordedAt,
    note: p.note,
    evidenceIds: JSON.stringify([...new Set(p.row.evidenceIds ?? [])]),
    evaluatedAt: null,
    supersededBy: null,
  }));
  // The old row leaves the "one current per period" index before its successor enters it.
  for (const [i, p] of toInsert.entries())
    if (p.supersedes)
      await trx
        .updateTable('measureResults')
        .set({ supersededBy: inserts[i]!.id })
        .where('id', '=', p.supersedes)
        .where('orgId', '=', by.orgId)
        .execute();
  for (const chunk of chunks(inserts)) await trx.insertInto('measureResults').values(chunk).execute();
  await moveLatest(
    trx,
    by.orgId,
    toInsert.map((p, i) => ({ m: p.m, id: inserts[i]!.id, key: p.key, value: p.value, rag: p.rag })),
  );

  const events: AuditInput[] = toInsert.map((p, i) => ({
    orgId: by.orgId,
    actor: by.actor,
    ip: by.ip ?? null,
    entityType: 'measure',
    entityId: p.m.id,
    event: {
      type: 'measure_result.recorded',
      payload: {
        ref: p.m.ref,
        periodKey: p.key,
        value: inserts[i]!.value,
        source: p.row.source,
        supersedes: p.supersedes,
      },
    },
  }));
  await recordAuditBatch(trx, events);
  // objectives measured by these measures take their value and status from them (6.2 b): refreshed in this transaction
  await refreshObjectivesMeasuredBy({ org: { id: by.orgId } }, trx, [...new Set(inserts.map((r) => r.measureId))]);
  return {
    stored: inserts.map((r) => ({ id: r.id, measureId: r.measureId, periodKey: r.periodKey })),
    superseded: toInsert.filter((p) => p.supersedes).length,
    unchanged,
  };
}

async function checkEvidence(
  trx: Db,
  orgId: string,
  rows: readonly ResultInput[],
  fail: (f: string, m: string) => void,
) {
  const ids = [...new Set(rows.flatMap((r) => r.evidenceIds ?? []))];
  if (ids.length === 0) return;
  const known = new Set<string>();
  for (const chunk of chunks(ids))
    for (const e of await trx
      .selectFrom('evidence')
      .select('id')
      .where('orgId', '=', orgId)
      .where('id', 'in', chunk)
      .execute())
      known.add(e.id);
  for (const row of rows)
    (row.evidenceIds ?? []).forEach((id, i) => {
      if (!known.has(id)) fail(`${row.field}.evidenceIds.${i}`, 'No evidence with this id in this organization');
    });
}

/** The current result of each (measure, period) asked, by `measureId periodKey`. */
async function currentResults(trx: Db, orgId: string, pairs: { measureId: string; periodKey: string }[]) {
  const out = new Map<string, { id: string; value: number | null; baseValues: string; evaluatedAt: string | null }>();
  for (const chunk of chunks(pairs)) {
    const found = await trx
      .selectFrom('measureResults')
      .select(['id', 'measureId', 'periodKey', 'value', 'baseValues', 'evaluatedAt'])
      .where('orgId', '=', orgId)
      .where('supersededBy', 'is', null)
      .where('measureId', 'in', [...new Set(chunk.map((p) => p.measureId))])
      .where('periodKey', 'in', [...new Set(chunk.map((p) => p.periodKey))])
      .execute();
    for (const r of found) out.set(`${r.measureId} ${r.periodKey}`, r);
  }
  return out;
}

/** Moves each measure's latest columns to its newest stored period when this batch reaches or passes it. */
async function moveLatest(
  trx: Db,
  orgId: string,
  stored: { m: MeasureRow; key: string; value: number | null; rag: Rag | null }[],
) {
  const newest = new Map<string, (typeof stored)[number]>();
  for (const s of stored) {
    const f = s.m.frequency;
    const best = newest.get(s.m.id);
    if (!best || periodStart(f, s.key) > periodStart(f, best.key)) newest.set(s.m.id, s);
  }
  for (const s of newest.values()) {
    const f = s.m.frequency;
    if (periodStart(f, s.key) < periodStart(f, s.m.latestPeriod)) continue;
    await trx
      .updateTable('measures')
      .set({ latestValue: s.value, latestPeriod: s.key, latestRag: s.rag })
      .where('id', '=', s.m.id)
      .where('orgId', '=', orgId)
      .execute();
  }
}
