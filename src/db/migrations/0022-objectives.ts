import { sql, type Kysely } from 'kysely';
import { makeAppendOnly, registerBase } from './helpers.js';

/**
 * Information security objectives (27001 6.2): the register, its manual progress entries (append-only: a wrong
 * entry is corrected by a new one), the records of their communication (per objective, or the whole set when
 * objective_id is null), and the objectives document (one current per organization, versioned like the SoA).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await registerBase(db.schema.createTable('objectives'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('statement', 'text')
    .addColumn('level', 'text', (c) => c.notNull())
    .addColumn('function_name', 'text')
    .addColumn('process_id', 'text')
    .addColumn('parent_objective_id', 'text')
    .addColumn('policy_document_id', 'text')
    .addColumn('policy_objective', 'text')
    .addColumn('owner_id', 'text', (c) => c.references('users.id'))
    .addColumn('measurement_mode', 'text', (c) => c.notNull())
    .addColumn('target_value', 'double precision')
    .addColumn('target_unit', 'text')
    .addColumn('target_direction', 'text')
    .addColumn('baseline_value', 'double precision')
    .addColumn('start_date', 'text')
    .addColumn('deadline', 'text')
    .addColumn('not_measurable_reason', 'text')
    .addColumn('judgement_method', 'text')
    .addColumn('planned_work', 'text')
    .addColumn('resources', 'text')
    .addColumn('evaluation_method', 'text')
    .addColumn('lifecycle', 'text', (c) => c.notNull())
    .addColumn('progress_status', 'text')
    .addColumn('latest_value', 'double precision')
    .addColumn('latest_value_date', 'text')
    .addColumn('closed_note', 'text')
    .addColumn('closed_by', 'text', (c) => c.references('users.id'))
    .addColumn('closed_on', 'text')
    .addUniqueConstraint('objectives_ref_uq', ['org_id', 'ref'])
    .execute();
  await db.schema
    .createIndex('objectives_org_status_idx')
    .on('objectives')
    .columns(['org_id', 'progress_status'])
    .execute();
  await sql`create index objectives_list_idx on objectives (org_id, (length("ref")), "ref", "id") where archived_at is null`.execute(
    db,
  );

  await db.schema
    .createTable('objective_progress')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('objective_id', 'text', (c) => c.notNull().references('objectives.id'))
    .addColumn('entry_date', 'text', (c) => c.notNull())
    .addColumn('value', 'double precision', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('evidence_ids', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('recorded_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('objective_progress_objective_idx')
    .on('objective_progress')
    .columns(['org_id', 'objective_id', 'entry_date'])
    .execute();
  await makeAppendOnly(db, 'objective_progress');

  await db.schema
    .createTable('objective_communications')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('objective_id', 'text', (c) => c.references('objectives.id'))
    .addColumn('communicated_on', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('audience', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('recorded_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('objective_communications_objective_idx')
    .on('objective_communications')
    .columns(['org_id', 'objective_id'])
    .execute();

  await registerBase(db.schema.createTable('objectives_documents'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('owner_id', 'text', (c) => c.references('users.id'))
    .addColumn('next_review_date', 'text')
    .addColumn('latest_version', 'integer')
    .addColumn('latest_state', 'text')
    .addColumn('approved_version', 'integer')
    .addUniqueConstraint('objectives_documents_ref_uq', ['org_id', 'ref'])
    .execute();
  // one current objectives document per organization, held by the database (20 writers at once make one)
  await sql`create unique index objectives_documents_one_current on objectives_documents (org_id) where archived_at is null`.execute(
    db,
  );
  // the default list order (by reference), as 0017 does for every register (list-order-index.test.ts)
  await sql`create index objectives_documents_list_idx on objectives_documents (org_id, (length("ref")), "ref", "id") where archived_at is null`.execute(
    db,
  );
}

export async function down(): Promise<void> {
  throw new Error('This migration cannot be undone');
}
