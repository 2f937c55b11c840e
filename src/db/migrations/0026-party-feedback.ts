import { sql, type Kysely } from 'kysely';
import { registerBase } from './helpers.js';

/**
 * Feedback from interested parties (27001:2022 9.3.2 e): complaints, requests for change, suggestions, recorded as
 * such with the answer given. The list index holds the register's default order (received_on desc), and a second
 * index serves the management review's input e (feedback received in a window, counted by kind).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await registerBase(db.schema.createTable('party_feedback'))
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('party_id', 'text', (c) => c.references('interested_parties.id'))
    .addColumn('received_on', 'text', (c) => c.notNull())
    .addColumn('channel', 'text')
    .addColumn('details', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('owner_id', 'text', (c) => c.references('users.id'))
    .addColumn('response', 'text')
    .addColumn('responded_on', 'text')
    .addUniqueConstraint('party_feedback_ref_uq', ['org_id', 'ref'])
    .execute();
  await sql`create index party_feedback_list_idx on party_feedback (org_id, "received_on" desc, "id") where archived_at is null`.execute(
    db,
  );
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('party_feedback').execute();
}
