import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app.js';
import type { App } from '../../src/server/types.js';
import type { DatabaseHandle } from '../../src/db/connect.js';
import { openTestDatabase, tempDir } from '../helpers/databases.js';

/** How the built web app is served: deep links get the app, files are found per request, missing files are 404. */
describe('web UI serving', () => {
  let app: App;
  let handle: DatabaseHandle;
  let webDir: string;

  beforeAll(async () => {
    webDir = tempDir('rampart-web-');
    fs.mkdirSync(path.join(webDir, 'assets'));
    fs.writeFileSync(path.join(webDir, 'index.html'), '<!doctype html><title>Rampart app</title>');
    handle = await openTestDatabase('sqlite');
    app = await buildApp({ handle, webDir });
  });

  afterAll(async () => {
    await app.close();
    await handle.close();
  });

  it('answers a client-side route with index.html, uncached', async () => {
    const res = await app.inject({ method: 'GET', url: '/o/alpha/context/issues?page=2' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/html/);
    expect(res.headers['cache-control']).toBe('no-cache');
    expect(res.body).toContain('Rampart app');
  });

  it('serves a file written after the server started (a rebuild needs no restart)', async () => {
    fs.writeFileSync(path.join(webDir, 'assets', 'index-new.js'), 'console.log(1)');
    const res = await app.inject({ method: 'GET', url: '/assets/index-new.js' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/javascript/);
    expect(res.body).toBe('console.log(1)');
  });

  it('answers a missing file with 404 problem+json, not with the app page', async () => {
    const res = await app.inject({ method: 'GET', url: '/assets/index-gone.js' });
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
  });

  it('never answers an API path with the app page (no route matches: 404, whoever asks)', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/v1/nothing-here' });
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
  });
});
