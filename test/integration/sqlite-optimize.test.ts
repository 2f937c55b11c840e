import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { openSqlite } from '../../src/db/connect.js';
import { migrateToLatest } from '../../src/db/migrate.js';

describe('SQLite planner statistics', () => {
  it('are gathered by PRAGMA optimize, so a file database keeps good query plans as it grows', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rampart-optimize-'));
    const file = path.join(dir, 'rampart.sqlite');
    let handle = openSqlite(file);
    await migrateToLatest(handle.db);
    await handle.close();
    handle = openSqlite(file);
    try {
      const stats = await sql<{ tbl: string }>`SELECT tbl FROM sqlite_stat1`.execute(handle.db);
      expect(stats.rows.map((r) => r.tbl)).toContain('rampart_migrations');
    } finally {
      await handle.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
