import { isPostgresUrl, openDatabase, type DatabaseHandle } from '../db/connect.js';
import { migrateToLatest } from '../db/migrate.js';
import { findOrgBySlug } from '../core/orgs/orgs.service.js';
import type { OrgContext } from '../core/context.js';
import os from 'node:os';
import { loadConfig, type Config } from './config.js';
import { CliError } from './io.js';
import { REGISTERS } from '../core/modules.js';

export const cliActor = () => ({ kind: 'system' as const, userId: null, label: `cli:${os.userInfo().username}` });

/**
 * Brings the database to the latest schema. With RAMPART_MIGRATION_DATABASE_URL (the tables' owner) the migrations
 * run over a connection of their own, so DATABASE_URL can be a role with data privileges only: that role cannot
 * alter tables or disable the audit trail's append-only triggers.
 */
export async function migrateConfigured(config: Config, handle: DatabaseHandle): Promise<string[]> {
  if (!config.migrationDatabaseUrl) return migrateToLatest(handle.db);
  if (!isPostgresUrl(config.migrationDatabaseUrl) || handle.kind !== 'postgres') {
    throw new CliError(
      'RAMPART_MIGRATION_DATABASE_URL is for PostgreSQL: set it (postgres://…) together with a PostgreSQL DATABASE_URL',
    );
  }
  const owner = openDatabase({ databaseUrl: config.migrationDatabaseUrl, dataDir: config.dataDir });
  try {
    return await migrateToLatest(owner.db);
  } finally {
    await owner.close();
  }
}

/** Opens the configured database, brings it to the latest schema, runs `fn`, and closes it whatever happens. */
export async function withDatabase<T>(
  fn: (handle: DatabaseHandle, config: Config) => Promise<T>,
  opts: { migrate?: boolean } = {},
): Promise<T> {
  const config = loadConfig();
  const handle = openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    if (opts.migrate !== false) await migrateConfigured(config, handle);
    return await fn(handle, config);
  } finally {
    await handle.close();
  }
}

/** The organization named by --org, acting as the CLI (an admin-level system actor). */
export async function orgContext(handle: DatabaseHandle, slug: string): Promise<OrgContext> {
  const org = await findOrgBySlug(handle.db, slug);
  if (!org) throw new CliError(`No organization with the slug "${slug}" (list them with: rampart org list)`);
  return { db: handle.db, org, role: 'admin', actor: cliActor(), registers: REGISTERS };
}
