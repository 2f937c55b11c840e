import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Says once, loudly, what this run does not cover on this machine. */
export default function setup() {
  const skipped: string[] = [];
  if (!process.env.TEST_DATABASE_URL) {
    skipped.push('PostgreSQL: TEST_DATABASE_URL is not set, so integration tests run on SQLite only.');
  }
  const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!fs.existsSync(chromium)) {
    if (process.env.REQUIRE_BROWSER === '1') throw new Error(`REQUIRE_BROWSER=1 but Chromium is not at ${chromium}`);
    skipped.push(
      `Browser journeys: Chromium not found at ${chromium} (apt-get install -y chromium, or set CHROMIUM_PATH).`,
    );
  } else {
    buildWebUi();
  }
  if (!['/usr/bin/pdftotext', '/usr/local/bin/pdftotext'].some((p) => fs.existsSync(p))) {
    if (process.env.REQUIRE_BROWSER === '1')
      throw new Error('REQUIRE_BROWSER=1 (CI) but pdftotext is missing (apt-get install -y poppler-utils)');
    skipped.push(
      'PDF layout checks: pdftotext not found (apt-get install -y poppler-utils); the PDFs are still generated and checked for content.',
    );
  }
  if (skipped.length) {
    const bar = '!'.repeat(78);
    console.warn(
      `\n${bar}\nSKIPPED in this run:\n${skipped.map((s) => `  - ${s}`).join('\n')}\n.ci/run covers both. See DEVELOPERS.md.\n${bar}\n`,
    );
  }
}

/**
 * Builds the web app once for every browser journey of the run: journeys run side by side, and one rebuilding
 * dist/web while another's server reads it gave flaky failures. A separate process with NODE_ENV=production: inside
 * Vitest (NODE_ENV=test) Vite would bundle React's development build. E2E_SKIP_BUILD=1 keeps an existing build.
 */
function buildWebUi(): void {
  const repoRoot = fileURLToPath(new URL('../', import.meta.url));
  if (process.env.E2E_SKIP_BUILD === '1' && fs.existsSync(path.join(repoRoot, 'dist/web/index.html'))) return;
  const vite = path.join(repoRoot, 'node_modules/vite/bin/vite.js');
  const result = spawnSync(process.execPath, [vite, 'build', '--logLevel', 'warn'], {
    cwd: repoRoot,
    env: { ...process.env, NODE_ENV: 'production' },
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`vite build failed:\n${result.stdout}\n${result.stderr}`);
}
