import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const BIN = path.resolve('bin/rampart.mjs');
const VERSION = (JSON.parse(fs.readFileSync('package.json', 'utf8')) as { version: string }).version;

/** The command runs from a bundle of the sources (bin/compile-cli.mjs), or from the sources with RAMPART_TSX=1. */
describe('rampart --version', () => {
  it('prints the version from the bundle, and the bundle is in dist/', async () => {
    const r = await run('node', [BIN, '--version'], { timeout: 120_000 });
    expect(r.stdout.trim()).toBe(VERSION);
    expect(
      fs.readdirSync('dist').some((d) => /^cli-\d+$/.test(d) && fs.existsSync(path.join('dist', d, 'main.mjs'))),
    ).toBe(true);
  });

  it('bundles the modules that worker threads start by path, beside main: an upload is read from the bundle', async () => {
    await run('node', [BIN, '--version'], { timeout: 120_000 });
    const dir = fs.readdirSync('dist').find((d) => /^cli-\d+$/.test(d))!;
    const bundle = (name: string) => pathToFileURL(path.resolve('dist', dir, name)).href;
    // what worker-pool.ts and table-read.ts name from inside the bundle
    const { default: runTask } = (await import(bundle('worker-entry.mjs'))) as {
      default: (t: unknown) => Promise<{ ok: boolean; table: { headers: string[] } }>;
    };
    const table = await runTask({
      module: bundle('table-parse.mjs'),
      fn: 'parseTable',
      input: { body: Buffer.from('Title,Status\nFirst,open\n'), contentType: 'text/csv' },
    });
    expect(table).toMatchObject({ ok: true, table: { headers: ['Title', 'Status'] } });
  });

  it('prints the same from the sources through tsx', async () => {
    const r = await run('node', [BIN, '--version'], { timeout: 120_000, env: { ...process.env, RAMPART_TSX: '1' } });
    expect(r.stdout.trim()).toBe(VERSION);
  });
});
