import fs from 'node:fs';

/** Says once, loudly, what this run does not cover on this machine. */
export default function setup() {
  const skipped: string[] = [];
  if (!process.env.TEST_DATABASE_URL) {
    skipped.push('PostgreSQL: TEST_DATABASE_URL is not set, so integration tests run on SQLite only.');
  }
  const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!fs.existsSync(chromium)) {
    if (process.env.REQUIRE_BROWSER === '1') throw new Error(`REQUIRE_BROWSER=1 but Chromium is not at ${chromium}`);
    skipped.push(`Browser journeys: Chromium not found at ${chromium} (apt-get install -y chromium, or set CHROMIUM_PATH).`);
  }
  if (skipped.length) {
    const bar = '!'.repeat(78);
    console.warn(`\n${bar}\nSKIPPED in this run:\n${skipped.map((s) => `  - ${s}`).join('\n')}\n.ci/run covers both. See DEVELOPERS.md.\n${bar}\n`);
  }
}
