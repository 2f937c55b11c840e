import type { Command } from 'commander';
import { openDatabase } from '../../db/connect.js';
import { loadOrCreateInstanceKey } from '../../core/signing/instance-key.js';
import { rememberSigningKey } from '../../core/signing/signing-keys.service.js';
import { setupNeeded } from '../../core/orgs/setup.service.js';
import { loadDemo } from '../../core/demo/demo.service.js';
import { loadConfig } from '../config.js';
import { migrateConfigured } from '../runtime.js';
import { ensureWebBuilt } from '../web-build.js';
import { printDemo } from './demo.js';

export function startCommand(program: Command) {
  program
    .command('start')
    .description('Run Rampart: migrate the database, build the UI if needed, and serve on PORT (default 3000)')
    .option('--demo', 'also load the demo organization "Example Ltd" with one user per role')
    .action(async (opts: { demo?: boolean }) => {
      const config = loadConfig();
      await ensureWebBuilt((m) => console.log(m));
      const handle = openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
      const applied = await migrateConfigured(config, handle);
      if (applied.length) console.log(`Database migrated: ${applied.join(', ')}`);
      if (opts.demo) printDemo(await loadDemo(handle.db));

      // Loaded here so that the other commands start without the web server's modules.
      const { buildApp } = await import('../../server/app.js');
      const signingKey = loadOrCreateInstanceKey(config.signingKeyFile);
      // its public half is kept, so that the key's history can be shown after it is replaced
      await rememberSigningKey(handle.db, signingKey);
      const app = await buildApp({
        handle,
        auth: config.auth,
        logger: config.log,
        trustProxy: config.trustProxy,
        signingKey,
        checkpointLog: config.checkpointLog,
        checkpointEveryMs: 60_000,
        measureSamplingEveryMs: config.samplingIntervalMs,
      });
      await app.listen({ port: config.port, host: config.host });
      const shownHost = config.host === '0.0.0.0' || config.host === '127.0.0.1' ? 'localhost' : config.host;
      const url = `http://${shownHost}:${config.port}`;
      console.log(`\nRampart is running at ${url}`);
      console.log(
        `Database: ${handle.kind === 'sqlite' ? `SQLite file ${handle.location}` : `PostgreSQL ${handle.location}`}`,
      );
      console.log(`API reference: ${url}/api/docs`);
      console.log(`Signing key: ${config.signingKeyFile} (fingerprint ${signingKey.fingerprint})`);
      console.log(
        (await setupNeeded(handle.db))
          ? `First run: open ${url} to create the first admin account and organization.`
          : `Sign in at ${url} (add people with: npx rampart user add / member add).`,
      );

      // Stops accepting connections, lets requests in flight finish, then closes the database.
      let stopping = false;
      const stop = async (signal: string) => {
        if (stopping) return;
        stopping = true;
        console.log(`\n${signal} received, stopping…`);
        await app.close();
        await handle.close();
        process.exit(0);
      };
      process.once('SIGINT', () => void stop('SIGINT'));
      process.once('SIGTERM', () => void stop('SIGTERM'));
      // `npm start` runs this through a shell, and npm forwards its SIGTERM to that shell only, which dies without
      // passing it on: when the shell is gone (this process is re-parented), stop as if signalled.
      if (process.env.npm_lifecycle_event) {
        const parent = process.ppid;
        setInterval(() => process.ppid !== parent && void stop('SIGTERM (via npm)'), 500).unref();
      }
    });
}
