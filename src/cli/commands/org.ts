import type { Command } from 'commander';
import { z } from 'zod';
import { createOrg } from '../../core/orgs/orgs.service.js';
import { addMember } from '../../core/orgs/members.service.js';
import { createToken } from '../../core/auth/tokens.js';
import { findUserByEmail } from '../../core/users/users.service.js';
import { roleSchema, ROLES } from '../../schema/auth/roles.js';
import { emailSchema, slugSchema } from '../../schema/common/primitives.js';
import { orgCreateSchema, tokenCreateSchema } from '../../schema/orgs/org.schema.js';
import { CliError, parseOrFail } from '../io.js';
import { cliActor, orgContext, withDatabase } from '../runtime.js';

export function orgCommands(program: Command) {
  const org = program.command('org').description('Manage organizations');
  org
    .command('add')
    .description('Create an organization')
    .argument('<name>', 'organization name')
    .option('--slug <slug>', 'short name used in URLs (default: from the name)')
    .action(async (name: string, opts: { slug?: string }) => {
      const input = parseOrFail(orgCreateSchema, { name, ...(opts.slug ? { slug: opts.slug } : {}) }, 'organization');
      await withDatabase(async (handle) => {
        const created = await createOrg(handle.db, input, null, cliActor());
        console.log(
          `Organization "${created.name}" created with slug ${created.slug}. Give it an admin with: rampart member add --org ${created.slug} --email … --role admin`,
        );
      });
    });
  org
    .command('list')
    .description('List organizations')
    .action(async () => {
      await withDatabase(async (handle) => {
        const rows = await handle.db.selectFrom('organizations').select(['slug', 'name']).orderBy('slug').execute();
        if (!rows.length) console.log('No organizations yet.');
        for (const r of rows) console.log(`${r.slug.padEnd(24)} ${r.name}`);
      });
    });

  program
    .command('member')
    .description('Manage memberships')
    .command('add')
    .description('Give an existing user a role in an organization')
    .requiredOption('--org <slug>', 'organization slug')
    .requiredOption('--email <email>', "the user's email")
    .requiredOption('--role <role>', `one of: ${ROLES.join(', ')}`)
    .action(async (opts: { org: string; email: string; role: string }) => {
      const input = parseOrFail(z.object({ org: slugSchema, email: emailSchema, role: roleSchema }), opts, 'option');
      await withDatabase(async (handle) => {
        const ctx = await orgContext(handle, input.org);
        if (!(await findUserByEmail(handle.db, input.email)))
          throw new CliError(`No user has the email ${input.email} (create one with: rampart user add)`);
        const m = await addMember(ctx, { email: input.email, role: input.role });
        console.log(`${m.email} is now ${m.role} of ${ctx.org.slug}.`);
      });
    });

  program
    .command('token')
    .description('Manage API tokens')
    .command('create')
    .description("Create an API token for a member; it acts with the member's role and is printed once")
    .requiredOption('--org <slug>', 'organization slug')
    .requiredOption('--email <email>', "the member's email")
    .option('--name <name>', 'what the token is for', 'CLI token')
    .option('--expires <date>', 'expiry date YYYY-MM-DD (default: never)')
    .action(async (opts: { org: string; email: string; name: string; expires?: string }) => {
      const who = parseOrFail(z.object({ org: slugSchema, email: emailSchema }), opts, 'option');
      const input = parseOrFail(
        tokenCreateSchema,
        { name: opts.name, ...(opts.expires ? { expiresAt: opts.expires } : {}) },
        'option',
      );
      await withDatabase(async (handle) => {
        const ctx = await orgContext(handle, who.org);
        const user = await findUserByEmail(handle.db, who.email);
        const member =
          user &&
          (await handle.db
            .selectFrom('memberships')
            .select('role')
            .where('orgId', '=', ctx.org.id)
            .where('userId', '=', user.id)
            .executeTakeFirst());
        if (!user || !member) throw new CliError(`${who.email} is not a member of ${who.org}`);
        const t = await createToken(ctx, input, user.id);
        console.log(
          `Token "${t.name}" for ${who.email} (${member.role}) in ${who.org}${t.expiresAt ? `, expires ${t.expiresAt.slice(0, 10)}` : ''}.`,
        );
        console.log('Copy it now, it will not be shown again:');
        console.log(t.token);
      });
    });
}
