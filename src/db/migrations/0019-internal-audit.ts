import { sql, type Kysely } from 'kysely';
import { registerBase } from './helpers.js';

/**
 * Internal audit (27001 9.2): the audit programme (one current per organization, versioned), the audits, their
 * team, the independence exceptions recorded when an auditor audits something they own, the checklist and its
 * links (evidence, sampled records, objects audited), and the report's distribution to top management.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await registerBase(db.schema.createTable('audit_programmes'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('owner_id', 'text', (c) => c.references('users.id'))
    .addColumn('latest_version', 'integer')
    .addColumn('latest_state', 'text')
    .addColumn('approved_version', 'integer')
    .addUniqueConstraint('audit_programmes_ref_uq', ['org_id', 'ref'])
    .execute();
  // one current programme per organization, held by the database (20 writers at once make one)
  await sql`create unique index audit_programmes_one_current on audit_programmes (org_id) where archived_at is null`.execute(
    db,
  );

  await registerBase(db.schema.createTable('internal_audits'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('programme_id', 'text', (c) => c.references('audit_programmes.id'))
    .addColumn('planned_audit_key', 'text')
    .addColumn('scope', 'text')
    .addColumn('clauses', 'text')
    .addColumn('soa_criterion', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('planned_start', 'text')
    .addColumn('planned_end', 'text')
    .addColumn('actual_start', 'text')
    .addColumn('actual_end', 'text')
    .addColumn('lead_auditor_id', 'text', (c) => c.references('users.id'))
    .addColumn('auditees', 'text')
    .addColumn('audit_plan', 'text')
    .addColumn('latest_version', 'integer')
    .addColumn('latest_state', 'text')
    .addColumn('approved_version', 'integer')
    .addUniqueConstraint('internal_audits_ref_uq', ['org_id', 'ref'])
    .execute();

  await db.schema
    .createTable('audit_team')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('audit_id', 'text', (c) => c.notNull().references('internal_audits.id'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('role', 'text', (c) => c.notNull())
    .addUniqueConstraint('audit_team_member_uq', ['audit_id', 'user_id'])
    .execute();

  await db.schema
    .createTable('audit_independence_exceptions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('audit_id', 'text', (c) => c.notNull().references('internal_audits.id'))
    .addColumn('auditor_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('field', 'text', (c) => c.notNull())
    .addColumn('object_type', 'text', (c) => c.notNull())
    .addColumn('object_id', 'text', (c) => c.notNull())
    .addColumn('object_ref', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('justification', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.references('users.id'))
    .execute();
  await db.schema
    .createIndex('audit_independence_exceptions_audit_idx')
    .on('audit_independence_exceptions')
    .columns(['org_id', 'audit_id'])
    .execute();

  await db.schema
    .createTable('audit_checklist_items')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('audit_id', 'text', (c) => c.notNull().references('internal_audits.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('requirement_key', 'text')
    .addColumn('clause', 'text')
    .addColumn('control_id', 'text', (c) => c.references('controls.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('conclusion', 'text', (c) => c.notNull())
    .addColumn('notes', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.references('users.id'))
    .addUniqueConstraint('audit_checklist_items_seq_uq', ['audit_id', 'seq'])
    .execute();
  // a generated item appears once per audit, however often generation runs at once
  await sql`create unique index audit_checklist_items_requirement_uq on audit_checklist_items (audit_id, requirement_key) where requirement_key is not null`.execute(
    db,
  );
  await sql`create unique index audit_checklist_items_control_uq on audit_checklist_items (audit_id, control_id) where control_id is not null`.execute(
    db,
  );

  await db.schema
    .createTable('audit_checklist_links')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('item_id', 'text', (c) => c.notNull().references('audit_checklist_items.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('target_type', 'text', (c) => c.notNull())
    .addColumn('target_id', 'text', (c) => c.notNull())
    .addUniqueConstraint('audit_checklist_links_uq', ['item_id', 'kind', 'target_type', 'target_id'])
    .execute();

  await db.schema
    .createTable('audit_report_distributions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('audit_id', 'text', (c) => c.notNull().references('internal_audits.id'))
    .addColumn('version_no', 'integer', (c) => c.notNull())
    .addColumn('member_ids', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('distributed_at', 'text', (c) => c.notNull())
    .addColumn('distributed_by', 'text', (c) => c.references('users.id'))
    .execute();

  for (const table of ['audit_programmes', 'internal_audits'])
    await sql
      .raw(
        `create index ${table}_list_idx on ${table} (org_id, (length("ref")), "ref", "id") where archived_at is null`,
      )
      .execute(db);
}

export async function down(): Promise<void> {
  throw new Error('This migration cannot be undone');
}
