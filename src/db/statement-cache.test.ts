import SqliteDatabase from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { withStatementCache } from './connect.js';

describe('SQLite prepared-statement cache', () => {
  let sqlite: SqliteDatabase.Database;
  afterEach(() => sqlite?.close());

  it('reuses a statement for the same SQL and evicts the least recently used beyond its size', () => {
    sqlite = new SqliteDatabase(':memory:');
    const db = withStatementCache(sqlite, 2);
    const a = db.prepare('select 1 as x');
    expect(db.prepare('select 1 as x')).toBe(a);
    const b = db.prepare('select 2 as x');
    db.prepare('select 1 as x'); // a is now the most recent
    db.prepare('select 3 as x'); // evicts b
    expect(db.prepare('select 1 as x')).toBe(a);
    expect(db.prepare('select 2 as x')).not.toBe(b);
  });

  it('answers with the new schema after a table changes under a cached statement', () => {
    sqlite = new SqliteDatabase(':memory:');
    const db = withStatementCache(sqlite);
    sqlite.exec("create table t (a text); insert into t values ('one')");
    const select = 'select * from t';
    expect(db.prepare(select).all([])).toEqual([{ a: 'one' }]);
    sqlite.exec("alter table t add column b text default 'two'");
    expect(db.prepare(select).all([])).toEqual([{ a: 'one', b: 'two' }]);
  });
});
