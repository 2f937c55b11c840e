import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql, type Kysely } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openSqlite, type DatabaseHandle } from './connect.js';

/** The SQLite read/write split (sqlite-driver.ts), on a real file. */
describe('SQLite with a writer and a reader connection', () => {
  let dir: string;
  let handle: DatabaseHandle;
  let db: Kysely<{ t: { n: number } }>;
  beforeEach(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rampart-rw-'));
    handle = openSqlite(path.join(dir, 'db.sqlite'));
    // the test's own table, added to the database type (no cast)
    db = handle.db.withTables<{ t: { n: number } }>();
    await sql`create table t (n integer not null)`.execute(db);
    await db.insertInto('t').values({ n: 1 }).execute();
  });
  afterEach(async () => {
    await handle.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const count = async () =>
    Number(
      (
        await db
          .selectFrom('t')
          .select((eb) => eb.fn.countAll().as('c'))
          .executeTakeFirstOrThrow()
      ).c,
    );

  it('answers reads while a write transaction is open, with the last committed state; writes wait for it', async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let inserted!: () => void;
    const insertedInside = new Promise<void>((resolve) => (inserted = resolve));
    const tx = db.transaction().execute(async (trx) => {
      await trx.insertInto('t').values({ n: 2 }).execute();
      // the transaction sees its own write
      expect(
        Number(
          (
            await trx
              .selectFrom('t')
              .select((eb) => eb.fn.countAll().as('c'))
              .executeTakeFirstOrThrow()
          ).c,
        ),
      ).toBe(2);
      inserted();
      await held;
    });
    await insertedInside;
    // With one connection behind a mutex this read would wait for the transaction (and this test would hang).
    expect(await count()).toBe(1);
    let writeDone = false;
    const write = db
      .insertInto('t')
      .values({ n: 3 })
      .execute()
      .then(() => (writeDone = true));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(writeDone).toBe(false);
    release();
    await tx;
    await write;
    expect(await count()).toBe(3);
  });

  it('rolls back a failed transaction and frees the writer for the next one', async () => {
    await expect(
      db.transaction().execute(async (trx) => {
        await trx.insertInto('t').values({ n: 9 }).execute();
        throw new Error('changed my mind');
      }),
    ).rejects.toThrow('changed my mind');
    expect(await count()).toBe(1);
    await db.transaction().execute((trx) => trx.insertInto('t').values({ n: 4 }).execute());
    expect(await count()).toBe(2);
  });

  it('queues transactions one after another (no two open at once on the writer)', async () => {
    const order: string[] = [];
    await Promise.all(
      ['a', 'b', 'c'].map((name) =>
        db.transaction().execute(async (trx) => {
          order.push(`${name}+`);
          await trx.insertInto('t').values({ n: 5 }).execute();
          await new Promise((resolve) => setTimeout(resolve, 5));
          order.push(`${name}-`);
        }),
      ),
    );
    expect(order).toEqual(['a+', 'a-', 'b+', 'b-', 'c+', 'c-']);
    expect(await count()).toBe(4);
  });

  it('runs a statement that writes outside a transaction on the writer, even when it is raw SQL', async () => {
    await sql`insert into t (n) values (7)`.execute(db);
    expect(await count()).toBe(2);
  });
});
