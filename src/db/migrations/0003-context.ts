import type { Kysely } from 'kysely';
import { registerBase } from './helpers.js';

/**
 * The context of the organization (27001 4.1) and its interested parties with their requirements (4.2), plus the
 * per-organization decision on whether climate change is a relevant issue (Amd 1:2024).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await registerBase(db.schema.createTable('issues'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('direction', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('effect', 'text')
    .addColumn('relevance', 'text')
    .addColumn('owner_id', 'text', (c) => c.references('users.id'))
    .addColumn('next_review_date', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('climate_related', 'integer', (c) => c.notNull().defaultTo(0))
    .addUniqueConstraint('issues_ref_uq', ['org_id', 'ref'])
    .execute();

  await registerBase(db.schema.createTable('interested_parties'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('direction', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('contact', 'text')
    .addColumn('owner_id', 'text', (c) => c.references('users.id'))
    .addColumn('relevance', 'text')
    .addUniqueConstraint('interested_parties_ref_uq', ['org_id', 'ref'])
    .execute();

  await registerBase(db.schema.createTable('requirements'))
    .addColumn('party_id', 'text', (c) => c.notNull().references('interested_parties.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('source_reference', 'text')
    .addColumn('addressed', 'text', (c) => c.notNull())
    .addColumn('how_addressed', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('review_date', 'text')
    .addColumn('climate_related', 'integer', (c) => c.notNull().defaultTo(0))
    .addUniqueConstraint('requirements_ref_uq', ['org_id', 'ref'])
    .execute();
  await db.schema
    .createIndex('requirements_org_party_idx')
    .on('requirements')
    .columns(['org_id', 'party_id'])
    .execute();

  // One row per organization once it has decided; no row means "not yet decided".
  await db.schema
    .createTable('climate_decisions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().unique().references('organizations.id'))
    .addColumn('relevant', 'integer', (c) => c.notNull())
    .addColumn('reasoning', 'text', (c) => c.notNull())
    .addColumn('decided_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('decided_on', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.references('users.id'))
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('This migration cannot be undone');
}
