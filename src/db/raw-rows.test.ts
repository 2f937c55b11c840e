import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openSqlite, type DatabaseHandle } from './connect.js';
import { readRawRows } from './raw-rows.js';

/** Rows as arrays (raw-rows.ts) on SQLite; the PostgreSQL side runs under test/integration/register-read-all. */
describe('reading rows as arrays', () => {
  let dir: string;
  let handle: DatabaseHandle;
  beforeEach(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rampart-raw-'));
    handle = openSqlite(path.join(dir, 'db.sqlite'));
    await sql`create table t (n integer not null, some_name text)`.execute(handle.db);
    await sql`insert into t values (1, 'one'), (2, null)`.execute(handle.db);
  });
  afterEach(async () => {
    await handle.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
  const query = () => sql`select n, some_name from t order by n`.compile(handle.db);

  it('gives the columns as the database names them and each row as an array', async () => {
    expect(await readRawRows(handle.db, query())).toEqual({
      columns: ['n', 'some_name'],
      rows: [
        [1, 'one'],
        [2, null],
      ],
    });
  });

  it('reads on the reader connection: a write transaction still open is neither waited for nor seen', async () => {
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    const writing = handle.db.transaction().execute(async (trx) => {
      await sql`insert into t values (3, 'three')`.execute(trx);
      await held;
    });
    // the transaction has begun and inserted before the read (better-sqlite3 runs each statement at once)
    await new Promise((r) => setTimeout(r, 50));
    expect((await readRawRows(handle.db, query())).rows).toHaveLength(2);
    release();
    await writing;
    expect((await readRawRows(handle.db, query())).rows).toHaveLength(3);
  });

  it('inside a transaction reads through it (objects turned into arrays), seeing its own writes', async () => {
    await handle.db.transaction().execute(async (trx) => {
      await sql`insert into t values (3, 'three')`.execute(trx);
      const { columns, rows } = await readRawRows(trx, sql`select n, some_name from t order by n`.compile(trx));
      expect(columns).toEqual(['n', 'some_name']);
      expect(rows.at(-1)).toEqual([3, 'three']);
    });
  });

  it('refuses a statement that writes', async () => {
    await expect(readRawRows(handle.db, sql`delete from t`.compile(handle.db))).rejects.toThrow(/SELECT/);
    expect((await readRawRows(handle.db, query())).rows).toHaveLength(2);
  });
});
