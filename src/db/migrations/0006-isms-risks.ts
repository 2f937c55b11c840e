import type { Kysely } from 'kysely';
import { registerBase } from './helpers.js';

/**
 * Risks and opportunities for the ISMS itself (27001 6.1.1), with the issue (4.1) or requirement (4.2) each comes
 * from and the evaluation of its actions' effectiveness; and an index to find the actions planned from any record.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await registerBase(db.schema.createTable('isms_risks'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('aim', 'text')
    .addColumn('description', 'text')
    .addColumn('effect', 'text')
    .addColumn('source_issue_id', 'text', (c) => c.references('issues.id'))
    .addColumn('source_requirement_id', 'text', (c) => c.references('requirements.id'))
    .addColumn('significance', 'text')
    .addColumn('owner_id', 'text', (c) => c.references('users.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('process_id', 'text', (c) => c.references('isms_processes.id'))
    .addColumn('evaluation_method', 'text')
    .addColumn('evaluation_due_date', 'text')
    .addColumn('effectiveness', 'text', (c) => c.notNull())
    .addColumn('evaluated_on', 'text')
    .addColumn('evaluation_notes', 'text')
    .addUniqueConstraint('isms_risks_ref_uq', ['org_id', 'ref'])
    .execute();
  await db.schema
    .createIndex('isms_risks_org_kind_idx')
    .on('isms_risks')
    .columns(['org_id', 'kind', 'effectiveness'])
    .execute();
  await db.schema
    .createIndex('isms_risks_org_issue_idx')
    .on('isms_risks')
    .columns(['org_id', 'source_issue_id'])
    .execute();
  await db.schema
    .createIndex('isms_risks_org_requirement_idx')
    .on('isms_risks')
    .columns(['org_id', 'source_requirement_id'])
    .execute();

  // "The actions planned from this record": the action tracker is filtered by its source on every record page.
  await db.schema
    .createIndex('actions_org_source_idx')
    .on('actions')
    .columns(['org_id', 'source_type', 'source_id'])
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('This migration cannot be undone');
}
