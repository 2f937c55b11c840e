import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPostgres, type DatabaseHandle } from '../../src/db/connect.js';
import { createPostgresDatabase, PG_URL } from '../helpers/databases.js';

/**
 * A pooled PostgreSQL connection that the server closes while it sits idle (a restart, a failover, an administrator
 * terminating it) must not bring Rampart down: without an error listener on the pool, node-postgres throws the
 * idle client's error as an uncaught exception and the process exits. The next query gets a fresh connection.
 */
describe.skipIf(!PG_URL)('a PostgreSQL connection lost while idle', () => {
  let created: Awaited<ReturnType<typeof createPostgresDatabase>>;
  let handle: DatabaseHandle;
  beforeAll(async () => {
    created = await createPostgresDatabase();
    handle = openPostgres(created.url, 2);
  });
  afterAll(async () => {
    await handle?.close();
    await created?.drop();
  });

  it('is dropped from the pool, and the next query works', async () => {
    const pidOf = async () =>
      (await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(handle.db)).rows[0]!.pid;
    const pid = await pidOf();
    const admin = new pg.Client({ connectionString: PG_URL });
    await admin.connect();
    try {
      await admin.query('select pg_terminate_backend($1)', [pid]);
    } finally {
      await admin.end();
    }
    // give the idle client time to hear that its connection is gone
    await new Promise((resolve) => setTimeout(resolve, 500));
    const again = await pidOf();
    expect(again).not.toBe(pid);
  });
});
