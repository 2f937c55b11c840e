import { execFile, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { listChains } from '../../src/core/audit/audit-checkpoint.js';
import { verifyChain } from '../../src/core/audit/audit-verify.js';
import { backupSqlite, checkRampartSqlite, restoreSqlite } from '../../src/db/backup.js';
import { openPostgres, openSqlite, type DatabaseHandle } from '../../src/db/connect.js';
import { migrateToLatest } from '../../src/db/migrate.js';
import { buildApp } from '../../src/server/app.js';
import { PG_URL, createPostgresDatabase, tempDir } from '../helpers/databases.js';
import { buildAction, buildOrg } from '../helpers/factories.js';

const run = promisify(execFile);
const BIN = path.resolve('bin/rampart.mjs');
const hasPgDump = (() => {
  try {
    execFileSync('pg_dump', ['--version']);
    return true;
  } catch {
    return false;
  }
})();

const eventIds = async (handle: DatabaseHandle) =>
  new Set((await handle.db.selectFrom('auditEvents').select('id').execute()).map((e) => e.id));
async function verifyAll(handle: DatabaseHandle) {
  const results = [];
  for (const c of await listChains(handle.db))
    results.push({ chain: c.chainKey, ...(await verifyChain(handle.db, c.orgId)) });
  return results;
}
const cli = (env: Record<string, string>, ...args: string[]) =>
  run('node', [BIN, ...args], { env: { ...process.env, ...env }, timeout: 120_000 }).then(
    (r) => ({ code: 0, out: r.stdout, err: r.stderr }),
    (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, out: e.stdout, err: e.stderr }),
  );

/**
 * Issue 12 item 17: a plain copy of a running SQLite file lost the events still in its WAL, and audit verify on
 * the copy said OK. rampart backup takes an online, consistent backup; rampart restore checks and verifies it.
 */
describe('backup and restore on sqlite', () => {
  let cleanup: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const c of cleanup.reverse()) await c();
    cleanup = [];
  });

  async function running() {
    const dir = tempDir('rampart-backup-');
    const file = path.join(dir, 'rampart.sqlite');
    const handle = openSqlite(file);
    await migrateToLatest(handle.db);
    const app = await buildApp({
      handle,
      webDir: '/nonexistent',
      auth: { maxFailuresPerIp: 10_000, maxFailuresPerAccount: 10_000 },
    });
    cleanup.push(async () => {
      await app.close();
      await handle.close();
      fs.rmSync(dir, { recursive: true, force: true });
    });
    const org = await buildOrg(app, handle);
    return { dir, file, handle, app, org };
  }

  it('a plain copy of the running file misses the events in the WAL; the online backup, taken while writes go on, has them and verifies', async () => {
    const { dir, file, handle, org } = await running();
    for (let i = 0; i < 5; i += 1) await buildAction(org.as.contributor, org.slug);
    const committed = await eventIds(handle);

    // the review's finding: the main file alone lacks what is still in the write-ahead log
    fs.copyFileSync(file, path.join(dir, 'plain-copy.sqlite'));
    const plain = openSqlite(path.join(dir, 'plain-copy.sqlite'));
    try {
      // (so fresh a database may not even have its tables in the main file yet)
      const copied = await eventIds(plain).then(
        (ids) => ids.size,
        () => 0,
      );
      expect(copied).toBeLessThan(committed.size);
    } finally {
      await plain.close();
    }

    // writers keep going while the backup runs
    let stop = false;
    const writer = (async () => {
      let n = 0;
      while (!stop && n < 200) {
        await buildAction(org.as.contributor, org.slug);
        n += 1;
      }
      return n;
    })();
    const backup = path.join(dir, 'backup.sqlite');
    await backupSqlite(file, backup);
    stop = true;
    expect(await writer).toBeGreaterThan(0);
    expect(checkRampartSqlite(backup).latest).toMatch(/^\d{4}-/);

    const restoredDir = tempDir('rampart-restored-');
    cleanup.push(async () => fs.rmSync(restoredDir, { recursive: true, force: true }));
    const target = path.join(restoredDir, 'rampart.sqlite');
    await restoreSqlite(backup, target);
    const restored = openSqlite(target);
    try {
      const ids = await eventIds(restored);
      for (const id of committed) expect(ids.has(id)).toBe(true);
      const results = await verifyAll(restored);
      expect(results.length).toBeGreaterThanOrEqual(2);
      for (const r of results) expect(r, r.chain).toMatchObject({ ok: true, firstBroken: null });
    } finally {
      await restored.close();
    }
  });

  it('restore refuses a database in use, an existing one without --force, and a file that is not a Rampart database', async () => {
    const { dir, file } = await running();
    const backup = path.join(dir, 'backup.sqlite');
    await backupSqlite(file, backup);
    await expect(restoreSqlite(backup, file)).rejects.toThrow(/is in use/);
    const idle = path.join(dir, 'idle.sqlite');
    fs.copyFileSync(backup, idle);
    await expect(restoreSqlite(backup, idle)).rejects.toThrow(/already holds a database: pass --force/);
    await restoreSqlite(backup, idle, { force: true });

    fs.writeFileSync(path.join(dir, 'junk.sqlite'), 'not a database at all, just text');
    await expect(restoreSqlite(path.join(dir, 'junk.sqlite'), path.join(dir, 'new.sqlite'))).rejects.toThrow(
      /not a readable SQLite database|cannot be opened/,
    );
    const other = openSqlite(path.join(dir, 'other.sqlite'));
    await other.close();
    await expect(restoreSqlite(path.join(dir, 'other.sqlite'), path.join(dir, 'new.sqlite'))).rejects.toThrow(
      /is not a Rampart database \(no rampart_migrations table\)/,
    );
    expect(fs.existsSync(path.join(dir, 'new.sqlite'))).toBe(false);
  });

  it('rampart backup and rampart restore through the CLI', async () => {
    const { dir, handle, org } = await running();
    await buildAction(org.as.contributor, org.slug, { title: 'The latest action' });
    const latest = await handle.db
      .selectFrom('auditEvents')
      .select('id')
      .orderBy('createdAt', 'desc')
      .orderBy('seq', 'desc')
      .executeTakeFirstOrThrow();
    const backup = path.join(tempDir('rampart-bk-'), 'rampart-backup.sqlite');
    const made = await cli({ RAMPART_DATA_DIR: dir }, 'backup', backup);
    expect(made.code, made.err).toBe(0);
    expect(made.out).toContain('Not in the backup: the signing key');

    const into = tempDir('rampart-into-');
    cleanup.push(async () => fs.rmSync(into, { recursive: true, force: true }));
    const restored = await cli({ RAMPART_DATA_DIR: into }, 'restore', backup);
    expect(restored.code, restored.err).toBe(0);
    expect(restored.out).toMatch(
      /Restored [\s\S]*OK: the audit trail of the installation holds[\s\S]*OK: the audit trail of org-/,
    );
    const again = await cli({ RAMPART_DATA_DIR: into }, 'restore', backup);
    expect(again).toMatchObject({ code: 1, err: expect.stringContaining('already holds a database') });
    const check = openSqlite(path.join(into, 'rampart.sqlite'));
    try {
      expect(
        await check.db.selectFrom('auditEvents').select('id').where('id', '=', latest.id).executeTakeFirst(),
      ).toBeTruthy();
      expect(
        await check.db
          .selectFrom('actions')
          .select('title')
          .where('title', '=', 'The latest action')
          .executeTakeFirst(),
      ).toBeTruthy();
    } finally {
      await check.close();
    }
  });
});

