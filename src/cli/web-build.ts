import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const SOURCES = ['src/web', 'src/schema'].map((p) => path.join(ROOT, p));
const BUILT_INDEX = path.join(ROOT, 'dist/web/index.html');

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : fs.statSync(full).mtimeMs);
  }
  return newest;
}

/** Builds the web UI when it was never built or its sources changed since; a fresh clone needs no extra step. */
export async function ensureWebBuilt(log: (msg: string) => void): Promise<void> {
  if (!fs.existsSync(path.join(ROOT, 'src/web/index.html'))) return;
  const builtAt = fs.existsSync(BUILT_INDEX) ? fs.statSync(BUILT_INDEX).mtimeMs : 0;
  // the build's own configuration counts too (a change of chunking or compression needs a new build)
  const config = path.join(ROOT, 'vite.config.ts');
  const changedAt = Math.max(
    ...SOURCES.filter((d) => fs.existsSync(d)).map(newestMtime),
    fs.existsSync(config) ? fs.statSync(config).mtimeMs : 0,
  );
  if (builtAt >= changedAt) return;
  log('Building the web interface (first start or sources changed)…');
  const { build } = await import('vite');
  await build({ configFile: path.join(ROOT, 'vite.config.ts'), logLevel: 'warn' });
}
