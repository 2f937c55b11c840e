import type { Kysely } from 'kysely';
import { registerBase } from './helpers.js';

/**
 * Management review (27001 9.3): the reviews (their versions are the minutes), the decisions taken at them (outputs,
 * 27003 9.3 g–l), and who attended (members of the organization by id, others by name).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await registerBase(db.schema.createTable('management_reviews'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('level', 'text', (c) => c.notNull())
    .addColumn('unit_name', 'text')
    .addColumn('parent_review_id', 'text', (c) => c.references('management_reviews.id'))
    .addColumn('planned_date', 'text', (c) => c.notNull())
    .addColumn('held_on', 'text')
    .addColumn('chair_id', 'text', (c) => c.references('users.id'))
    .addColumn('location', 'text')
    .addColumn('next_review_due', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('latest_version', 'integer')
    .addColumn('latest_state', 'text')
    .addColumn('approved_version', 'integer')
    .addUniqueConstraint('management_reviews_ref_uq', ['org_id', 'ref'])
    .execute();
  await db.schema
    .createIndex('management_reviews_held_idx')
    .on('management_reviews')
    .columns(['org_id', 'level', 'held_on'])
    .execute();

  await registerBase(db.schema.createTable('management_review_decisions'))
    .addColumn('review_id', 'text', (c) => c.notNull().references('management_reviews.id'))
    .addColumn('input', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('statement', 'text', (c) => c.notNull())
    .addColumn('owner_id', 'text', (c) => c.references('users.id'))
    .addColumn('due_date', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('target_entity', 'text')
    .addColumn('target_id', 'text')
    .addColumn('target_version', 'integer')
    .addUniqueConstraint('management_review_decisions_ref_uq', ['org_id', 'ref'])
    .execute();
  await db.schema
    .createIndex('management_review_decisions_review_idx')
    .on('management_review_decisions')
    .columns(['org_id', 'review_id'])
    .execute();
  await db.schema
    .createIndex('management_review_decisions_target_idx')
    .on('management_review_decisions')
    .columns(['org_id', 'target_entity', 'target_id'])
    .execute();

  await db.schema
    .createTable('management_review_attendees')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('review_id', 'text', (c) => c.notNull().references('management_reviews.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    /** a member of the organization; null for someone attending by name only (a consultant, the external auditor) */
    .addColumn('user_id', 'text', (c) => c.references('users.id'))
    .addColumn('name', 'text')
    .addColumn('capacity', 'text', (c) => c.notNull())
    .addColumn('present', 'integer', (c) => c.notNull())
    .addUniqueConstraint('management_review_attendees_seq_uq', ['review_id', 'seq'])
    .execute();
}
