import { sql, type Kysely } from 'kysely';
import { isPostgres, makeAppendOnly, registerBase } from './helpers.js';

/**
 * Documented information (27001 7.5, 5.2; 27003 Annex A): the document register, who approves each document and
 * who it is for, publications and the acknowledgements of each published version (evidence for 7.3), reviews,
 * and disposals at the end of retention. A disposal is the one way an approved version's text may go: the version
 * becomes `disposed`, its content is emptied and its hash stays as the record of what existed.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await registerBase(db.schema.createTable('documents'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('is_security_policy', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('parent_id', 'text', (c) => c.references('documents.id'))
    .addColumn('purpose', 'text')
    .addColumn('classification', 'text', (c) => c.notNull())
    .addColumn('owner_id', 'text', (c) => c.references('users.id'))
    .addColumn('author_id', 'text', (c) => c.references('users.id'))
    .addColumn('origin', 'text', (c) => c.notNull())
    .addColumn('source', 'text')
    .addColumn('audience', 'text', (c) => c.notNull())
    .addColumn('review_interval_months', 'integer', (c) => c.notNull())
    .addColumn('next_review_date', 'text')
    .addColumn('retention_months', 'integer', (c) => c.notNull())
    .addColumn('retention_action', 'text', (c) => c.notNull())
    .addColumn('shareable_externally', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('status', 'text')
    .addColumn('published_version', 'integer')
    .addColumn('published_on', 'text')
    .addColumn('withdrawn_on', 'text')
    .addColumn('retention_ends_on', 'text')
    .addColumn('disposed_on', 'text')
    .addColumn('latest_version', 'integer')
    .addColumn('latest_state', 'text')
    .addColumn('stage', 'text')
    .addColumn('approved_version', 'integer')
    .addUniqueConstraint('documents_ref_uq', ['org_id', 'ref'])
    .execute();
  await db.schema.createIndex('documents_status_idx').on('documents').columns(['org_id', 'status']).execute();
  await db.schema.createIndex('documents_parent_idx').on('documents').columns(['parent_id']).execute();

  // Named approvers and the audience (roles or people): `subject` is a user id or a role name.
  await db.schema
    .createTable('document_people')
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('document_id', 'text', (c) => c.notNull().references('documents.id'))
    .addColumn('relation', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('document_people_pk', ['document_id', 'relation', 'subject'])
    .execute();
  await db.schema
    .createIndex('document_people_subject_idx')
    .on('document_people')
    .columns(['org_id', 'subject'])
    .execute();

  await db.schema
    .createTable('document_publications')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('document_id', 'text', (c) => c.notNull().references('documents.id'))
    .addColumn('version_no', 'integer', (c) => c.notNull())
    .addColumn('content_hash', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('published_at', 'text', (c) => c.notNull())
    .addColumn('published_by', 'text', (c) => c.references('users.id'))
    .execute();
  await makeAppendOnly(db, 'document_publications');

  await db.schema
    .createTable('document_acknowledgements')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('document_id', 'text', (c) => c.notNull().references('documents.id'))
    .addColumn('version_no', 'integer', (c) => c.notNull())
    .addColumn('content_hash', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('acknowledged_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('document_acknowledgements_uq', ['document_id', 'version_no', 'user_id'])
    .execute();
  await db.schema
    .createIndex('document_acknowledgements_user_idx')
    .on('document_acknowledgements')
    .columns(['org_id', 'user_id'])
    .execute();
  await makeAppendOnly(db, 'document_acknowledgements');

  await db.schema
    .createTable('document_reminders')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('document_id', 'text', (c) => c.notNull().references('documents.id'))
    .addColumn('version_no', 'integer', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('sent_at', 'text', (c) => c.notNull())
    .addColumn('sent_by', 'text', (c) => c.references('users.id'))
    .execute();
  await db.schema
    .createIndex('document_reminders_doc_idx')
    .on('document_reminders')
    .columns(['document_id', 'version_no', 'user_id'])
    .execute();
  await makeAppendOnly(db, 'document_reminders');

  await db.schema
    .createTable('document_reviews')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('document_id', 'text', (c) => c.notNull().references('documents.id'))
    .addColumn('reviewed_on', 'text', (c) => c.notNull())
    .addColumn('reviewer_id', 'text', (c) => c.references('users.id'))
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('version_no', 'integer')
    .addColumn('next_review_date', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('document_reviews_doc_idx').on('document_reviews').columns(['document_id']).execute();
  await makeAppendOnly(db, 'document_reviews');

  await db.schema
    .createTable('document_disposals')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('document_id', 'text', (c) => c.notNull().references('documents.id'))
    .addColumn('ref', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('proposed_at', 'text', (c) => c.notNull())
    .addColumn('proposed_by', 'text', (c) => c.references('users.id'))
    .addColumn('decided_at', 'text')
    .addColumn('decided_by', 'text', (c) => c.references('users.id'))
    .addColumn('decision_note', 'text')
    .addColumn('versions', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('document_disposals_doc_idx')
    .on('document_disposals')
    .columns(['org_id', 'document_id'])
    .execute();

  await allowDisposalOfVersions(db);
}

/**
 * Replaces 0002's immutability triggers (and closes their gap: an approved version could be moved to another
 * entity type or organization): an approved or superseded version still never changes, except that an
 * approved disposal of its record may empty its content and mark it `disposed` (its hash is kept).
 */
