import type { Command } from 'commander';
import { ROLE_NAME, grantAppRole } from '../../db/app-role.js';
import { isPostgresUrl, openDatabase } from '../../db/connect.js';
import { loadConfig } from '../config.js';
import { CliError } from '../io.js';

export function dbCommand(program: Command) {
  program
    .command('db')
    .description('Database administration')
    .command('grant-app-role')
    .argument(
      '<role>',
      'the PostgreSQL role the server connects as (DATABASE_URL); create it first: CREATE ROLE rampart_app LOGIN PASSWORD …',
    )
    .description(
      'PostgreSQL: grant a role row access only (SELECT, INSERT, UPDATE, DELETE, sequences; also on tables future migrations create), so the server can run without owning the tables. ' +
        'Connects as RAMPART_MIGRATION_DATABASE_URL (the owner), or DATABASE_URL when that is not set',
    )
    .action(async (role: string) => {
      const config = loadConfig();
      const url = config.migrationDatabaseUrl ?? config.databaseUrl;
      if (!isPostgresUrl(url))
        throw new CliError(
          'grant-app-role is for PostgreSQL: set RAMPART_MIGRATION_DATABASE_URL (the owner) or DATABASE_URL to postgres://…',
        );
      if (!ROLE_NAME.test(role))
        throw new CliError(`"${role}" is not a plain role name (lowercase letters, digits and _)`);
      const handle = openDatabase({ databaseUrl: url, dataDir: config.dataDir });
      try {
        await grantAppRole(handle.db, role);
      } finally {
        await handle.close();
      }
      console.log(
        `Granted ${role} row access to every table of ${handle.location} (and to tables migrations add later).`,
      );
      console.log(
        'Run the server with DATABASE_URL as that role and RAMPART_MIGRATION_DATABASE_URL as the owner (used only to migrate).',
      );
    });
}
