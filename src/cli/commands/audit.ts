import type { Command } from 'commander';
import { verifyChain } from '../../core/audit/audit-verify.js';
import { slugSchema } from '../../schema/common/primitives.js';
import { parseOrFail } from '../io.js';
import { orgContext, withDatabase } from '../runtime.js';

export function auditCommand(program: Command) {
  program
    .command('audit')
    .description('Audit trail tools')
    .command('verify')
    .description("Verify an organization's audit hash chain; exits 1 and names the first broken link if it does not hold")
    .requiredOption('--org <slug>', 'organization slug')
    .action(async (opts: { org: string }) => {
      const slug = parseOrFail(slugSchema, opts.org, 'org');
      await withDatabase(async (handle) => {
        const ctx = await orgContext(handle, slug);
        const result = await verifyChain(handle.db, ctx.org.id);
        if (result.ok) {
          console.log(`OK: the audit trail of ${slug} holds (${result.checked} events verified).`);
        } else {
          const b = result.firstBroken!;
          console.error(`BROKEN: the audit trail of ${slug} fails at event ${b.seq}${b.eventId ? ` (id ${b.eventId})` : ''}: ${b.reason}. ${result.checked} events before it verified.`);
          process.exitCode = 1;
        }
      });
    });
}
