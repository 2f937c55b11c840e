import type { Command } from 'commander';
import { z } from 'zod';
import { changePassword, createUser } from '../../core/users/users.service.js';
import { emailSchema, passwordSchema, personNameSchema } from '../../schema/common/primitives.js';
import { askSecret, parseOrFail } from '../io.js';
import { cliActor, withDatabase } from '../runtime.js';

async function passwordFrom(given: string | undefined): Promise<string> {
  const password = given ?? (await askSecret('Password (at least 12 characters, not easy to guess): '));
  return parseOrFail(passwordSchema, password, 'password');
}

export function userCommand(program: Command) {
  const user = program.command('user').description('Manage user accounts');

  user
    .command('add')
    .description('Create a user (asks for the password when --password is not given)')
    .requiredOption('--email <email>', 'email address, used to sign in')
    .requiredOption('--name <name>', 'full name')
    .option('--password <password>', 'initial password (at least 12 characters)')
    .option('--superadmin', 'may create organizations')
    .action(async (opts: { email: string; name: string; password?: string; superadmin?: boolean }) => {
      const input = parseOrFail(z.object({ email: emailSchema, name: personNameSchema }), opts, 'option');
      const password = await passwordFrom(opts.password);
      await withDatabase(async (handle) => {
        const u = await createUser(handle.db, { ...input, password, isSuperadmin: !!opts.superadmin }, cliActor());
        console.log(`User ${u.email} created (id ${u.id}). Add them to an organization with: rampart member add`);
      });
    });

  user
    .command('passwd')
    .description("Set a user's password (signs them out everywhere)")
    .requiredOption('--email <email>', "the user's email")
    .option('--password <password>', 'new password (asked when not given)')
    .action(async (opts: { email: string; password?: string }) => {
      const email = parseOrFail(emailSchema, opts.email, 'email');
      const password = await passwordFrom(opts.password);
      await withDatabase(async (handle) => {
        await changePassword(handle.db, email, password, cliActor());
        console.log(`Password changed for ${email}; their sessions were signed out.`);
      });
    });
}
