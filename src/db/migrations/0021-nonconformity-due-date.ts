import type { Kysely } from 'kysely';

/**
 * A nonconformity's due date: when its handling is to be complete (for an audit finding, the date of the follow-up
 * plan agreed with the lead auditor). It makes "open nonconformities past their deadline" a query, for the register's
 * overdue filter and for measurement (9.1).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('nonconformities').addColumn('due_date', 'text').execute();
  await db.schema
    .createIndex('nonconformities_org_due_idx')
    .on('nonconformities')
    .columns(['org_id', 'due_date'])
    .execute();
}
