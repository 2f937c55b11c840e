import { sql, type Kysely } from 'kysely';
import { isPostgres, registerBase } from './helpers.js';

/**
 * Evidence files (27001 7.5.3). File content lives in the database (so that every app instance behind a load
 * balancer serves the same files), once per organization and content: `file_blobs` is keyed by (organization,
 * SHA-256), so an organization can never reach another's file by its hash, and uploading the same file twice
 * stores it once. A blob's content never changes (triggers refuse updates); deleting one is left to the coming
 * retention and disposal, and is refused while evidence points at it (foreign key).
 */
export async function up(db: Kysely<any>): Promise<void> {
  const pg = isPostgres(db);
  await db.schema
    .createTable('file_blobs')
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('sha256', 'text', (c) => c.notNull().check(sql`length(sha256) = 64`))
    .addColumn('size', 'integer', (c) => c.notNull().check(sql`size >= 0`))
    .addColumn('content', pg ? 'bytea' : 'blob', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.references('users.id'))
    .addPrimaryKeyConstraint('file_blobs_pk', ['org_id', 'sha256'])
    .execute();
  if (pg) {
    await sql`CREATE OR REPLACE FUNCTION rampart_file_blobs_immutable() RETURNS trigger AS $$
      BEGIN RAISE EXCEPTION 'file_blobs content is immutable'; END $$ LANGUAGE plpgsql`.execute(db);
    await sql`CREATE TRIGGER file_blobs_no_update BEFORE UPDATE ON file_blobs
      FOR EACH ROW EXECUTE FUNCTION rampart_file_blobs_immutable()`.execute(db);
  } else {
    await sql`CREATE TRIGGER file_blobs_no_update BEFORE UPDATE ON file_blobs
      BEGIN SELECT RAISE(ABORT, 'file_blobs content is immutable'); END`.execute(db);
  }

  await registerBase(db.schema.createTable('evidence'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('file_type', 'text', (c) => c.notNull())
    .addColumn('media_type', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('collected_on', 'text')
    .addColumn('valid_from', 'text')
    .addColumn('valid_until', 'text')
    .addColumn('owner_id', 'text', (c) => c.references('users.id'))
    .addColumn('supersedes_id', 'text', (c) => c.references('evidence.id'))
    .addColumn('superseded_by_id', 'text', (c) => c.references('evidence.id'))
    .addUniqueConstraint('evidence_ref_uq', ['org_id', 'ref'])
    // the file must be one of this organization's
    .addForeignKeyConstraint('evidence_blob_fk', ['org_id', 'sha256'], 'file_blobs', ['org_id', 'sha256'])
    .execute();
  await db.schema.createIndex('evidence_blob_idx').on('evidence').columns(['org_id', 'sha256']).execute();
  await db.schema
    .createIndex('evidence_valid_until_idx')
    .on('evidence')
    .columns(['org_id', 'valid_until', 'archived_at'])
    .execute();
  await db.schema.createIndex('evidence_owner_idx').on('evidence').columns(['org_id', 'owner_id']).execute();
}

export async function down(): Promise<void> {
  throw new Error('This migration cannot be undone');
}
