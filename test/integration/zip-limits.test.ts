import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { readZip, ZipLimitError, type ZipLimits } from '../../src/core/util/zip-read.js';
import { runInWorker, siblingModule, WorkerLimitError } from '../../src/core/util/worker-pool.js';
import { buildZip, deflatedRepeat, rawEntry } from '../helpers/zip-bombs.js';
import { verifyPackage } from '../../src/cli/commands/verify-package-check.js';

const LIMITS: ZipLimits = {
  maxEntries: 10,
  maxEntryBytes: 8 * 1024 * 1024,
  maxTotalBytes: 12 * 1024 * 1024,
  maxRatio: 500,
};

// No database here: the ZIP reader and the worker pool every upload goes through.
describe('reading untrusted ZIP files', () => {
  it('reads every entry with its size and SHA-256, keeping only the bytes asked for', async () => {
    const zip = buildZip([rawEntry('a.txt', 'hello'), rawEntry('dir/b.json', '{"x":1}')]);
    const read = await readZip(zip, LIMITS, (name) => name.endsWith('.json'));
    expect(read.map((e) => [e.name, e.size, e.data?.toString()])).toEqual([
      ['a.txt', 5, undefined],
      ['dir/b.json', 7, '{"x":1}'],
    ]);
    expect(read[0]!.sha256).toBe(crypto.createHash('sha256').update('hello').digest('hex'));
  });

  it('refuses an entry that declares more than the limit, before inflating it', async () => {
    const bomb = await deflatedRepeat('big.xml', '<a>', '<b>x</b>', 4 * 1024 * 1024, '</a>'); // 32 MB
    const err = await readZip(buildZip([bomb]), LIMITS).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ZipLimitError);
    expect((err as Error).message).toMatch(/big\.xml inflates to 32 MB; at most 8 MB/);
  });

  it('refuses an entry that inflates past the size its headers declare', async () => {
    const liar = {
      ...(await deflatedRepeat('liar.xml', '<a>', '<b>x</b>', 4 * 1024 * 1024, '</a>')),
      declaredSize: 1000,
    };
    const err = await readZip(buildZip([liar]), { ...LIMITS, maxRatio: 1e9 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ZipLimitError);
    expect((err as Error).message).toMatch(/liar\.xml inflates to more than the 1000 bytes it declares/);
  });

  it('names, in a package being verified, the entry a changed byte made inflate past its declared size', async () => {
    const damaged = {
      ...(await deflatedRepeat('POL-001/v2/document.pdf', '%PDF', ' 0 obj', 400_000, '%%EOF')),
      declaredSize: 1000,
    };
    const report = await verifyPackage(buildZip([damaged]));
    expect(report.ok).toBe(false);
    expect(report.checks).toEqual([
      expect.objectContaining({
        name: 'file hashes',
        ok: false,
        problems: [expect.stringContaining('POL-001/v2/document.pdf: damaged')],
      }),
    ]);
  });

  it('refuses too many entries, too many bytes in all, and an absurd compression ratio', async () => {
    const many = buildZip(Array.from({ length: 11 }, (_, i) => rawEntry(`f${i}`, 'x')));
    await expect(readZip(many, LIMITS)).rejects.toThrow(/11 entries; at most 10/);
    const two = await deflatedRepeat('one.txt', '', 'abcdefgh', 800_000, '');
    await expect(readZip(buildZip([two, { ...two, name: 'two.txt' }]), { ...LIMITS, maxRatio: 1e9 })).rejects.toThrow(
      /more than 12 MB/,
    );
    await expect(readZip(buildZip([two]), LIMITS)).rejects.toThrow(/one\.txt is compressed \d+ to 1/);
  });

  it('says a damaged archive is damaged', async () => {
    await expect(readZip(Buffer.from('not a zip at all'), LIMITS)).rejects.not.toBeInstanceOf(ZipLimitError);
  });
});

describe('the worker pool', () => {
  const task = siblingModule(new URL('../helpers/worker-tasks.ts', import.meta.url).href, 'worker-tasks');

  it('runs a task in a worker thread and returns its answer', async () => {
    expect(await runInWorker<number>(task, 'double', 21)).toBe(42);
  });

  it('ends a task that exhausts its heap with a memory limit error, and keeps serving', async () => {
    const err = await runInWorker(task, 'exhaustMemory', null).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(WorkerLimitError);
    expect((err as WorkerLimitError).reason).toBe('memory');
    expect(await runInWorker<number>(task, 'double', 2)).toBe(4);
  });

  it('ends a task that runs past its deadline with a time limit error', async () => {
    const err = await runInWorker(task, 'spinForever', null, 1_000).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(WorkerLimitError);
    expect((err as WorkerLimitError).reason).toBe('time');
  });
});
