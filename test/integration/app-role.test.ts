import crypto from 'node:crypto';
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { sql } from 'kysely';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { writeCheckpoints } from '../../src/core/audit/audit-checkpoint.js';
import { generateInstanceKey } from '../../src/core/signing/instance-key.js';
import { openPostgres } from '../../src/db/connect.js';
import { buildApp } from '../../src/server/app.js';
import { PG_URL, createPostgresDatabase, tempDir } from '../helpers/databases.js';
import { buildAction, buildOrg } from '../helpers/factories.js';

const run = promisify(execFile);
const BIN = path.resolve('bin/rampart.mjs');

/**
 * Issue 12 item 8: on PostgreSQL the application's own role owned the tables, so it could disable the audit
 * trail's append-only trigger. The server can run as a role with row privileges only, migrations as the owner.
 */
describe.runIf(PG_URL)('the server as a PostgreSQL role that does not own the tables', () => {
  it('migrates as the owner, serves as the app role, which cannot disable the audit trigger, alter or truncate', async () => {
    const database = await createPostgresDatabase();
    const role = `rampart_app_${crypto.randomBytes(4).toString('hex')}`;
    const password = crypto.randomBytes(12).toString('hex');
    const admin = new pg.Client({ connectionString: PG_URL });
    await admin.connect();
    await admin.query(`CREATE ROLE ${role} LOGIN PASSWORD '${password}' NOSUPERUSER NOCREATEDB NOCREATEROLE`);
    const appUrl = new URL(database.url);
    appUrl.username = role;
    appUrl.password = password;
    const env = {
      ...process.env,
      RAMPART_DATA_DIR: tempDir('rampart-role-'),
      DATABASE_URL: appUrl.toString(),
      RAMPART_MIGRATION_DATABASE_URL: database.url,
    };
    const cli = (...args: string[]) => run('node', [BIN, ...args], { env, timeout: 120_000 });
    const handle = openPostgres(appUrl.toString(), 4);
    try {
      // on an empty database: the grants first (default privileges), then the owner's migrations
      expect((await cli('db', 'grant-app-role', role)).stdout).toContain(`Granted ${role} row access`);
      expect((await cli('migrate')).stdout).toMatch(/Applied: 0001-foundation/);
      const owners = await sql<{
        tableowner: string;
      }>`SELECT DISTINCT tableowner FROM pg_tables WHERE schemaname = 'public'`.execute(handle.db);
      expect(owners.rows.length).toBeGreaterThan(0);
      expect(owners.rows.map((r) => r.tableowner)).not.toContain(role);

      // normal requests work as the app role
      const app = await buildApp({
        handle,
        webDir: '/nonexistent',
        auth: { maxFailuresPerIp: 10_000, maxFailuresPerAccount: 10_000 },
      });
      try {
        const org = await buildOrg(app, handle);
        const action = await buildAction(org.as.contributor, org.slug);
        expect(
          (
            await org.as.contributor.patch(`/api/v1/orgs/${org.slug}/actions/${action.id}`, {
              status: 'in_progress',
              expectedVersion: action.version,
            })
          ).statusCode,
        ).toBe(200);
        expect((await writeCheckpoints(handle.db, generateInstanceKey())).length).toBeGreaterThan(0);
        const verify = await org.as.auditor.get(`/api/v1/orgs/${org.slug}/audit/verify`);
        expect(verify.json()).toMatchObject({ ok: true });
        expect((await app.inject({ method: 'GET', url: '/api/health' })).json()).toMatchObject({ status: 'ok' });
      } finally {
        await app.close();
      }

      // and what the review did as the app's role now fails
      await expect(sql`ALTER TABLE audit_events DISABLE TRIGGER USER`.execute(handle.db)).rejects.toThrow(
        /must be owner/,
      );
      await expect(
        sql`ALTER TABLE audit_events DISABLE TRIGGER audit_events_append_only`.execute(handle.db),
      ).rejects.toThrow(/must be owner/);
      await expect(sql`DROP TRIGGER audit_events_append_only ON audit_events`.execute(handle.db)).rejects.toThrow(
        /must be owner/,
      );
      await expect(sql`TRUNCATE audit_events`.execute(handle.db)).rejects.toThrow(/permission denied/);
      await expect(sql`DELETE FROM audit_events`.execute(handle.db)).rejects.toThrow(/append-only/);
      await expect(sql`DELETE FROM audit_checkpoints`.execute(handle.db)).rejects.toThrow(/append-only/);
      await expect(sql`CREATE TABLE intruder (x int)`.execute(handle.db)).rejects.toThrow(/permission denied/);
    } finally {
      await handle.close();
      await database.drop();
      await admin.query(`DROP ROLE IF EXISTS ${role}`);
      await admin.end();
    }
  });
});
