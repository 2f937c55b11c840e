import { sql, type Kysely } from 'kysely';
import { registerBase } from './helpers.js';

/**
 * Leadership (27001 5.1, 5.3) and the ISMS processes (4.4): processes and their interactions, ISMS roles, their
 * assignments, the activities of the RACI matrix and its cells, and top management's commitments.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await registerBase(db.schema.createTable('isms_processes'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('purpose', 'text')
    .addColumn('owner_id', 'text', (c) => c.references('users.id'))
    .addColumn('inputs', 'text')
    .addColumn('outputs', 'text')
    .addColumn('clauses', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addUniqueConstraint('isms_processes_ref_uq', ['org_id', 'ref'])
    .execute();

  await registerBase(db.schema.createTable('process_interactions'))
    .addColumn('from_process_id', 'text', (c) => c.notNull().references('isms_processes.id'))
    .addColumn('to_process_id', 'text', (c) => c.notNull().references('isms_processes.id'))
    .addColumn('flows', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addUniqueConstraint('process_interactions_ref_uq', ['org_id', 'ref'])
    .execute();
  await db.schema
    .createIndex('process_interactions_from_idx')
    .on('process_interactions')
    .columns(['org_id', 'from_process_id'])
    .execute();
  await db.schema
    .createIndex('process_interactions_to_idx')
    .on('process_interactions')
    .columns(['org_id', 'to_process_id'])
    .execute();

  await registerBase(db.schema.createTable('isms_roles'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('role_type', 'text', (c) => c.notNull())
    .addColumn('responsibilities', 'text')
    .addColumn('authorities', 'text')
    .addColumn('reports_to_id', 'text', (c) => c.references('isms_roles.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('starter_key', 'text')
    .addUniqueConstraint('isms_roles_ref_uq', ['org_id', 'ref'])
    // NULLs are distinct on both databases: only starting-set roles are unique per key
    .addUniqueConstraint('isms_roles_starter_uq', ['org_id', 'starter_key'])
    .execute();

  await registerBase(db.schema.createTable('role_assignments'))
    .addColumn('role_id', 'text', (c) => c.notNull().references('isms_roles.id'))
    .addColumn('person_label', 'text', (c) => c.notNull())
    .addColumn('person_id', 'text', (c) => c.references('users.id'))
    .addColumn('person_name', 'text')
    .addColumn('person_email', 'text')
    .addColumn('start_date', 'text')
    .addColumn('end_date', 'text')
    .addColumn('approved_by_id', 'text', (c) => c.references('users.id'))
    .addColumn('approved_on', 'text')
    .addColumn('notes', 'text')
    .addUniqueConstraint('role_assignments_ref_uq', ['org_id', 'ref'])
    .execute();
  await db.schema
    .createIndex('role_assignments_role_idx')
    .on('role_assignments')
    .columns(['org_id', 'role_id'])
    .execute();

  await registerBase(db.schema.createTable('isms_activities'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('clauses', 'text')
    .addColumn('position', 'integer', (c) => c.notNull().defaultTo(100))
    .addColumn('starter_key', 'text')
    .addUniqueConstraint('isms_activities_ref_uq', ['org_id', 'ref'])
    .addUniqueConstraint('isms_activities_starter_uq', ['org_id', 'starter_key'])
    .execute();

  await db.schema
    .createTable('raci_cells')
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('activity_id', 'text', (c) => c.notNull().references('isms_activities.id'))
    .addColumn('role_id', 'text', (c) => c.notNull().references('isms_roles.id'))
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.references('users.id'))
    .addPrimaryKeyConstraint('raci_cells_pk', ['org_id', 'activity_id', 'role_id'])
    .addCheckConstraint('raci_cells_value_ck', sql`value in ('R', 'A', 'C', 'I')`)
    .execute();
  // At most one Accountable per activity, whatever the application does.
  await sql`CREATE UNIQUE INDEX raci_cells_one_accountable ON raci_cells (org_id, activity_id) WHERE value = 'A'`.execute(
    db,
  );

  await registerBase(db.schema.createTable('leadership_commitments'))
    .addColumn('commitment', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('demonstration', 'text', (c) => c.notNull())
    .addColumn('evidence', 'text')
    .addColumn('date', 'text')
    .addColumn('owner_id', 'text', (c) => c.references('users.id'))
    .addUniqueConstraint('leadership_commitments_ref_uq', ['org_id', 'ref'])
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('This migration cannot be undone');
}
