import type SqliteDatabase from 'better-sqlite3';
import {
  CompiledQuery,
  SqliteAdapter,
  SqliteIntrospector,
  SqliteQueryCompiler,
  SelectQueryNode,
  type DatabaseConnection,
  type Dialect,
  type Driver,
  type Kysely,
  type QueryResult,
} from 'kysely';

/**
 * SQLite with one writer and one reader connection. Kysely's own SQLite driver has a single connection behind a
 * mutex, so while one request holds a write transaction open (an import chunk, a re-score, a plan snapshot) every
 * other request of every tenant waits for it, reads included. Here:
 * - a transaction takes the writer (BEGIN IMMEDIATE, so several processes can share the file: with a deferred BEGIN
 *   a transaction that reads and then writes fails at once with SQLITE_BUSY when another process wrote between)
 *   and keeps it until it ends: writers queue as before, and every query inside a transaction sees its own writes;
 * - a SELECT built outside a transaction that only reads (better-sqlite3 says so: `Statement.readonly`) runs on
 *   the reader, a read-only connection that sees the last committed state (WAL lets readers run beside the writer);
 * - any other statement outside a transaction runs on the writer between transactions.
 * better-sqlite3 runs one statement at a time synchronously, so neither connection ever runs two at once.
 * An in-memory database has no second connection to the same data: there the reader is the writer.
 */
export interface SqliteSide {
  db: SqliteDatabase.Database;
  /** prepares on this connection, reusing statements (withStatementCache) */
  prepare: (sql: string) => SqliteDatabase.Statement;
}

export interface ReadWriteSqlite {
  writer: SqliteSide;
  /** the same object as the writer for an in-memory database */
  reader: SqliteSide;
}

class Mutex {
  #queue: (() => void)[] = [];
  #locked = false;
  async lock(): Promise<void> {
    if (!this.#locked) {
      this.#locked = true;
      return;
    }
    await new Promise<void>((resolve) => this.#queue.push(resolve));
  }
  unlock(): void {
    const next = this.#queue.shift();
    if (next) next();
    else this.#locked = false;
  }
}

function run(stmt: SqliteDatabase.Statement, parameters: readonly unknown[]): QueryResult<unknown> {
  if (stmt.reader) return { rows: stmt.all(parameters) };
  const { changes, lastInsertRowid } = stmt.run(parameters);
  return { numAffectedRows: BigInt(changes), insertId: BigInt(lastInsertRowid), rows: [] };
}

class RoutedConnection implements DatabaseConnection {
  inTransaction = false;
  constructor(
    private readonly dbs: ReadWriteSqlite,
    private readonly writeLock: Mutex,
  ) {}

  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    const { writer, reader } = this.dbs;
    if (this.inTransaction) return run(writer.prepare(query.sql), query.parameters) as QueryResult<R>;
    // Only a built SELECT goes to the reader: preparing DDL there would check it against the reader's cached
    // schema (DROP then CREATE of a trigger fails as "already exists"); a SELECT is re-checked when stale.
    if (reader !== writer && SelectQueryNode.is(query.query)) {
      const stmt = reader.prepare(query.sql);
      if (stmt.readonly) return run(stmt, query.parameters) as QueryResult<R>;
    }
    await this.writeLock.lock();
    try {
      return run(writer.prepare(query.sql), query.parameters) as QueryResult<R>;
    } finally {
      this.writeLock.unlock();
    }
  }

  // eslint-disable-next-line require-yield -- nothing in Rampart streams; an explicit refusal beats a silent misuse
  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('Streaming queries are not supported on SQLite here: page instead');
  }
}

class ReadWriteSqliteDriver implements Driver {
  readonly #writeLock = new Mutex();
  constructor(private readonly dbs: ReadWriteSqlite) {}

  async init(): Promise<void> {}

  async acquireConnection(): Promise<DatabaseConnection> {
    return new RoutedConnection(this.dbs, this.#writeLock);
  }

  async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await this.#writeLock.lock();
    try {
      this.dbs.writer.db.exec('begin immediate');
    } catch (err) {
      this.#writeLock.unlock();
      throw err;
    }
    (connection as RoutedConnection).inTransaction = true;
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    await this.#end(connection, 'commit');
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    await this.#end(connection, 'rollback');
  }

  async #end(connection: DatabaseConnection, how: 'commit' | 'rollback'): Promise<void> {
    const routed = connection as RoutedConnection;
    // Kysely rolls back after a failed commit, which already ended the transaction here: nothing left to do
    if (!routed.inTransaction) return;
    const writer = this.dbs.writer.db;
    try {
      writer.exec(how);
    } finally {
      // a failed COMMIT leaves SQLite in the transaction: roll it back so the writer is clean for the next one
      if (writer.inTransaction) writer.exec('rollback');
      routed.inTransaction = false;
      this.#writeLock.unlock();
    }
  }

  async releaseConnection(): Promise<void> {}

  async destroy(): Promise<void> {
    const { reader, writer } = this.dbs;
    if (reader !== writer && reader.db.open) reader.db.close();
    if (writer.db.open) writer.db.close();
  }
}

export class ReadWriteSqliteDialect implements Dialect {
  constructor(private readonly dbs: ReadWriteSqlite) {}
  createDriver(): Driver {
    return new ReadWriteSqliteDriver(this.dbs);
  }
  createQueryCompiler() {
    return new SqliteQueryCompiler();
  }
  createAdapter() {
    return new SqliteAdapter();
  }
  createIntrospector(db: Kysely<unknown>) {
    return new SqliteIntrospector(db);
  }
}