describe.runIf(PG_URL && hasPgDump)('backup and restore on postgres', () => {
  it('rampart backup runs pg_dump; pg_restore into a new database gives every event, and the chains verify', async () => {
    const source = await createPostgresDatabase();
    const copy = await createPostgresDatabase();
    const dir = tempDir('rampart-pgbk-');
    const handle = openPostgres(source.url, 4);
    try {
      await migrateToLatest(handle.db);
      const app = await buildApp({
        handle,
        webDir: '/nonexistent',
        auth: { maxFailuresPerIp: 10_000, maxFailuresPerAccount: 10_000 },
      });
      const org = await buildOrg(app, handle);
      await buildAction(org.as.contributor, org.slug);
      await app.close();
      const committed = await eventIds(handle);
      const file = path.join(dir, 'rampart.dump');
      const made = await cli({ RAMPART_DATA_DIR: dir, DATABASE_URL: source.url }, 'backup', file);
      expect(made.code, made.err).toBe(0);
      expect(fs.readFileSync(file).subarray(0, 5).toString()).toBe('PGDMP');
      const refused = await cli({ RAMPART_DATA_DIR: dir, DATABASE_URL: source.url }, 'restore', file);
      expect(refused).toMatchObject({ code: 1, err: expect.stringContaining('pg_restore') });

      const u = new URL(copy.url);
      await run('pg_restore', ['--no-owner', '--dbname', copy.url, file], {
        env: { ...process.env, PGPASSWORD: decodeURIComponent(u.password) },
      });
      const restored = openPostgres(copy.url, 2);
      try {
        expect(await eventIds(restored)).toEqual(committed);
        for (const r of await verifyAll(restored)) expect(r, r.chain).toMatchObject({ ok: true });
        // the append-only guard came back with the restore
        await expect(restored.db.deleteFrom('auditEvents').execute()).rejects.toThrow(/append-only/);
      } finally {
        await restored.close();
      }
    } finally {
      await handle.close();
      await source.drop();
      await copy.drop();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
