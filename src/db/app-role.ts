import { sql } from 'kysely';
import type { Db } from './connect.js';

export const ROLE_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/**
 * Gives a PostgreSQL role what the server needs and nothing more: read and write rows, use sequences. No
 * ownership, so it cannot ALTER or DROP a table, nor disable the triggers that keep the audit trail append-only;
 * no TRUNCATE. Run as the tables' owner; the default privileges cover tables later migrations create.
 */
export async function grantAppRole(db: Db, role: string): Promise<void> {
  if (!ROLE_NAME.test(role)) throw new Error(`"${role}" is not a plain role name (lowercase letters, digits and _)`);
  const r = sql.id(role);
  const { rows } = await sql<{ name: string }>`SELECT current_database() AS name`.execute(db);
  await db.transaction().execute(async (trx) => {
    await sql`GRANT CONNECT ON DATABASE ${sql.id(rows[0]!.name)} TO ${r}`.execute(trx);
    await sql`GRANT USAGE ON SCHEMA public TO ${r}`.execute(trx);
    await sql`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${r}`.execute(trx);
    await sql`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${r}`.execute(trx);
    await sql`ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${r}`.execute(
      trx,
    );
    await sql`ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO ${r}`.execute(trx);
  });
}
