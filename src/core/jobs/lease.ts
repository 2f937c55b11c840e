import type { Db } from '../../db/connect.js';

/**
 * Takes or renews the lease of a background job for `ms` from `now`: true when this holder now holds it. One
 * statement on both databases: insert the lease, or, when the job already has one, take it over only if it has run
 * out or is already ours. On PostgreSQL (READ COMMITTED) concurrent upserts of one row are serialized by its row
 * lock and each re-reads the WHERE against the winner's row, whose lease then runs into the future: of many
 * instances asking at once exactly one gets it. SQLite has one writer, so the same holds in one process or several.
 */
export async function tryLease(db: Db, name: string, holder: string, ms: number, now = new Date()): Promise<boolean> {
  const nowIso = now.toISOString();
  const until = new Date(now.getTime() + ms).toISOString();
  const row = await db
    .insertInto('jobLeases')
    .values({ name, holder, leaseUntil: until })
    .onConflict((oc) =>
      oc
        .column('name')
        .doUpdateSet({ holder, leaseUntil: until })
        .where((eb) => eb.or([eb('jobLeases.leaseUntil', '<=', nowIso), eb('jobLeases.holder', '=', holder)])),
    )
    .returning('name')
    .executeTakeFirst();
  return row !== undefined;
}

/** Gives the lease back (on close), so another instance need not wait for it to run out; only its holder can. */
export async function releaseLease(db: Db, name: string, holder: string, now = new Date()): Promise<void> {
  await db
    .updateTable('jobLeases')
    .set({ leaseUntil: now.toISOString() })
    .where('name', '=', name)
    .where('holder', '=', holder)
    .execute();
}

/** Notes when the holder finished a run (for operators: `job_leases.last_run_at`). */
export async function markLeaseRun(db: Db, name: string, holder: string, at = new Date()): Promise<void> {
  await db
    .updateTable('jobLeases')
    .set({ lastRunAt: at.toISOString() })
    .where('name', '=', name)
    .where('holder', '=', holder)
    .execute();
}

/** The lease row of a job (tests and the operator's view). */
export async function leaseOf(db: Db, name: string) {
  return db.selectFrom('jobLeases').selectAll().where('name', '=', name).executeTakeFirst();
}
