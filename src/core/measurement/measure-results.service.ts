import type { Selectable } from 'kysely';
import { z } from 'zod';
import type { Db } from '../../db/connect.js';
import type { MeasureResultsTable } from '../../db/types.js';
import {
  measureResultSchema,
  type MeasureResult,
  type PushedResult,
  type RecordResultBody,
  type resultListQuerySchema,
} from '../../schema/measurement/measure-results.schema.js';
import type { OrgContext } from '../context.js';
import { NotFoundError } from '../errors.js';
import { stringArray } from '../util/string-array.js';
import { inOrgTransaction } from '../transaction.js';
import { storeResults } from './measure-results-store.js';
import { frequencySchema, periodKey } from '../../schema/measurement/measure-target.js';

type Row = Omit<Selectable<MeasureResultsTable>, 'orgId'>;
const COLUMNS = [
  'id',
  'measureId',
  'periodKey',
  'measuredOn',
  'value',
  'baseValues',
  'rag',
  'source',
  'recordedBy',
  'recordedAt',
  'note',
  'evidenceIds',
  'evaluatedAt',
  'supersededBy',
] as const;
const chunk = <T>(items: T[], size = 500): T[][] =>
  Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, (i + 1) * size));
const numberRecord = z.record(z.string(), z.number());

/** A stored result as the API answers it (JSON columns read back, enums checked). */
export function toResult(r: Row): MeasureResult {
  let base: unknown = {};
  try {
    base = JSON.parse(r.baseValues);
  } catch {
    base = {};
  }
  return measureResultSchema.parse({
    ...r,
    baseValues: numberRecord.safeParse(base).data ?? {},
    evidenceIds: stringArray(r.evidenceIds),
  });
}

/** The measure of this organization (not archived), or 404 like a measure of another organization. */
export async function measureOf(db: Db, orgId: string, id: string) {
  const m = await db
    .selectFrom('measures')
    .select(['id', 'ref', 'frequency', 'analysisFrequency', 'status'])
    .where('orgId', '=', orgId)
    .where('id', '=', id)
    .where('archivedAt', 'is', null)
    .executeTakeFirst();
  if (!m) throw new NotFoundError('The measure');
  return m;
}

/**
 * Records one result by hand (9.1: the person measuring, with the evidence of the measurement). A second result
 * for the period is a correction: it supersedes the current one with a note, until the period is evaluated (409).
 * Answers the period's current result.
 */
export async function recordResult(ctx: OrgContext, measureId: string, body: RecordResultBody): Promise<MeasureResult> {
  return inOrgTransaction(ctx, async (trx) => {
    const m = await measureOf(trx, ctx.org.id, measureId);
    const out = await storeResults(trx, { orgId: ctx.org.id, actor: ctx.actor, ip: ctx.ip ?? null }, [
      { ...body, measureId, source: 'manual', field: 'body' },
    ]);
    // nothing stored: the same value again, so the period's current result is the answer
    const key =
      out.stored[0]?.periodKey ?? body.periodKey ?? periodKey(frequencySchema.parse(m.frequency), body.measuredOn);
    const row = await trx
      .selectFrom('measureResults')
      .select(COLUMNS)
      .where('orgId', '=', ctx.org.id)
      .where('measureId', '=', measureId)
      .where('periodKey', '=', key)
      .where('supersededBy', 'is', null)
      .executeTakeFirstOrThrow();
    return toResult(row);
  });
}

/** A measure's results, newest period first; superseded ones only when asked. */
export async function listResults(ctx: OrgContext, measureId: string, q: z.output<typeof resultListQuerySchema>) {
  await measureOf(ctx.db, ctx.org.id, measureId);
  let base = ctx.db.selectFrom('measureResults').where('orgId', '=', ctx.org.id).where('measureId', '=', measureId);
  if (!q.superseded) base = base.where('supersededBy', 'is', null);
  if (q.from) base = base.where('measuredOn', '>=', q.from);
  if (q.to) base = base.where('measuredOn', '<=', q.to);
  const [rows, count] = await Promise.all([
    base
      .select(COLUMNS)
      .orderBy('periodKey', 'desc')
      .orderBy('recordedAt', 'desc')
      .orderBy('id')
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items: rows.map(toResult), page: q.page, pageSize: q.pageSize, total: Number(count.n) };
}

/**
 * Results pushed by automation (up to 10,000): measures named by reference or id, all or nothing in one
 * transaction, errors naming `body.results.<i>.<field>`. Sending the same value again changes nothing.
 */
export async function pushResults(ctx: OrgContext, results: readonly PushedResult[]) {
  return inOrgTransaction(ctx, async (trx) => {
    const byName = await measureIdsByName(
      trx,
      ctx.org.id,
      results.map((r) => r.measure),
    );
    const out = await storeResults(
      trx,
      { orgId: ctx.org.id, actor: ctx.actor, ip: ctx.ip ?? null },
      results.map(({ measure, ...r }, i) => ({
        ...r,
        measureId: byName.get(measure) ?? byName.get(measure.toUpperCase()) ?? '', // '' finds no measure: named
        source: 'api',
        field: `body.results.${i}`,
      })),
    );
    return { stored: out.stored.length, superseded: out.superseded };
  });
}

/**
 * The ids of the measures named by reference (any case) or id, keyed by the id and the upper-case reference; a name
 * found nowhere is absent, and storing its row fails on `<row>.measure`.
 */
export async function measureIdsByName(trx: Db, orgId: string, given: readonly string[]) {
  const names = [...new Set(given)];
  const uuids = names.filter((n) => z.uuid().safeParse(n).success);
  const refs = [...new Set(names.filter((n) => !uuids.includes(n)).map((n) => n.toUpperCase()))];
  const byName = new Map<string, string>();
  const lookups = [
    ...chunk(uuids).map((values) => ({ column: 'id' as const, values })),
    ...chunk(refs).map((values) => ({ column: 'ref' as const, values })),
  ];
  for (const { column, values } of lookups) {
    const found = await trx
      .selectFrom('measures')
      .select(['id', 'ref'])
      .where('orgId', '=', orgId)
      .where('archivedAt', 'is', null)
      .where(column, 'in', values)
      .execute();
    for (const m of found) byName.set(column === 'id' ? m.id : m.ref.toUpperCase(), m.id);
  }
  return byName;
}
