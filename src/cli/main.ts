import { Command, CommanderError } from 'commander';
import { auditCommand } from './commands/audit.js';
import { backupCommands } from './commands/backup.js';
import { dbCommand } from './commands/db.js';
import { demoCommand } from './commands/demo.js';
import { keyCommand } from './commands/key.js';
import { migrateCommand } from './commands/migrate.js';
import { orgCommands } from './commands/org.js';
import { startCommand } from './commands/start.js';
import { userCommand } from './commands/user.js';
import { verifyPackageCommand } from './commands/verify-package.js';
import { describeError } from './io.js';

// A reader that stops early (`rampart demo | head`) is not an error.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(0);
  throw err;
});

const program = new Command()
  .name('rampart')
  .description(
    'Rampart: an ISMS for ISO/IEC 27001. Database: DATABASE_URL (PostgreSQL) or an SQLite file in RAMPART_DATA_DIR (default ./data).',
  )
  .version('0.1.0')
  .showHelpAfterError('(add --help for usage)')
  .exitOverride();

startCommand(program);
migrateCommand(program);
demoCommand(program);
userCommand(program);
orgCommands(program);
auditCommand(program);
verifyPackageCommand(program);
keyCommand(program);
backupCommands(program);
dbCommand(program);

// `npm start -- --demo` arrives as `start --demo`; a bare `rampart --demo` means the same.
const args = process.argv.slice(2);
const argv =
  args.length &&
  args[0]!.startsWith('--') &&
  args[0] !== '--help' &&
  args[0] !== '--version' &&
  args[0] !== '-h' &&
  args[0] !== '-V'
    ? ['start', ...args]
    : args;

try {
  await program.parseAsync(argv, { from: 'user' });
} catch (err) {
  if (err instanceof CommanderError) {
    process.exit(err.exitCode === 0 ? 0 : 2);
  }
  console.error(`Error: ${describeError(err)}`);
  process.exit(1);
}
