import type { Command } from 'commander';
import { migrationState } from '../../db/migrate.js';
import { migrateConfigured, withDatabase } from '../runtime.js';

export function migrateCommand(program: Command) {
  program
    .command('migrate')
    .description('Apply pending database migrations (start does this too)')
    .action(async () => {
      await withDatabase(
        async (handle, config) => {
          const applied = await migrateConfigured(config, handle);
          const state = await migrationState(handle.db);
          console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'Nothing to apply.');
          console.log(`${handle.kind} ${handle.location}: ${state.applied} migrations applied, latest ${state.latest}`);
        },
        { migrate: false },
      );
    });
}
