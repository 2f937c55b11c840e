import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { openPostgres, openSqlite, type DatabaseHandle, type DatabaseKind } from '../../src/db/connect.js';
import { migrateToLatest } from '../../src/db/migrate.js';

/**
 * Integration tests run once per database kind: always SQLite, and PostgreSQL when TEST_DATABASE_URL is set
 * (CI always sets it). Each test file gets a database of its own, so files never share state.
 */
export const PG_URL = process.env.TEST_DATABASE_URL;
export const DIALECTS: DatabaseKind[] = PG_URL ? ['sqlite', 'postgres'] : ['sqlite'];

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

/** A new, empty PostgreSQL database on the TEST_DATABASE_URL server; `drop` removes it. */
export async function createPostgresDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  // read at call time: the bench sets it from BENCH_DATABASE_URL after this module was imported
  const PG_URL = process.env.TEST_DATABASE_URL;
  if (!PG_URL) throw new Error('TEST_DATABASE_URL is not set');
  const name = `rampart_t_${crypto.randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: PG_URL });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  return {
    url: withDatabase(PG_URL, name),
    drop: async () => {
      const c = new pg.Client({ connectionString: PG_URL });
      await c.connect();
      try {
        await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await c.end();
      }
    },
  };
}

export function tempDir(prefix = 'rampart-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** A migrated database of the given kind, empty but for the schema; close() also deletes it. */
export async function openTestDatabase(kind: DatabaseKind): Promise<DatabaseHandle> {
  if (kind === 'sqlite') {
    const dir = tempDir();
    const handle = openSqlite(path.join(dir, 'test.sqlite'));
    await migrateToLatest(handle.db);
    return {
      ...handle,
      close: async () => {
        await handle.close();
        fs.rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const created = await createPostgresDatabase();
  const handle = openPostgres(created.url, 5);
  await migrateToLatest(handle.db);
  return {
    ...handle,
    close: async () => {
      await handle.close();
      await created.drop();
    },
  };
}
