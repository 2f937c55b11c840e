import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPostgres, openSqlite, type DatabaseHandle, type DatabaseKind } from '../../src/db/connect.js';
import { buildApp } from '../../src/server/app.js';
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
    return { env: { RAMPART_DATA_DIR: dir }, open: () => openSqlite(path.join(dir, 'rampart.sqlite')), cleanup: async () => {} };
  }
  const pg = await createPostgresDatabase();
  return { env: { RAMPART_DATA_DIR: dir, DATABASE_URL: pg.url }, open: () => openPostgres(pg.url, 2), cleanup: pg.drop };
}

describe.each(DIALECTS)('rampart CLI on %s', (kind) => {
  let t: Target;
  const cli = async (...args: string[]) => {
    try {
      const r = await run('node', [BIN, ...args], { env: { ...process.env, ...t.env }, timeout: 60_000 });
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
    expect((await cli('user', 'add', '--email', 'Ops@Example.test', '--name', 'Ops Person', '--password', 'a-long-cli-password')).code).toBe(0);
    expect((await cli('org', 'add', 'Cli Corp', '--slug', 'cli-corp')).code).toBe(0);
    expect((await cli('member', 'add', '--org', 'cli-corp', '--email', 'ops@example.test', '--role', 'contributor')).code).toBe(0);
    const token = await cli('token', 'create', '--org', 'cli-corp', '--email', 'ops@example.test', '--name', 'ci');
    expect(token.code).toBe(0);
    const secret = token.out.match(/rpt_[A-Za-z0-9_-]+/)?.[0];
    expect(secret).toBeTruthy();

    const handle = t.open();
    const app = await buildApp({ handle, webDir: '/nonexistent' });
    try {
      const res = await app.inject({ method: 'POST', url: '/api/v1/orgs/cli-corp/actions', headers: { authorization: `Bearer ${secret}` }, payload: { title: 'From automation' } });
      expect(res.statusCode).toBe(201);
      const members = await app.inject({ method: 'POST', url: '/api/v1/orgs/cli-corp/members', headers: { authorization: `Bearer ${secret}` }, payload: { email: 'x@example.test', role: 'admin' } });
      expect(members.statusCode).toBe(403); // the token carries its owner's role: contributor
    } finally {
      await app.close();
      await handle.close();
    }

    const verify = await cli('audit', 'verify', '--org', 'cli-corp');
    expect(verify.code).toBe(0);
    expect(verify.out).toMatch(/OK: .*holds \(\d+ events verified\)/);
  });

  it('reads the password from stdin when not given, and changes it', async () => {
    const r = await new Promise<number>((resolve) => {
      const child = execFile('node', [BIN, 'user', 'add', '--email', 'piped@example.test', '--name', 'Piped'], { env: { ...process.env, ...t.env } }, (err) => resolve(err ? (err as { code?: number }).code ?? 1 : 0));
      child.stdin!.end('a-piped-password-123\n');
    });
    expect(r).toBe(0);
    expect((await cli('user', 'passwd', '--email', 'piped@example.test', '--password', 'another-password-456')).code).toBe(0);
  });

  it('rejects bad input with a clear message and a non-zero exit, writing nothing', async () => {
    const cases: [string[], RegExp][] = [
      [['user', 'add', '--email', 'not-an-email', '--name', 'X', '--password', 'a-long-cli-password'], /email/i],
      [['user', 'add', '--email', 'short@example.test', '--name', 'X', '--password', 'short'], /12 characters/],
      [['user', 'add', '--email', 'weak@example.test', '--name', 'X', '--password', 'aaaaaaaaaaaa'], /password: Repeated characters/],
      [['user', 'passwd', '--email', 'ops@example.test', '--password', 'ops@example.test'], /password: Do not use your e-mail/],
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
      const before = await handle.db.selectFrom('auditEvents').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      const results = await Promise.all(cases.map(([args]) => cli(...args)));
      cases.forEach(([args, message], i) => {
        const r = results[i]!;
        expect(r.code, args.join(' ')).not.toBe(0);
        expect(r.err, args.join(' ')).toMatch(message);
        expect(r.err).not.toMatch(/\n\s+at /); // no stack trace
      });
      const after = await handle.db.selectFrom('auditEvents').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      expect(Number(after.n)).toBe(Number(before.n));
    } finally {
      await handle.close();
    }
  });

  it('loads the demo organization once, with one user per role', async () => {
    const first = await cli('demo');
    expect(first.code).toBe(0);
    expect(first.out).toContain('Example Ltd');
    for (const role of ['admin', 'isms_manager', 'contributor', 'auditor', 'approver', 'viewer']) expect(first.out).toContain(role);
    const second = await cli('demo');
    expect(second.out).toContain('already loaded');
    expect((await cli('audit', 'verify', '--org', 'example')).code).toBe(0);
  });

  it('offers --help on every command', async () => {
    const commands = [[], ['start'], ['migrate'], ['demo'], ['user', 'add'], ['user', 'passwd'], ['org', 'add'], ['member', 'add'], ['token', 'create'], ['audit', 'verify']];
    const results = await Promise.all(commands.map((args) => cli(...args, '--help')));
    commands.forEach((args, i) => {
      expect(results[i]!.code, args.join(' ')).toBe(0);
      expect(results[i]!.out).toContain('Usage: rampart');
    });
  });
});
