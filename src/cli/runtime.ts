import { openDatabase, type DatabaseHandle } from '../db/connect.js';
import { migrateToLatest } from '../db/migrate.js';
import { findOrgBySlug } from '../core/orgs/orgs.service.js';
import type { OrgContext } from '../core/context.js';
import os from 'node:os';
import { loadConfig, type Config } from './config.js';
import { CliError } from './io.js';

export const cliActor = () => ({ kind: 'system' as const, userId: null, label: `cli:${os.userInfo().username}` });

/** Opens the configured database, brings it to the latest schema, runs `fn`, and closes it whatever happens. */
export async function withDatabase<T>(fn: (handle: DatabaseHandle, config: Config) => Promise<T>, opts: { migrate?: boolean } = {}): Promise<T> {
  const config = loadConfig();
  const handle = openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    if (opts.migrate !== false) await migrateToLatest(handle.db);
    return await fn(handle, config);
  } finally {
    await handle.close();
  }
}

/** The organization named by --org, acting as the CLI (an admin-level system actor). */
export async function orgContext(handle: DatabaseHandle, slug: string): Promise<OrgContext> {
  const org = await findOrgBySlug(handle.db, slug);
  if (!org) throw new CliError(`No organization with the slug "${slug}" (list them with: rampart org list)`);
  return { db: handle.db, org, role: 'admin', actor: cliActor() };
}
