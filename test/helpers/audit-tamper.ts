import { sql } from 'kysely';
import type { DatabaseHandle } from '../../src/db/connect.js';

/**
 * audit_events is append-only (triggers from the foundation migration). Tests that play the attacker lift the guard
 * with these, as someone with direct database access could, then check that verification notices.
 */
export async function liftAppendOnly(handle: DatabaseHandle): Promise<void> {
  if (handle.kind === 'postgres') {
    await sql`ALTER TABLE audit_events DISABLE TRIGGER USER`.execute(handle.db);
  } else {
    await sql`DROP TRIGGER audit_events_no_update`.execute(handle.db);
    await sql`DROP TRIGGER audit_events_no_delete`.execute(handle.db);
  }
}

/** Puts the guard back exactly as the migration made it. */
export async function restoreAppendOnly(handle: DatabaseHandle): Promise<void> {
  if (handle.kind === 'postgres') {
    await sql`ALTER TABLE audit_events ENABLE TRIGGER USER`.execute(handle.db);
  } else {
    for (const op of ['UPDATE', 'DELETE']) {
      await sql`CREATE TRIGGER ${sql.raw(`audit_events_no_${op.toLowerCase()}`)} BEFORE ${sql.raw(op)} ON audit_events
        BEGIN SELECT RAISE(ABORT, 'audit_events is append-only'); END`.execute(handle.db);
    }
  }
}

/** Runs `tamper` with the guard lifted, and restores it whatever happens. */
export async function tamperWithAudit(handle: DatabaseHandle, tamper: () => Promise<unknown>): Promise<void> {
  await liftAppendOnly(handle);
  try {
    await tamper();
  } finally {
    await restoreAppendOnly(handle);
  }
}