async function allowDisposalOfVersions(db: Kysely<any>) {
  const disposalApproved = sql.raw(
    `EXISTS (SELECT 1 FROM document_disposals d WHERE d.document_id = OLD.record_id AND d.org_id = OLD.org_id AND d.state = 'approved')`,
  );
  if (isPostgres(db)) {
    await sql`CREATE OR REPLACE FUNCTION rampart_version_immutable() RETURNS trigger AS $$
      BEGIN
        IF TG_OP = 'DELETE' THEN
          IF OLD.state <> 'draft' THEN RAISE EXCEPTION 'an approved version cannot be deleted'; END IF;
          RETURN OLD;
        END IF;
        IF OLD.state IN ('approved', 'superseded') AND NEW.state = 'disposed' AND OLD.entity_type = 'document'
            AND NEW.content_hash = OLD.content_hash AND NEW.version_no = OLD.version_no AND NEW.record_id = OLD.record_id
            AND NEW.entity_type = OLD.entity_type AND NEW.org_id = OLD.org_id AND NEW.approved_at IS NOT DISTINCT FROM OLD.approved_at
            AND ${disposalApproved} THEN
          RETURN NEW;
        END IF;
        IF OLD.state <> 'draft' AND (NEW.content IS DISTINCT FROM OLD.content OR NEW.content_hash IS DISTINCT FROM OLD.content_hash
            OR NEW.stage IS DISTINCT FROM OLD.stage OR NEW.version_no IS DISTINCT FROM OLD.version_no
            OR NEW.record_id IS DISTINCT FROM OLD.record_id OR NEW.approved_at IS DISTINCT FROM OLD.approved_at
            OR NEW.entity_type IS DISTINCT FROM OLD.entity_type OR NEW.org_id IS DISTINCT FROM OLD.org_id
            OR NOT (NEW.state = OLD.state OR (OLD.state = 'approved' AND NEW.state = 'superseded'))) THEN
          RAISE EXCEPTION 'an approved version cannot be changed';
        END IF;
        RETURN NEW;
      END $$ LANGUAGE plpgsql`.execute(db);
  } else {
    await sql`DROP TRIGGER record_versions_immutable`.execute(db);
    await sql`CREATE TRIGGER record_versions_immutable BEFORE UPDATE ON record_versions
      WHEN OLD.state <> 'draft' AND NOT (
          OLD.state IN ('approved', 'superseded') AND NEW.state = 'disposed' AND OLD.entity_type = 'document'
          AND NEW.content_hash = OLD.content_hash AND NEW.version_no = OLD.version_no AND NEW.record_id = OLD.record_id
          AND NEW.entity_type = OLD.entity_type AND NEW.org_id = OLD.org_id AND NEW.approved_at IS OLD.approved_at
          AND ${disposalApproved})
        AND (NEW.content IS NOT OLD.content OR NEW.content_hash IS NOT OLD.content_hash
        OR NEW.stage IS NOT OLD.stage OR NEW.version_no IS NOT OLD.version_no OR NEW.record_id IS NOT OLD.record_id
        OR NEW.approved_at IS NOT OLD.approved_at OR NEW.entity_type IS NOT OLD.entity_type OR NEW.org_id IS NOT OLD.org_id
        OR NOT (NEW.state = OLD.state OR (OLD.state = 'approved' AND NEW.state = 'superseded')))
      BEGIN SELECT RAISE(ABORT, 'an approved version cannot be changed'); END`.execute(db);
  }
}
