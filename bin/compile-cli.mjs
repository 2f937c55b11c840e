// Bundles the CLI and server (TypeScript under src/, the web app aside) into plain JavaScript with esbuild, which
// Vite already brings, whenever a source is newer than the last bundle. Running the bundle starts a command in a
// fraction of the time that compiling the sources at each start (tsx) takes.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SRC = path.join(ROOT, 'src');
const DIST = path.join(ROOT, 'dist');

function newestSource(dir) {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (full !== path.join(SRC, 'web')) newest = Math.max(newest, newestSource(full));
    } else if (!entry.name.endsWith('.test.ts')) newest = Math.max(newest, fs.statSync(full).mtimeMs);
  }
  return newest;
}

/**
 * The URL of the bundled CLI entry, building it first when the sources changed. Each build goes to a directory
 * named by the sources' newest time (two levels deep, like src/cli, so paths relative to a module stay right),
 * written aside and renamed into place, so commands started at the same moment never read a half-written bundle.
 */
export async function compiledCli() {
  const stamp = Math.floor(Math.max(newestSource(SRC), fs.statSync(path.join(ROOT, 'package.json')).mtimeMs));
  const outdir = path.join(DIST, `cli-${stamp}`);
  const entry = path.join(outdir, 'main.mjs');
  if (!fs.existsSync(entry)) {
    const { build } = await import('esbuild');
    const tmp = `${outdir}.tmp-${process.pid}`;
    await build({
      // Modules started by path in worker threads (core/util/worker-pool.ts) are entries of their own, beside main.
      entryPoints: {
        main: path.join(SRC, 'cli/main.ts'),
        'worker-entry': path.join(SRC, 'core/util/worker-entry.mjs'),
        'table-parse': path.join(SRC, 'reports/table-parse.ts'),
        'document-pdf-layout': path.join(SRC, 'reports/document-pdf-layout.ts'),
        'document-docx-layout': path.join(SRC, 'reports/document-docx-layout.ts'),
        'table-xlsx-layout': path.join(SRC, 'reports/table-xlsx-layout.ts'),
      },
      outdir: tmp,
      outExtension: { '.js': '.mjs' },
      bundle: true,
      splitting: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      packages: 'external',
      logLevel: 'error',
    });
    try {
      fs.renameSync(tmp, outdir);
    } catch {
      // another command built the same sources first: use its bundle
      fs.rmSync(tmp, { recursive: true, force: true });
    }
    for (const old of fs.readdirSync(DIST)) {
      if (old.startsWith('cli-') && old !== path.basename(outdir) && !old.includes('.tmp-'))
        fs.rmSync(path.join(DIST, old), { recursive: true, force: true });
    }
  }
  return pathToFileURL(entry).href;
}
