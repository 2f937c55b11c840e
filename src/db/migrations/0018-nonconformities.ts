import { sql, type Kysely } from 'kysely';
import { makeAppendOnly, registerBase } from './helpers.js';

/**
 * Nonconformities and corrective action (27001 10.2), their effectiveness reviews (kept, never overwritten: a
 * review that found the actions not effective stays in the history of the reopened nonconformity), and the
 * improvement register (10.1).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await registerBase(db.schema.createTable('nonconformities'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('source_type', 'text')
    .addColumn('source_id', 'text')
    .addColumn('requirement_key', 'text')
    .addColumn('grade', 'text')
    .addColumn('found_by', 'text', (c) => c.references('users.id'))
    .addColumn('found_on', 'text')
    .addColumn('owner_id', 'text', (c) => c.references('users.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('correction_text', 'text')
    .addColumn('correction_done_on', 'text')
    .addColumn('consequences_text', 'text')
    .addColumn('corrective_action_needed', 'integer')
    .addColumn('decision_criterion', 'text')
    .addColumn('decided_by', 'text', (c) => c.references('users.id'))
    .addColumn('decided_on', 'text')
    .addColumn('what_went_wrong', 'text')
    .addColumn('cause_category', 'text')
    .addColumn('whys', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('root_cause', 'text')
    .addColumn('patterns', 'text')
    .addColumn('similar_confirmed', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('analysed_by', 'text', (c) => c.references('users.id'))
    .addColumn('analysed_on', 'text')
    .addColumn('closed_by', 'text', (c) => c.references('users.id'))
    .addColumn('closed_on', 'text')
    .addUniqueConstraint('nonconformities_ref_uq', ['org_id', 'ref'])
    .execute();
  await db.schema
    .createIndex('nonconformities_org_requirement_idx')
    .on('nonconformities')
    .columns(['org_id', 'requirement_key'])
    .execute();
  await db.schema
    .createIndex('nonconformities_org_status_idx')
    .on('nonconformities')
    .columns(['org_id', 'status'])
    .execute();
  await db.schema
    .createIndex('nonconformities_org_source_idx')
    .on('nonconformities')
    .columns(['org_id', 'source_type', 'source_id'])
    .execute();

  await db.schema
    .createTable('nonconformity_reviews')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('nonconformity_id', 'text', (c) => c.notNull().references('nonconformities.id'))
    .addColumn('reviewed_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('reviewed_on', 'text', (c) => c.notNull())
    .addColumn('effective', 'integer', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('evidence_ids', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('nonconformity_reviews_nc_idx')
    .on('nonconformity_reviews')
    .columns(['org_id', 'nonconformity_id'])
    .execute();
  await makeAppendOnly(db, 'nonconformity_reviews');

  await registerBase(db.schema.createTable('improvements'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('source_type', 'text')
    .addColumn('source_id', 'text')
    .addColumn('suggested_by', 'text', (c) => c.references('users.id'))
    .addColumn('owner_id', 'text', (c) => c.references('users.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('worth_pursuing', 'integer')
    .addColumn('evaluation_note', 'text')
    .addColumn('evaluated_by', 'text', (c) => c.references('users.id'))
    .addColumn('evaluated_on', 'text')
    .addColumn('isms_change', 'text')
    .addColumn('effective', 'integer')
    .addColumn('effectiveness_note', 'text')
    .addColumn('reviewed_on', 'text')
    .addUniqueConstraint('improvements_ref_uq', ['org_id', 'ref'])
    .execute();
  await db.schema.createIndex('improvements_org_status_idx').on('improvements').columns(['org_id', 'status']).execute();

  // the default list order (newest reference first), as 0017 does for every register (list-order-index.test.ts)
  for (const table of ['nonconformities', 'improvements'])
    await sql
      .raw(
        `create index ${table}_list_idx on ${table} (org_id, (length("ref")) desc, "ref" desc, "id") where archived_at is null`,
      )
      .execute(db);
}

export async function down(): Promise<void> {
  throw new Error('This migration cannot be undone');
}
