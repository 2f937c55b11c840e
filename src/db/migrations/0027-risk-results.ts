import { sql, type Kysely } from 'kysely';
import { registerBase } from './helpers.js';

/**
 * Results of risk assessment (27001 8.2) and of risk treatment (8.3) as controlled documents. A risk assessment's
 * versions are its results document: the register row gains the version summary columns the versioned mechanism
 * keeps in step, and whether top management signs the results too (the organization's choice, per assessment).
 * Treatment results are a register of their own whose versions freeze the treatment plan's status at a date.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('risk_assessments').addColumn('latest_version', 'integer').execute();
  await db.schema.alterTable('risk_assessments').addColumn('latest_state', 'text').execute();
  await db.schema.alterTable('risk_assessments').addColumn('approved_version', 'integer').execute();
  await db.schema
    .alterTable('risk_assessments')
    .addColumn('top_management_approval', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();

  await registerBase(db.schema.createTable('treatment_results'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('owner_id', 'text', (c) => c.references('users.id'))
    .addColumn('status_date', 'text')
    .addColumn('latest_version', 'integer')
    .addColumn('latest_state', 'text')
    .addColumn('approved_version', 'integer')
    .addUniqueConstraint('treatment_results_ref_uq', ['org_id', 'ref'])
    .execute();
  await sql`create index treatment_results_list_idx on treatment_results (org_id, (length("ref")), "ref", "id") where archived_at is null`.execute(
    db,
  );
}
