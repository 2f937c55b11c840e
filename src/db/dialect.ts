import { sql, type RawBuilder, type SelectQueryBuilder } from 'kysely';
import type { Db, DatabaseKind } from './connect.js';

/**
 * Every difference between SQLite and PostgreSQL that the application code must know about lives here.
 * Everything else is portable Kysely.
 */
export function dialectOf(db: Db): DatabaseKind {
  const adapter = db.getExecutor().adapter;
  return adapter.constructor.name.startsWith('Postgres') ? 'postgres' : 'sqlite';
}

/** Row lock on PostgreSQL; SQLite serializes writers already (one writer, IMMEDIATE transactions). */
export function forUpdate<DB, TB extends keyof DB, O>(db: Db, qb: SelectQueryBuilder<DB, TB, O>) {
  return dialectOf(db) === 'postgres' ? qb.forUpdate() : qb;
}

/** Case-insensitive "contains" that works alike on both databases; LIKE wildcards in the text are escaped. */
export function containsText(column: string, text: string): RawBuilder<boolean> {
  const pattern = `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return sql<boolean>`lower(${sql.ref(column)}) like ${pattern} escape '\\'`;
}

export function isUniqueViolation(err: unknown): boolean {
  const e = err as { code?: string; message?: string };
  return e?.code === '23505' || e?.code === 'SQLITE_CONSTRAINT_UNIQUE' || e?.code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}
