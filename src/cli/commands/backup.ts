import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { listChains, readCheckpointLog } from '../../core/audit/audit-checkpoint.js';
import { verifyChain } from '../../core/audit/audit-verify.js';
import { loadOrCreateInstanceKey } from '../../core/signing/instance-key.js';
import { backupSqlite, pgDump, restoreSqlite } from '../../db/backup.js';
import { isPostgresUrl, openSqlite, redactUrl } from '../../db/connect.js';
import { loadConfig } from '../config.js';
import { CliError } from '../io.js';
import { describeVerify } from './audit.js';

const OUTSIDE =
  'Not in the backup: the signing key (RAMPART_SIGNING_KEY_FILE, secret: keep its copy apart) and audit-checkpoints.log in the data directory; back them up too.';

export function backupCommands(program: Command) {
  program
    .command('backup')
    .argument('<file>', 'where to write the backup')
    .option('--force', 'overwrite the file if it exists')
    .description(
      'Back up the database while Rampart runs: SQLite online backup (includes what is still in the WAL), or pg_dump (custom format) on PostgreSQL',
    )
    .action(async (file: string, opts: { force?: boolean }) => {
      const config = loadConfig();
      const dest = path.resolve(file);
      if (fs.existsSync(dest) && !opts.force) throw new CliError(`${dest} exists: choose another name or pass --force`);
      if (isPostgresUrl(config.databaseUrl)) {
        try {
          await pgDump(config.databaseUrl, dest);
        } catch (err) {
          throw new CliError(err instanceof Error ? err.message : String(err));
        }
        console.log(
          `Backed up ${redactUrl(config.databaseUrl)} to ${dest} (pg_dump custom format; restore with pg_restore, see README).`,
        );
      } else {
        const { pages } = await backupSqlite(path.join(config.dataDir, 'rampart.sqlite'), dest);
        console.log(
          `Backed up ${path.join(config.dataDir, 'rampart.sqlite')} to ${dest} (${pages} pages, one consistent snapshot).`,
        );
      }
      console.log(OUTSIDE);
    });

  program
    .command('restore')
    .argument('<file>', 'a backup made by rampart backup (SQLite)')
    .option('--force', 'replace an existing database (and one in use: stop Rampart first)')
    .description(
      'Restore an SQLite backup into RAMPART_DATA_DIR: checks it is a Rampart database, refuses to replace one in use, then verifies every audit chain. PostgreSQL: use pg_restore (see README)',
    )
    .action(async (file: string, opts: { force?: boolean }) => {
      const config = loadConfig();
      if (isPostgresUrl(config.databaseUrl)) {
        throw new CliError(
          'On PostgreSQL, restore with pg_restore into an empty database, e.g.\n' +
            `  createdb rampart_restored && pg_restore --no-owner --dbname postgres://…/rampart_restored ${file}\n` +
            'then point DATABASE_URL at it and run: rampart audit verify --all',
        );
      }
      const target = path.join(config.dataDir, 'rampart.sqlite');
      try {
        await restoreSqlite(path.resolve(file), target, { force: opts.force });
      } catch (err) {
        throw new CliError(err instanceof Error ? err.message : String(err));
      }
      console.log(`Restored ${path.resolve(file)} to ${target}.`);
      const handle = openSqlite(target);
      try {
        const trustedKey = fs.existsSync(config.signingKeyFile)
          ? loadOrCreateInstanceKey(config.signingKeyFile)
          : undefined;
        const orgs = new Map(
          (await handle.db.selectFrom('organizations').select(['id', 'slug']).execute()).map((o) => [o.id, o.slug]),
        );
        const heads = new Map(
          (await handle.db.selectFrom('auditHeads').select(['chainKey', 'seq']).execute()).map((h) => [
            h.chainKey,
            h.seq,
          ]),
        );
        for (const c of await listChains(handle.db)) {
          const { ok, lines } = describeVerify(
            c.orgId ? (orgs.get(c.orgId) ?? c.chainKey) : 'the installation',
            await verifyChain(handle.db, c.orgId, { trustedKey }),
          );
          for (const line of lines) (ok ? console.log : console.error)(line);
          if (!ok) process.exitCode = 1;
        }
        // The log outside the database goes on after the backup: what it signed beyond the restored heads is lost.
        if (fs.existsSync(config.checkpointLog)) {
          const later = readCheckpointLog(config.checkpointLog).checkpoints.filter(
            (c) => c.seq > (heads.get(c.chainKey) ?? 0),
          );
          const chains = new Set(later.map((c) => c.chainKey));
          if (later.length)
            console.log(
              `Note: ${config.checkpointLog} signed events beyond this backup in ${chains.size} chain(s): those events were recorded after the backup and are not in it.`,
            );
        }
      } finally {
        await handle.close();
      }
    });
}
