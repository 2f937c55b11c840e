import type { CompiledQuery } from 'kysely';
import type pg from 'pg';
import type { Db } from './connect.js';
import type { SqliteSide } from './sqlite-driver.js';

/** Rows as arrays, in the order of `columns` (the database's own column names, snake_case). */
export interface RawRows {
  columns: string[];
  rows: unknown[][];
}
type RawReader = (query: CompiledQuery) => Promise<RawRows>;

// Kept beside each Kysely instance the connection module opens, so code that holds only `db` can reach it.
const readers = new WeakMap<object, RawReader>();

/**
 * Reads a large SELECT as arrays rather than objects (issue 15: a whole register in one read). Building one object
 * per row with forty keys, then renaming every key from snake_case, is most of the cost of reading 5,000 rows; with
 * arrays the caller builds each record once, in the shape it answers. Outside a connection opened by
 * `openSqlite`/`openPostgres` (a transaction, a test double) the rows come through Kysely without its plugins.
 */
export async function readRawRows(db: Db, query: CompiledQuery): Promise<RawRows> {
  const reader = readers.get(db);
  if (reader) return reader(query);
  const { rows } = await db.withoutPlugins().executeQuery<Record<string, unknown>>(query);
  const columns = rows[0] ? Object.keys(rows[0]) : [];
  return { columns, rows: rows.map((r) => columns.map((c) => r[c])) };
}

/**
 * SQLite: the read-only connection (WAL: it never waits for a writer), the statement from its cache switched to
 * array mode for this one synchronous call. A statement that writes is refused here: only reads take this path.
 */
export function registerSqliteRawReader(db: object, side: SqliteSide): void {
  readers.set(db, async (query) => {
    const stmt = side.prepare(query.sql);
    if (!stmt.reader) throw new Error('readRawRows takes a SELECT');
    stmt.raw(true);
    try {
      const rows = stmt.all(...query.parameters) as unknown[][];
      return { columns: stmt.columns().map((c) => c.name), rows };
    } finally {
      stmt.raw(false);
    }
  });
}

/** PostgreSQL: node-postgres's array row mode, on a pooled connection, with the same type parsers as Kysely's. */
export function registerPostgresRawReader(db: object, pool: pg.Pool): void {
  readers.set(db, async (query) => {
    const result = await pool.query<unknown[]>({
      text: query.sql,
      values: [...query.parameters],
      rowMode: 'array',
    });
    return { columns: result.fields.map((f) => f.name), rows: result.rows };
  });
}
