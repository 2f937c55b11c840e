import { sql } from 'kysely';
import type { DatabaseHandle } from '../../src/db/connect.js';

/**
 * audit_events is append-only (triggers from the foundation migration). Tests that play the attacker lift the guard
 * with these, as someone with direct database access could, then check that verification notices.
 */
export async function liftAppendOnly(handle: DatabaseHandle, table = 'audit_events'): Promise<void> {
  if (handle.kind === 'postgres') {
    await sql`ALTER TABLE ${sql.table(table)} DISABLE TRIGGER USER`.execute(handle.db);
  } else {
    await sql`DROP TRIGGER ${sql.raw(`${table}_no_update`)}`.execute(handle.db);
    await sql`DROP TRIGGER ${sql.raw(`${table}_no_delete`)}`.execute(handle.db);
  }
}

/** Puts the guard back exactly as the migration made it. */
export async function restoreAppendOnly(handle: DatabaseHandle, table = 'audit_events'): Promise<void> {
  if (handle.kind === 'postgres') {
    await sql`ALTER TABLE ${sql.table(table)} ENABLE TRIGGER USER`.execute(handle.db);
  } else {
    for (const op of ['UPDATE', 'DELETE']) {
      await sql`CREATE TRIGGER ${sql.raw(`${table}_no_${op.toLowerCase()}`)} BEFORE ${sql.raw(op)} ON ${sql.table(table)}
        BEGIN SELECT RAISE(ABORT, ${sql.lit(`${table} is append-only`)}); END`.execute(handle.db);
    }
  }
}

/** Runs `tamper` with the guard of the tables (default: audit_events) lifted, and restores it whatever happens. */
export async function tamperWithAudit(
  handle: DatabaseHandle,
  tamper: () => Promise<unknown>,
  tables: string[] = ['audit_events'],
): Promise<void> {
  for (const t of tables) await liftAppendOnly(handle, t);
  try {
    await tamper();
  } finally {
    for (const t of tables) await restoreAppendOnly(handle, t);
  }
}
