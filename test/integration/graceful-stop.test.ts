import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createPostgresDatabase, DIALECTS, tempDir } from '../helpers/databases.js';

/**
 * Containers and service managers stop a program with SIGTERM: the server stops listening, lets requests in flight
 * finish (Fastify's close), closes the database and exits 0, whether started as `rampart start` or through `npm start`.
 */
const BIN = path.resolve('bin/rampart.mjs');
// Polls wait as long as a loaded machine may need; none of them is an assertion about speed.
const PATIENCE_MS = 180_000;

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

const connects = (port: number) =>
  new Promise<boolean>((resolve) => {
    const s = net.connect(port, '127.0.0.1');
    s.once('connect', () => (s.destroy(), resolve(true)));
    s.once('error', () => resolve(false));
  });

async function until(what: string, check: () => Promise<boolean> | boolean) {
  const end = Date.now() + PATIENCE_MS;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`gave up waiting: ${what}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

const exited = (child: ChildProcess) =>
  new Promise<number | null>((resolve) =>
    child.exitCode !== null ? resolve(child.exitCode) : child.once('exit', (code) => resolve(code)),
  );

describe.each(DIALECTS)('stopping the server on %s', (kind) => {
  const started: ChildProcess[] = [];
  afterEach(() => {
    // a failed test must not leave a server behind: the whole process group goes
    for (const c of started.splice(0))
      if (c.pid && c.exitCode === null)
        try {
          process.kill(-c.pid, 'SIGKILL');
        } catch {
          /* gone */
        }
  });

  async function start(command: string, args: string[]) {
    const port = await freePort();
    const env: Record<string, string> = {
      ...(process.env as Record<string, string>),
      PORT: String(port),
      RAMPART_DATA_DIR: tempDir('rampart-stop-'),
      RAMPART_LOG: '0',
    };
    if (kind === 'postgres') env.DATABASE_URL = (await createPostgresDatabase()).url;
    const child = spawn(command, args, { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    started.push(child);
    let out = '';
    child.stdout!.on('data', (c) => (out += c));
    child.stderr!.on('data', (c) => (out += c));
    await until(
      `the server answering on ${port}`,
      async () =>
        (await fetch(`http://127.0.0.1:${port}/api/health`)
          .then((r) => r.ok)
          .catch(() => false)) || child.exitCode !== null,
    );
    expect(child.exitCode, out).toBeNull();
    return { child, port, output: () => out };
  }

  it(
    'rampart start: SIGTERM lets a request in flight finish, then exits 0 and stops listening',
    async () => {
      const { child, port, output } = await start('node', [BIN, 'start']);
      // A request the server has begun (it answered "100 Continue" to its headers) whose body is still to come.
      const body = JSON.stringify({ email: 'nobody@example.test', password: 'not-the-password-1' });
      const socket = net.connect(port, '127.0.0.1');
      await new Promise((r) => socket.once('connect', r));
      let answer = '';
      socket.on('data', (c) => (answer += c));
      const closed = new Promise((r) => socket.once('close', r));
      socket.write(
        `POST /api/v1/auth/login HTTP/1.1\r\nhost: x\r\nconnection: close\r\nexpect: 100-continue\r\ncontent-type: application/json\r\ncontent-length: ${body.length}\r\n\r\n`,
      );
      await until('100 Continue', () => answer.includes('100 Continue'));
      answer = '';

      child.kill('SIGTERM');
      await until('the server saying it stops', () => output().includes('SIGTERM received, stopping'));
      // written, not ended: a client that half-closes its side would abort its own request
      socket.write(body);
      await closed;
      expect(answer).toMatch(/^HTTP\/1\.1 401 /);
      expect(answer).toContain('"status":401');

      expect(await exited(child)).toBe(0);
      expect(await connects(port)).toBe(false);
    },
    2 * PATIENCE_MS,
  );

  it(
    'npm start: SIGTERM to npm stops the server too (the shell between them does not pass it on)',
    async () => {
      const { child, port } = await start('npm', ['start']);
      child.kill('SIGTERM');
      await exited(child);
      await until('the port to close', async () => !(await connects(port)));
      expect(await connects(port)).toBe(false);
    },
    2 * PATIENCE_MS,
  );
});
