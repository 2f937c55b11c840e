import fs from 'node:fs';
import type { Command } from 'commander';
import { listChains, readCheckpointLog, writeCheckpoints } from '../../core/audit/audit-checkpoint.js';
import { verifyChain, type VerifyResult } from '../../core/audit/audit-verify.js';
import { loadOrCreateInstanceKey } from '../../core/signing/instance-key.js';
import { slugSchema } from '../../schema/common/primitives.js';
import { CliError, parseOrFail } from '../io.js';
import { orgContext, withDatabase } from '../runtime.js';

interface VerifyOpts {
  org?: string;
  instance?: boolean;
  all?: boolean;
  checkpointLog?: string;
}

/** One chain's result as lines: what holds, up to where it is anchored, and what only links up. */
export function describeVerify(name: string, r: VerifyResult): { ok: boolean; lines: string[] } {
  const lines: string[] = [];
  if (r.ok) {
    lines.push(`OK: the audit trail of ${name} holds (${r.checked} events verified).`);
  } else {
    const b = r.firstBroken!;
    lines.push(
      `BROKEN: the audit trail of ${name} fails at event ${b.seq}${b.eventId ? ` (id ${b.eventId})` : ''}: ${b.reason}. ${r.checked} events before it verified.`,
    );
  }
  if (r.anchor) {
    lines.push(
      `  Anchored up to event ${r.anchor.seq} by a checkpoint signed at ${r.anchor.signedAt} with key ${r.anchor.keyFingerprint} (${r.checkpoints} signed checkpoints hold).`,
    );
  } else {
    lines.push(
      '  No signed checkpoint yet: the chain is only consistency-checked (anyone who can write the database could rewrite it and re-hash).',
    );
  }
  if (r.anchor && r.unanchoredEvents > 0)
    lines.push(
      `  Events ${r.anchor.seq + 1}–${r.anchor.seq + r.unanchoredEvents} come after the last checkpoint: they are only consistency-checked.`,
    );
  if (r.formerKeys.length)
    lines.push(
      `  Some checkpoints are signed by other (former) keys of this installation: ${r.formerKeys.join(', ')}. They match the chain but anchor nothing: only the current key does.`,
    );
  return { ok: r.ok, lines };
}

export function auditCommand(program: Command) {
  const audit = program.command('audit').description('Audit trail tools');
  audit
    .command('verify')
    .description(
      'Verify audit hash chains and their signed checkpoints; exits 1 and names the first broken link if one does not hold',
    )
    .option('--org <slug>', "an organization's chain")
    .option('--instance', 'the installation-level chain (sign-ins, setup, instance events)')
    .option('--all', 'every chain')
    .option(
      '--checkpoint-log <file>',
      'the checkpoint log kept outside the database (default: audit-checkpoints.log in RAMPART_DATA_DIR, when present)',
    )
    .action(async (opts: VerifyOpts) => {
      if ([opts.org !== undefined, !!opts.instance, !!opts.all].filter(Boolean).length !== 1)
        throw new CliError('Name exactly one of --org <slug>, --instance or --all');
      await withDatabase(async (handle, config) => {
        const logFile = opts.checkpointLog ?? (fs.existsSync(config.checkpointLog) ? config.checkpointLog : undefined);
        let logCheckpoints;
        if (logFile) {
          if (!fs.existsSync(logFile)) throw new CliError(`No checkpoint log at ${logFile}`);
          const log = readCheckpointLog(logFile);
          if (log.badLines.length)
            console.error(`Warning: ${logFile} lines ${log.badLines.join(', ')} are not checkpoints (ignored).`);
          logCheckpoints = log.checkpoints;
        }
        if (!fs.existsSync(config.signingKeyFile))
          console.error(
            `Warning: no signing key at ${config.signingKeyFile}: checkpoints are checked against the keys stored in the database only.`,
          );
        const trustedKey = fs.existsSync(config.signingKeyFile)
          ? loadOrCreateInstanceKey(config.signingKeyFile)
          : undefined;
        const targets: { name: string; orgId: string | null }[] = [];
        if (opts.org !== undefined) {
          const slug = parseOrFail(slugSchema, opts.org, 'org');
          targets.push({ name: slug, orgId: (await orgContext(handle, slug)).org.id });
        } else if (opts.instance) {
          targets.push({ name: 'the installation', orgId: null });
        } else {
          const orgs = new Map(
            (await handle.db.selectFrom('organizations').select(['id', 'slug']).execute()).map((o) => [o.id, o.slug]),
          );
          for (const c of await listChains(handle.db))
            targets.push({ name: c.orgId ? (orgs.get(c.orgId) ?? c.chainKey) : 'the installation', orgId: c.orgId });
        }
        for (const t of targets) {
          const { ok, lines } = describeVerify(
            t.name,
            await verifyChain(handle.db, t.orgId, { trustedKey, logCheckpoints }),
          );
          for (const line of lines) (ok ? console.log : console.error)(line);
          if (!ok) process.exitCode = 1;
        }
        if (logFile) console.log(`Checkpoint log compared: ${logFile}`);
      });
    });
  audit
    .command('checkpoint')
    .description(
      'Sign the head of every audit chain that moved since its last checkpoint, now (the server does this every minute)',
    )
    .action(async () => {
      await withDatabase(async (handle, config) => {
        const key = loadOrCreateInstanceKey(config.signingKeyFile);
        const written = await writeCheckpoints(handle.db, key, { logFile: config.checkpointLog });
        for (const c of written) console.log(`Signed ${c.chainKey} at event ${c.seq} (${c.hash})`);
        console.log(
          `${written.length} checkpoint${written.length === 1 ? '' : 's'} written with key ${key.fingerprint}; appended to ${config.checkpointLog}.`,
        );
      });
    });
}
