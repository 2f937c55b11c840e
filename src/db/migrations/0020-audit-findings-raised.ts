import { sql, type Kysely } from 'kysely';

/**
 * Internal audit findings raised in one step (27001 9.2, 27003 9.2 i–l): a checklist item remembers the
 * nonconformity or improvement raised from it and, for a nonconformity, the follow-up plan agreed with the lead
 * auditor (correction, corrective action, timeframe, how the audit team verifies it). The auditees of an audit who
 * are members (27001 9.2: the persons audited), beside the free-text auditees the audit record already keeps.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const columns: [string, 'text'][] = [
    ['raised_type', 'text'],
    ['raised_id', 'text'],
    ['follow_up_correction', 'text'],
    ['follow_up_corrective_action', 'text'],
    ['follow_up_due_on', 'text'],
    ['follow_up_verification', 'text'],
    ['follow_up_agreed_on', 'text'],
  ];
  // one column per statement: SQLite adds one at a time
  for (const [name, type] of columns)
    await db.schema.alterTable('audit_checklist_items').addColumn(name, type).execute();
  await db.schema
    .alterTable('audit_checklist_items')
    .addColumn('follow_up_agreed_by', 'text', (c) => c.references('users.id'))
    .execute();
  // a record is raised from one item at most (the item's own guard is its version and raised_id being empty)
  await sql`create unique index audit_checklist_items_raised_uq on audit_checklist_items (raised_type, raised_id) where raised_id is not null`.execute(
    db,
  );

  await db.schema
    .createTable('audit_auditees')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('audit_id', 'text', (c) => c.notNull().references('internal_audits.id'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addUniqueConstraint('audit_auditees_member_uq', ['audit_id', 'user_id'])
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('This migration cannot be undone');
}
