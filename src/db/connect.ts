import fs from 'node:fs';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import pg from 'pg';
import { CamelCasePlugin, Kysely, PostgresDialect } from 'kysely';
import { registerPostgresRawReader, registerSqliteRawReader } from './raw-rows.js';
import type { Database } from './types.js';
import { ReadWriteSqliteDialect, type SqliteSide } from './sqlite-driver.js';

export type DatabaseKind = 'sqlite' | 'postgres';
export type Db = Kysely<Database>;

export interface DatabaseHandle {
  db: Db;
  kind: DatabaseKind;
  /** where the data is, for humans: a file path or the PostgreSQL URL without its password */
  location: string;
  close(): Promise<void>;
}

// COUNT(*) and BIGINT come back as strings from pg; every count we use fits a JS number.
pg.types.setTypeParser(20, (v) => Number.parseInt(v, 10));

export function isPostgresUrl(url: string | undefined): url is string {
  return !!url && /^postgres(ql)?:\/\//.test(url);
}

export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'postgres://…';
  }
}

const STATEMENT_CACHE_SIZE = 1000;

/**
 * Kysely asks better-sqlite3 to prepare every query afresh, which parses and plans the same SQL again and again
 * (15 % of an import's time). This reuses prepared statements by their SQL text, the most recently used 1,000 kept.
 * Safe because a connection runs one query at a time (better-sqlite3 is synchronous), and SQLite re-prepares a statement by itself when the
 * schema changes under it.
 */
export function withStatementCache(
  sqlite: SqliteDatabase.Database,
  size = STATEMENT_CACHE_SIZE,
): { close: () => void; prepare: (sql: string) => SqliteDatabase.Statement } {
  const cache = new Map<string, SqliteDatabase.Statement>();
  return {
    close: () => sqlite.close(),
    prepare(sql: string) {
      const cached = cache.get(sql);
      if (cached) {
        // move to the back: the map's order is the eviction order
        cache.delete(sql);
        cache.set(sql, cached);
        return cached;
      }
      const stmt = sqlite.prepare(sql);
      cache.set(sql, stmt);
      if (cache.size > size) cache.delete(cache.keys().next().value!);
      return stmt;
    },
  };
}

const OPTIMIZE_EVERY_MS = 3 * 60 * 60 * 1000;

export function openSqlite(file: string): DatabaseHandle {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new SqliteDatabase(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('busy_timeout = 5000');
  // SQLite's advice for long-lived connections: refresh the query planner's statistics at open (0x10002: look at
  // every table, within a cost limit), every few hours and before closing; each run is cheap when nothing changed.
  const optimize = (arg = '') => {
    try {
      sqlite.pragma(`optimize${arg}`);
    } catch {
      // a busy database skips this round; the next one catches up
    }
  };
  optimize(' = 0x10002');
  const timer = setInterval(() => optimize(), OPTIMIZE_EVERY_MS);
  timer.unref();
  const writer: SqliteSide = { db: sqlite, prepare: withStatementCache(sqlite).prepare };
  let reader = writer;
  if (file !== ':memory:') {
    const readOnly = new SqliteDatabase(file, { readonly: true });
    readOnly.pragma('busy_timeout = 5000');
    reader = { db: readOnly, prepare: withStatementCache(readOnly).prepare };
  }
  const db = new Kysely<Database>({
    dialect: new ReadWriteSqliteDialect({ writer, reader }),
    plugins: [new CamelCasePlugin()],
  });
  // in memory the reader is the writer, which another request may hold in a transaction: there the lock decides
  if (reader !== writer) registerSqliteRawReader(db, reader);
  const close = async () => {
    clearInterval(timer);
    if (sqlite.open) optimize();
    await db.destroy();
  };
  return { db, kind: 'sqlite', location: file, close };
}

export function openPostgres(url: string, poolSize = 10): DatabaseHandle {
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  // An idle connection the server closes (a restart, a failover, an administrator) emits an error on the pool;
  // unheard, node-postgres throws it and the process exits. The pool has already dropped that client, and the next
  // query opens a new connection: say so and go on.
  pool.on('error', (err) => process.emitWarning(`PostgreSQL closed an idle connection: ${err.message}`));
  const db = new Kysely<Database>({
    dialect: new PostgresDialect({ pool }),
    plugins: [new CamelCasePlugin()],
  });
  registerPostgresRawReader(db, pool);
  return { db, kind: 'postgres', location: redactUrl(url), close: () => db.destroy() };
}

/** DATABASE_URL (postgres://…) wins; otherwise an SQLite file in the data directory. */
export function openDatabase(opts: { databaseUrl?: string; dataDir: string }): DatabaseHandle {
  if (opts.databaseUrl && !isPostgresUrl(opts.databaseUrl)) {
    throw new Error(
      `DATABASE_URL must start with postgres:// or postgresql:// (got "${String(opts.databaseUrl).split(':')[0]}:…")`,
    );
  }
  if (isPostgresUrl(opts.databaseUrl)) return openPostgres(opts.databaseUrl);
  return openSqlite(path.join(opts.dataDir, 'rampart.sqlite'));
}
