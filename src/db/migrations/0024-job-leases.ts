import type { Kysely } from 'kysely';

/**
 * Leases for background jobs (issue 16: sampling built-in measures). One row per job name: the instance that holds
 * it (`holder`) runs the job until `lease_until` (an ISO timestamp, compared as text), so that several instances on
 * one PostgreSQL database run a job once. `last_run_at`: when the holder last finished a run (for operators).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('job_leases')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('holder', 'text', (c) => c.notNull())
    .addColumn('lease_until', 'text', (c) => c.notNull())
    .addColumn('last_run_at', 'text')
    .execute();
}
