import fs from 'node:fs';
import type { Command } from 'commander';
import { loadOrCreateInstanceKey } from '../../core/signing/instance-key.js';
import { describeSigningKeys } from '../../core/signing/signing-keys.service.js';
import { CliError } from '../io.js';
import { withDatabase } from '../runtime.js';

export function keyCommand(program: Command) {
  program
    .command('key')
    .description('The instance signing key (evidence packages, audit checkpoints)')
    .command('show')
    .description('Print the public signing key, its fingerprint, and the former keys this installation signed with')
    .action(async () => {
      await withDatabase(async (handle, config) => {
        if (!fs.existsSync(config.signingKeyFile))
          throw new CliError(
            `No signing key at ${config.signingKeyFile} yet: "rampart start" creates it (or set RAMPART_SIGNING_KEY_FILE)`,
          );
        const info = await describeSigningKeys(handle.db, loadOrCreateInstanceKey(config.signingKeyFile));
        console.log(`Key file: ${config.signingKeyFile}`);
        console.log(`Algorithm: ${info.algorithm}`);
        console.log(`Fingerprint: ${info.fingerprint}`);
        console.log(info.publicKey.trimEnd());
        for (const k of info.formerKeys) console.log(`Former key (first used ${k.firstUsedAt}): ${k.fingerprint}`);
      });
    });
}
