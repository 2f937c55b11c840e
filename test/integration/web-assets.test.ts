import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureWebBuilt } from '../../src/cli/web-build.js';
import type { DatabaseHandle } from '../../src/db/connect.js';
import { buildApp, DEFAULT_WEB_DIR } from '../../src/server/app.js';
import type { App } from '../../src/server/types.js';
import { openTestDatabase } from '../helpers/databases.js';

/**
 * The built web app as a browser gets it: the entry script split from the pages (it was one 1.2 MB script),
 * sent compressed when the browser accepts it, and no source map shipped or served.
 */
describe('the built web app', () => {
  let app: App;
  let handle: DatabaseHandle;
  let entry: string;

  beforeAll(async () => {
    await ensureWebBuilt(() => {});
    handle = await openTestDatabase('sqlite');
    app = await buildApp({ handle, webDir: DEFAULT_WEB_DIR });
    const index = await app.inject({ method: 'GET', url: '/' });
    entry = /<script type="module"[^>]*src="(\/assets\/[^"]+\.js)"/.exec(index.body)?.[1] ?? '';
  }, 300_000);
  afterAll(async () => {
    await app?.close();
    await handle?.close();
  });

  const onDisk = (url: string) => fs.readFileSync(path.join(DEFAULT_WEB_DIR, url));

  it('has an entry script well under the old single bundle', () => {
    expect(entry).toMatch(/^\/assets\/index-.+\.js$/);
    expect(onDisk(entry).length).toBeLessThan(600_000);
    // the pages are chunks of their own, loaded with their route
    expect(
      fs.readdirSync(path.join(DEFAULT_WEB_DIR, 'assets')).filter((f) => f.endsWith('.js')).length,
    ).toBeGreaterThan(20);
  });

  it('sends the entry script Brotli- or gzip-compressed as accepted, the same bytes once decoded', async () => {
    const br = await app.inject({ method: 'GET', url: entry, headers: { 'accept-encoding': 'gzip, deflate, br' } });
    expect(br.statusCode).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['content-type']).toMatch(/javascript/);
    expect(zlib.brotliDecompressSync(br.rawPayload).equals(onDisk(entry))).toBe(true);
    expect(br.rawPayload.length).toBeLessThan(onDisk(entry).length / 2);

    const gz = await app.inject({ method: 'GET', url: entry, headers: { 'accept-encoding': 'gzip' } });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(zlib.gunzipSync(gz.rawPayload).equals(onDisk(entry))).toBe(true);

    const plain = await app.inject({ method: 'GET', url: entry });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.rawPayload.equals(onDisk(entry))).toBe(true);
  });

  it('ships and serves no source map', async () => {
    expect(fs.readdirSync(path.join(DEFAULT_WEB_DIR, 'assets')).filter((f) => f.includes('.map'))).toEqual([]);
    expect(onDisk(entry).toString('utf8')).not.toContain('sourceMappingURL');
    expect((await app.inject({ method: 'GET', url: `${entry}.map` })).statusCode).toBe(404);
  });
});
