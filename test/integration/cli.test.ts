import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPostgres, openSqlite, type DatabaseHandle, type DatabaseKind } from '../../src/db/connect.js';
import { buildApp } from '../../src/server/app.js';
import { GENESIS_HASH } from '../../src/core/audit/audit-hash.js';
import { tamperWithAudit } from '../helpers/audit-tamper.js';
import { DIALECTS, createPostgresDatabase, tempDir } from '../helpers/databases.js';

const run = promisify(execFile);
const BIN = path.resolve('bin/rampart.mjs');

interface Target {
  env: Record<string, string>;
  open(): DatabaseHandle;
  cleanup(): Promise<void>;
}

async function target(kind: DatabaseKind): Promise<Target> {
  const dir = tempDir('rampart-cli-');
  if (kind === 'sqlite') {
    return {
      env: { RAMPART_DATA_DIR: dir },
      open: () => openSqlite(path.join(dir, 'rampart.sqlite')),
      cleanup: async () => {},
    };
  }
  const pg = await createPostgresDatabase();
  return {
    env: { RAMPART_DATA_DIR: dir, DATABASE_URL: pg.url },
    open: () => openPostgres(pg.url, 2),
    cleanup: pg.drop,
  };
}

describe.each(DIALECTS)('rampart CLI on %s', (kind) => {
  let t: Target;
  const cli = async (...args: string[]) => {
    try {
      // generous: a child process compiles the CLI and, for `demo`, writes a whole organization; on a loaded CI
      // machine that took over a minute on PostgreSQL
      const r = await run('node', [BIN, ...args], { env: { ...process.env, ...t.env }, timeout: 240_000 });
      return { code: 0, out: r.stdout, err: r.stderr };
    } catch (e) {
      const x = e as { code: number; stdout: string; stderr: string };
      return { code: x.code, out: x.stdout, err: x.stderr };
    }
  };

  beforeAll(async () => {
    t = await target(kind);
  });
  afterAll(() => t?.cleanup());

  it('creates a user, an organization, a membership and a working API token', async () => {
    expect(
      (
        await cli(
          'user',
          'add',
          '--email',
          'Ops@Example.test',
          '--name',
          'Ops Person',
          '--password',
          'a-long-cli-password',
        )
      ).code,
    ).toBe(0);
    expect((await cli('org', 'add', 'Cli Corp', '--slug', 'cli-corp')).code).toBe(0);
    expect(
      (await cli('member', 'add', '--org', 'cli-corp', '--email', 'ops@example.test', '--role', 'contributor')).code,
    ).toBe(0);
    const token = await cli('token', 'create', '--org', 'cli-corp', '--email', 'ops@example.test', '--name', 'ci');
    expect(token.code).toBe(0);
    const secret = token.out.match(/rpt_[A-Za-z0-9_-]+/)?.[0];
    expect(secret).toBeTruthy();

    const handle = t.open();
    const app = await buildApp({ handle, webDir: '/nonexistent' });
    try {
      const res = await app.inject({
        method: 'POST',
        url: '/api/v1/orgs/cli-corp/actions',
        headers: { authorization: `Bearer ${secret}` },
        payload: { title: 'From automation' },
      });
      expect(res.statusCode).toBe(201);
      const members = await app.inject({
        method: 'POST',
        url: '/api/v1/orgs/cli-corp/members',
        headers: { authorization: `Bearer ${secret}` },
        payload: { email: 'x@example.test', role: 'admin' },
      });
      expect(members.statusCode).toBe(403); // the token carries its owner's role: contributor
    } finally {
      await app.close();
      await handle.close();
    }

    const verify = await cli('audit', 'verify', '--org', 'cli-corp');
    expect(verify.code).toBe(0);
    expect(verify.out).toMatch(/OK: .*holds \(\d+ events verified\)/);
  });

  it('signs audit checkpoints, verifies every chain and the installation chain, and shows the signing key', async () => {
    expect(await cli('key', 'show')).toMatchObject({ code: 1, err: expect.stringContaining('No signing key') });
    const cp = await cli('audit', 'checkpoint');
    expect(cp.code, cp.err).toBe(0);
    const fingerprint = cp.out.match(/written with key ([0-9a-f:]{79})/)?.[1];
    expect(fingerprint).toBeTruthy();
    expect(fs.statSync(path.join(t.env.RAMPART_DATA_DIR!, 'signing-key.pem')).mode & 0o777).toBe(0o600);
    expect((await cli('key', 'show')).out).toContain(`Fingerprint: ${fingerprint}`);
    const all = await cli('audit', 'verify', '--all');
    expect(all.code, all.err).toBe(0);
    expect(all.out).toMatch(/OK: the audit trail of the installation holds[\s\S]*Anchored up to event \d+/);
    expect(all.out).toMatch(/OK: the audit trail of cli-corp holds/);
    expect(all.out).toContain('Checkpoint log compared');
    expect((await cli('audit', 'verify', '--instance')).code).toBe(0);
    expect((await cli('audit', 'verify')).err).toContain('Name exactly one of');

    // an intruder cuts the installation chain's end and rewinds its head: the signed checkpoint shows it
    const handle = t.open();
    try {
      const last = await handle.db
        .selectFrom('auditEvents')
        .select(['seq'])
        .where('chainKey', '=', 'instance')
        .orderBy('seq', 'desc')
        .executeTakeFirstOrThrow();
      const before = await handle.db
        .selectFrom('auditEvents')
        .select(['seq', 'hash'])
        .where('chainKey', '=', 'instance')
        .where('seq', '=', last.seq - 1)
        .executeTakeFirst();
      const kept = before ?? { seq: 0, hash: GENESIS_HASH };
      await tamperWithAudit(handle, async () => {
        await handle.db
          .deleteFrom('auditEvents')
          .where('chainKey', '=', 'instance')
          .where('seq', '=', last.seq)
          .execute();
        await handle.db.updateTable('auditHeads').set(kept).where('chainKey', '=', 'instance').execute();
      });
    } finally {
      await handle.close();
    }
    const broken = await cli('audit', 'verify', '--instance');
    expect(broken.code).toBe(1);
    expect(broken.err).toMatch(/BROKEN: the audit trail of the installation .*signed checkpoint .*events were removed/);
  });

  it('reads the password from stdin when not given, and changes it', async () => {
    const r = await new Promise<number>((resolve) => {
      const child = execFile(
        'node',
        [BIN, 'user', 'add', '--email', 'piped@example.test', '--name', 'Piped'],
        { env: { ...process.env, ...t.env } },
        (err) => resolve(err ? ((err as { code?: number }).code ?? 1) : 0),
      );
      child.stdin!.end('a-piped-password-123\n');
    });
    expect(r).toBe(0);
    expect(
      (await cli('user', 'passwd', '--email', 'piped@example.test', '--password', 'another-password-456')).code,
    ).toBe(0);
  });

  it('rejects bad input with a clear message and a non-zero exit, writing nothing', async () => {
    const cases: [string[], RegExp][] = [
      [['user', 'add', '--email', 'not-an-email', '--name', 'X', '--password', 'a-long-cli-password'], /email/i],
      [['user', 'add', '--email', 'short@example.test', '--name', 'X', '--password', 'short'], /12 characters/],
      [
        ['user', 'add', '--email', 'weak@example.test', '--name', 'X', '--password', 'aaaaaaaaaaaa'],
        /password: Repeated characters/,
      ],
      [
        ['user', 'passwd', '--email', 'ops@example.test', '--password', 'ops@example.test'],
        /password: Do not use your e-mail/,
      ],
      [['user', 'add', '--name', 'X'], /required option.*--email/],
      [['org', 'add', 'Bad', '--slug', 'Not A Slug'], /slug/],
      [['member', 'add', '--org', 'cli-corp', '--email', 'ops@example.test', '--role', 'boss'], /role/],
      [['member', 'add', '--org', 'no-such-org', '--email', 'ops@example.test', '--role', 'viewer'], /No organization/],
      [['token', 'create', '--org', 'cli-corp', '--email', 'nobody@example.test'], /not a member/],
      [['token', 'create', '--org', 'cli-corp', '--email', 'ops@example.test', '--expires', '2001-01-01'], /future/],
      [['token', 'create', '--org', 'cli-corp', '--email', 'ops@example.test', '--expires', 'someday'], /expiresAt/],
      [['audit', 'verify', '--org', 'no-such-org'], /No organization/],
      [['no-such-command'], /unknown command/],
    ];
    const handle = t.open();
    try {
      const before = await handle.db
        .selectFrom('auditEvents')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      const results = await Promise.all(cases.map(([args]) => cli(...args)));
      cases.forEach(([args, message], i) => {
        const r = results[i]!;
        expect(r.code, args.join(' ')).not.toBe(0);
        expect(r.err, args.join(' ')).toMatch(message);
        expect(r.err).not.toMatch(/\n\s+at /); // no stack trace
      });
      const after = await handle.db
        .selectFrom('auditEvents')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      expect(Number(after.n)).toBe(Number(before.n));
    } finally {
      await handle.close();
    }
  });

  it('loads the demo organization once, with one user per role', async () => {
    const first = await cli('demo');
    expect(first.code).toBe(0);
    expect(first.out).toContain('Example Ltd');
    for (const role of ['admin', 'isms_manager', 'contributor', 'auditor', 'approver', 'viewer'])
      expect(first.out).toContain(role);
    const second = await cli('demo');
    expect(second.out).toContain('already loaded');
    expect((await cli('audit', 'verify', '--org', 'example')).code).toBe(0);
  }, 600_000);

  it('offers --help on every command', async () => {
    const commands = [
      [],
      ['start'],
      ['migrate'],
      ['demo'],
      ['user', 'add'],
      ['user', 'passwd'],
      ['org', 'add'],
      ['member', 'add'],
      ['token', 'create'],
      ['audit', 'verify'],
      ['audit', 'checkpoint'],
      ['key', 'show'],
    ];
    const results = await Promise.all(commands.map((args) => cli(...args, '--help')));
    commands.forEach((args, i) => {
      expect(results[i]!.code, args.join(' ')).toBe(0);
      expect(results[i]!.out).toContain('Usage: rampart');
    });
  });
});
