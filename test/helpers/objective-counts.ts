import type { DatabaseHandle } from '../../src/db/connect.js';

/** Rows of the objectives tables and the audit trail: a refused request changes none of them. */
export async function objectiveCounts(handle: DatabaseHandle) {
  const count = async (
    table: 'objectives' | 'objectiveProgress' | 'objectiveCommunications' | 'auditEvents' | 'links' | 'actions',
  ) => {
    const row = await handle.db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  };
  return {
    objectives: await count('objectives'),
    progress: await count('objectiveProgress'),
    communications: await count('objectiveCommunications'),
    auditEvents: await count('auditEvents'),
    links: await count('links'),
    actions: await count('actions'),
  };
}
