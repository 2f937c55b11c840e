import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';

/**
 * Backups of the SQLite file. A plain copy of a running database misses what is still in its write-ahead log (and
 * may catch a half-written page); SQLite's online backup reads through a connection, so it sees the WAL, and
 * gives one consistent snapshot while others keep writing.
 */
export async function backupSqlite(sourceFile: string, destFile: string): Promise<{ pages: number }> {
  if (!fs.existsSync(sourceFile)) throw new Error(`No database at ${sourceFile}`);
  const source = new SqliteDatabase(sourceFile, { fileMustExist: true });
  source.pragma('busy_timeout = 5000');
  const partial = `${destFile}.partial`;
  try {
    fs.rmSync(partial, { force: true });
    const progress = await source.backup(partial);
    fs.renameSync(partial, destFile);
    return { pages: progress.totalPages };
  } finally {
    source.close();
    fs.rmSync(partial, { force: true });
  }
}

/** Whether another connection (a running Rampart, another CLI) has the database open: it then holds a lock. */
export function sqliteInUse(file: string): boolean {
  if (!fs.existsSync(file)) return false;
  const probe = new SqliteDatabase(file, { fileMustExist: true });
  try {
    probe.pragma('busy_timeout = 0');
    probe.pragma('locking_mode = EXCLUSIVE');
    probe.exec('BEGIN EXCLUSIVE');
    probe.exec('COMMIT');
    return false;
  } catch {
    return true;
  } finally {
    probe.close();
  }
}

/** Refuses anything but an intact SQLite file holding a Rampart schema; returns how many migrations it has. */
export function checkRampartSqlite(file: string): { migrations: number; latest: string | null } {
  let db: SqliteDatabase.Database;
  try {
    db = new SqliteDatabase(file, { readonly: true, fileMustExist: true });
  } catch (err) {
    throw new Error(
      `${file} cannot be opened as an SQLite database (${err instanceof Error ? err.message : String(err)})`,
    );
  }
  try {
    const check = db.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw new Error(`${file} is damaged (SQLite quick_check: ${String(check)})`);
    const tables = new Set(
      (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map(
        (t) => t.name,
      ),
    );
    for (const t of ['rampart_migrations', 'audit_events', 'audit_heads', 'organizations']) {
      if (!tables.has(t)) throw new Error(`${file} is not a Rampart database (no ${t} table)`);
    }
    const rows = db.prepare('SELECT name FROM rampart_migrations ORDER BY name').all() as { name: string }[];
    return { migrations: rows.length, latest: rows.at(-1)?.name ?? null };
  } catch (err) {
    if (err instanceof Error && err.message.startsWith(file)) throw err;
    throw new Error(`${file} is not a readable SQLite database (${err instanceof Error ? err.message : String(err)})`);
  } finally {
    db.close();
  }
}

/**
 * Puts a backup in place of the database file: checked first, copied beside the target, then renamed over it, so
 * a failure leaves the old database untouched. The target's WAL files go with the old database.
 */
export async function restoreSqlite(
  backupFile: string,
  targetFile: string,
  opts: { force?: boolean } = {},
): Promise<void> {
  checkRampartSqlite(backupFile);
  if (fs.existsSync(targetFile)) {
    if (sqliteInUse(targetFile) && !opts.force)
      throw new Error(
        `${targetFile} is in use (a running Rampart or another command has it open): stop it first, or pass --force`,
      );
    if (!opts.force)
      throw new Error(
        `${targetFile} already holds a database: pass --force to replace it (back it up first: rampart backup)`,
      );
  }
  fs.mkdirSync(path.dirname(targetFile), { recursive: true });
  const incoming = `${targetFile}.restoring`;
  await backupSqlite(backupFile, incoming);
  for (const suffix of ['-wal', '-shm']) fs.rmSync(`${targetFile}${suffix}`, { force: true });
  fs.renameSync(incoming, targetFile);
}

/** pg_dump in its custom format, when the PostgreSQL client tools are installed; the password goes by environment. */
export async function pgDump(databaseUrl: string, destFile: string): Promise<void> {
  const url = new URL(databaseUrl);
  const password = decodeURIComponent(url.password);
  url.password = '';
  const env = { ...process.env, ...(password ? { PGPASSWORD: password } : {}) };
  await new Promise<void>((resolve, reject) => {
    const child = spawn('pg_dump', ['--format=custom', '--no-owner', '--file', destFile, '--dbname', url.toString()], {
      env,
      stdio: ['ignore', 'inherit', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', (err: NodeJS.ErrnoException) =>
      reject(
        new Error(
          err.code === 'ENOENT'
            ? 'pg_dump is not installed: install the PostgreSQL client tools (same major version as the server) or run pg_dump yourself (see README, Backups)'
            : err.message,
        ),
      ),
    );
    child.on('close', (code) =>
      code === 0 ? resolve() : reject(new Error(`pg_dump failed (exit ${code}): ${stderr.trim()}`)),
    );
  });
}
