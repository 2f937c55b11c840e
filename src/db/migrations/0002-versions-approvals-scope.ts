import { sql, type Kysely } from 'kysely';
import { isPostgres, makeAppendOnly, registerBase } from './helpers.js';

/**
 * Versioned documented information and approvals (shared by every module that approves something), and the
 * first user of both: the ISMS scope statement.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('record_versions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('entity_type', 'text', (c) => c.notNull())
    .addColumn('record_id', 'text', (c) => c.notNull())
    .addColumn('version_no', 'integer', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('stage', 'text')
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('content_hash', 'text', (c) => c.notNull())
    .addColumn('change_note', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.references('users.id'))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.references('users.id'))
    .addColumn('approved_at', 'text')
    .addUniqueConstraint('record_versions_no_uq', ['org_id', 'entity_type', 'record_id', 'version_no'])
    .execute();

  // An approved or superseded version never changes and is never deleted; only its state may move on
  // (approved → superseded). The database enforces it, whatever the application does.
  if (isPostgres(db)) {
    await sql`CREATE OR REPLACE FUNCTION rampart_version_immutable() RETURNS trigger AS $$
      BEGIN
        IF TG_OP = 'DELETE' THEN
          IF OLD.state <> 'draft' THEN RAISE EXCEPTION 'an approved version cannot be deleted'; END IF;
          RETURN OLD;
        END IF;
        IF OLD.state <> 'draft' AND (NEW.content IS DISTINCT FROM OLD.content OR NEW.content_hash IS DISTINCT FROM OLD.content_hash
            OR NEW.stage IS DISTINCT FROM OLD.stage OR NEW.version_no IS DISTINCT FROM OLD.version_no
            OR NEW.record_id IS DISTINCT FROM OLD.record_id OR NEW.approved_at IS DISTINCT FROM OLD.approved_at
            OR NOT (NEW.state = OLD.state OR (OLD.state = 'approved' AND NEW.state = 'superseded'))) THEN
          RAISE EXCEPTION 'an approved version cannot be changed';
        END IF;
        RETURN NEW;
      END $$ LANGUAGE plpgsql`.execute(db);
    await sql`CREATE TRIGGER record_versions_immutable BEFORE UPDATE OR DELETE ON record_versions
      FOR EACH ROW EXECUTE FUNCTION rampart_version_immutable()`.execute(db);
  } else {
    await sql`CREATE TRIGGER record_versions_immutable BEFORE UPDATE ON record_versions
      WHEN OLD.state <> 'draft' AND (NEW.content IS NOT OLD.content OR NEW.content_hash IS NOT OLD.content_hash
        OR NEW.stage IS NOT OLD.stage OR NEW.version_no IS NOT OLD.version_no OR NEW.record_id IS NOT OLD.record_id
        OR NEW.approved_at IS NOT OLD.approved_at
        OR NOT (NEW.state = OLD.state OR (OLD.state = 'approved' AND NEW.state = 'superseded')))
      BEGIN SELECT RAISE(ABORT, 'an approved version cannot be changed'); END`.execute(db);
    await sql`CREATE TRIGGER record_versions_no_delete BEFORE DELETE ON record_versions
      WHEN OLD.state <> 'draft'
      BEGIN SELECT RAISE(ABORT, 'an approved version cannot be deleted'); END`.execute(db);
  }

  await db.schema
    .createTable('approvals')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('entity_type', 'text', (c) => c.notNull())
    .addColumn('record_id', 'text', (c) => c.notNull())
    .addColumn('version_id', 'text', (c) => c.notNull().references('record_versions.id'))
    .addColumn('version_no', 'integer', (c) => c.notNull())
    .addColumn('content_hash', 'text', (c) => c.notNull())
    .addColumn('signer_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('signer_name', 'text', (c) => c.notNull())
    .addColumn('signer_email', 'text', (c) => c.notNull())
    .addColumn('signer_role', 'text', (c) => c.notNull())
    .addColumn('meaning', 'text', (c) => c.notNull())
    .addColumn('comment', 'text')
    .addColumn('signed_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('approvals_signer_uq', ['version_id', 'signer_id'])
    .execute();
  await db.schema
    .createIndex('approvals_record_idx')
    .on('approvals')
    .columns(['org_id', 'entity_type', 'record_id'])
    .execute();
  await makeAppendOnly(db, 'approvals');

  await registerBase(db.schema.createTable('scopes'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('owner_id', 'text', (c) => c.references('users.id'))
    .addColumn('next_review_date', 'text')
    .addColumn('latest_version', 'integer')
    .addColumn('latest_state', 'text')
    .addColumn('stage', 'text')
    .addColumn('approved_version', 'integer')
    .addUniqueConstraint('scopes_ref_uq', ['org_id', 'ref'])
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('This migration cannot be undone');
}
