import type { Db } from '../../db/connect.js';

/**
 * The next human reference for a prefix in an organization (ACT-001, ACT-002…). One atomic upsert, so two
 * concurrent creates never get the same number on either database.
 */
export async function nextRef(trx: Db, orgId: string, prefix: string): Promise<string> {
  return (await reserveRefs(trx, orgId, prefix, 1))[0]!;
}

/**
 * The next `count` references for a prefix, in order, in the same one statement: an import reserves a chunk's
 * references at once instead of one round trip per row. Reserved inside the caller's transaction, so a rolled-back
 * chunk gives its numbers back and no gap is left.
 */
export async function reserveRefs(trx: Db, orgId: string, prefix: string, count: number): Promise<string[]> {
  if (count < 1) return [];
  const row = await trx
    .insertInto('refCounters')
    .values({ orgId, prefix, nextValue: count })
    .onConflict((oc) =>
      oc.columns(['orgId', 'prefix']).doUpdateSet((eb) => ({ nextValue: eb('refCounters.nextValue', '+', count) })),
    )
    .returning('nextValue')
    .executeTakeFirstOrThrow();
  const last = Number(row.nextValue);
  return Array.from({ length: count }, (_, i) => `${prefix}-${String(last - count + 1 + i).padStart(3, '0')}`);
}
