import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runVerifyPackage } from '../../src/cli/commands/verify-package.js';
import { tempDir } from '../helpers/databases.js';
import { buildZip, deflatedRepeat, rawEntry } from '../helpers/zip-bombs.js';

const MB = 1024 * 1024;

/** A package whose manifest is real and whose one file inflates to 600 MB (or declares only 1 KB and does). */
async function bombPackage(declaredSize?: number): Promise<Buffer> {
  const file = await deflatedRepeat(
    'POL-001/v1/document.pdf',
    '%PDF-1.7\n',
    '0000000000 00000 n \n',
    (600 * MB) / 20,
    '%%EOF\n',
  );
  const manifest = {
    format: 'rampart-evidence-package/1',
    organization: { slug: 'acme', name: 'Acme' },
    generatedAt: '2030-01-01T00:00:00.000Z',
    generatedBy: 'someone',
    auditHead: null,
    documents: [],
    files: [{ path: file.name, sha256: '0'.repeat(64), size: file.size }],
  };
  return buildZip([
    rawEntry('manifest.json', JSON.stringify(manifest)),
    declaredSize === undefined ? file : { ...file, declaredSize },
  ]);
}

// No database: `rampart verify-package` reads a ZIP an auditor was handed, which may be hostile.
describe('verify-package on a ZIP bomb', () => {
  let dir: string;
  beforeAll(async () => {
    dir = tempDir('rampart-bomb-');
    fs.writeFileSync(path.join(dir, 'bomb.zip'), await bombPackage());
    fs.writeFileSync(path.join(dir, 'liar.zip'), await bombPackage(1024));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it.each(['bomb.zip', 'liar.zip'])(
    'refuses %s with a clear report, without inflating it into memory',
    async (name) => {
      expect(fs.statSync(path.join(dir, name)).size).toBeLessThan(4 * MB);
      const start = process.memoryUsage().rss;
      let peak = start;
      const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
      const lines: string[] = [];
      const ok = await runVerifyPackage(path.join(dir, name), (l) => lines.push(l)).finally(() => clearInterval(timer));
      expect(ok).toBe('failed');
      expect(lines.join('\n')).toMatch(
        name === 'bomb.zip'
          ? /FAIL +archive[\s\S]*too large to verify: POL-001\/v1\/document\.pdf inflates to 600 MB; at most 512 MB/
          : // an entry inflating past its declared size is a changed file, named as damaged
            /FAIL +file hashes[\s\S]*POL-001\/v1\/document\.pdf: damaged \(POL-001\/v1\/document\.pdf inflates to more than the 1024 bytes it declares\)/,
      );
      expect((Math.max(peak, process.memoryUsage().rss) - start) / MB).toBeLessThan(150);
    },
  );

  it('exits 1 from the real command', async () => {
    const run = promisify(execFile);
    const failed = await run('node', [path.resolve('bin/rampart.mjs'), 'verify-package', path.join(dir, 'bomb.zip')], {
      timeout: 120_000,
    }).catch((e: { code: number; stdout: string }) => e);
    expect(failed).toMatchObject({ code: 1, stdout: expect.stringContaining('too large to verify') });
  });
});
