import { sql, type Kysely } from 'kysely';
import { registerBase } from './helpers.js';

/**
 * Assets, threats and vulnerabilities (27001 6.1.2 c): the asset inventory with its C/I/A classification, which
 * asset supports which, and the threat and vulnerability catalogs (a starting set written by the project, extended
 * by each organization). Built for tens of thousands of assets: every list filter and sort has an index.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await registerBase(db.schema.createTable('assets'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('owner_id', 'text', (c) => c.references('users.id'))
    .addColumn('custodian', 'text')
    .addColumn('location', 'text')
    .addColumn('confidentiality', 'text')
    .addColumn('integrity', 'text')
    .addColumn('availability', 'text')
    .addColumn('value', 'text')
    // 1 while the value is the highest of C/I/A filled in by the server (it follows them); 0 once someone sets it
    .addColumn('value_derived', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('process_id', 'text', (c) => c.references('isms_processes.id'))
    .addUniqueConstraint('assets_ref_uq', ['org_id', 'ref'])
    .execute();
  // The list: current assets by name (the default sort, and what the typeahead shows first) and by reference (by
  // number: length, then text). Partial on current rows: PostgreSQL does not treat "archived_at IS NULL" as fixing
  // the column for ordering, so an index that includes it could not serve ORDER BY.
  await sql`CREATE INDEX assets_name_idx ON assets (org_id, lower(name)) WHERE archived_at IS NULL`.execute(db);
  await sql`CREATE INDEX assets_ref_idx ON assets (org_id, length(ref), ref) WHERE archived_at IS NULL`.execute(db);
  // Filters: the selective ones get their own index; C/I/A (four values each) are read through the sort index.
  await db.schema.createIndex('assets_type_idx').on('assets').columns(['org_id', 'type', 'archived_at']).execute();
  await db.schema.createIndex('assets_owner_idx').on('assets').columns(['org_id', 'owner_id']).execute();
  await db.schema.createIndex('assets_status_idx').on('assets').columns(['org_id', 'status', 'archived_at']).execute();
  await db.schema.createIndex('assets_value_idx').on('assets').columns(['org_id', 'value', 'archived_at']).execute();
  await db.schema.createIndex('assets_process_idx').on('assets').columns(['org_id', 'process_id']).execute();

  await registerBase(db.schema.createTable('asset_dependencies'))
    .addColumn('supporting_asset_id', 'text', (c) => c.notNull().references('assets.id'))
    .addColumn('supported_asset_id', 'text', (c) => c.notNull().references('assets.id'))
    .addColumn('description', 'text')
    .addUniqueConstraint('asset_dependencies_ref_uq', ['org_id', 'ref'])
    .execute();
  // An asset's dependencies are read from either end at once (supporting = ? OR supported = ?): the asset id leads
  // each index so that SQLite can answer the OR from both indexes instead of reading the whole organization.
  await db.schema
    .createIndex('asset_dependencies_supporting_idx')
    .on('asset_dependencies')
    .columns(['supporting_asset_id', 'org_id'])
    .execute();
  await db.schema
    .createIndex('asset_dependencies_supported_idx')
    .on('asset_dependencies')
    .columns(['supported_asset_id', 'org_id'])
    .execute();

  await registerBase(db.schema.createTable('threats'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('group', 'text', (c) => c.notNull())
    .addColumn('origin', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('affects_confidentiality', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('affects_integrity', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('affects_availability', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('starter_key', 'text')
    .addUniqueConstraint('threats_ref_uq', ['org_id', 'ref'])
    // NULLs are distinct on both databases: only starting-catalog entries are unique per key
    .addUniqueConstraint('threats_starter_uq', ['org_id', 'starter_key'])
    .execute();

  await registerBase(db.schema.createTable('vulnerabilities'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('group', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('starter_key', 'text')
    .addUniqueConstraint('vulnerabilities_ref_uq', ['org_id', 'ref'])
    .addUniqueConstraint('vulnerabilities_starter_uq', ['org_id', 'starter_key'])
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('This migration cannot be undone');
}
