import type { Db } from '../../db/connect.js';

/**
 * The next human reference for a prefix in an organization (ACT-001, ACT-002…). One atomic upsert, so two
 * concurrent creates never get the same number on either database.
 */
export async function nextRef(trx: Db, orgId: string, prefix: string): Promise<string> {
  const row = await trx
    .insertInto('refCounters')
    .values({ orgId, prefix, nextValue: 1 })
    .onConflict((oc) =>
      oc.columns(['orgId', 'prefix']).doUpdateSet((eb) => ({ nextValue: eb('refCounters.nextValue', '+', 1) })),
    )
    .returning('nextValue')
    .executeTakeFirstOrThrow();
  return `${prefix}-${String(row.nextValue).padStart(3, '0')}`;
}
