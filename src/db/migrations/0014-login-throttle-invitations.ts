import { sql, type Kysely } from 'kysely';

/**
 * Sign-in throttling keeps one counter row per key (an account from one client, or one client) instead of a row per
 * attempt: a throttled request writes nothing, and the table holds at most one row per key that failed recently.
 * Memberships are offered by invitation: the invited person accepts (or declines) before they become a member.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('login_attempts').execute();
  await db.schema
    .createTable('login_throttle')
    .addColumn('key_kind', 'text', (c) => c.notNull())
    .addColumn('key_value', 'text', (c) => c.notNull())
    .addColumn('failures', 'integer', (c) => c.notNull())
    .addColumn('window_started_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('login_throttle_pk', ['key_kind', 'key_value'])
    .execute();
  await db.schema.createIndex('login_throttle_window_idx').on('login_throttle').column('window_started_at').execute();
  await db.schema.createIndex('sessions_expires_idx').on('sessions').column('expires_at').execute();

  await db.schema
    .createTable('invitations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    // pending, accepted, declined, revoked, expired
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('invited_by', 'text', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('decided_at', 'text')
    .addColumn('user_id', 'text', (c) => c.references('users.id'))
    .execute();
  // One pending invitation per person and organization, whatever the number of admins inviting at once.
  await db.schema
    .createIndex('invitations_pending_uq')
    .on('invitations')
    .columns(['org_id', 'email'])
    .unique()
    .where(sql.ref('status'), '=', 'pending')
    .execute();
  await db.schema.createIndex('invitations_email_idx').on('invitations').columns(['email', 'status']).execute();
}
