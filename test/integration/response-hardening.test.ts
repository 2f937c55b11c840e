import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app.js';
import type { DatabaseHandle } from '../../src/db/connect.js';
import type { App } from '../../src/server/types.js';
import { testEnv, type TestEnv } from '../helpers/app.js';
import { DIALECTS, openTestDatabase } from '../helpers/databases.js';
import { buildOrg, writeCounts, type TestOrg } from '../helpers/factories.js';

describe('HSTS behind a trusted proxy', () => {
  let handle: DatabaseHandle;
  let proxied: App;
  let direct: App;
  beforeAll(async () => {
    handle = await openTestDatabase('sqlite');
    proxied = await buildApp({ handle, webDir: '/nonexistent', trustProxy: 1 });
    direct = await buildApp({ handle, webDir: '/nonexistent' });
  });
  afterAll(async () => {
    await proxied?.close();
    await direct?.close();
    await handle?.close();
  });

  it('sends strict-transport-security when the trusted proxy says the request came over HTTPS', async () => {
    const res = await proxied.inject({ method: 'GET', url: '/api/health', headers: { 'x-forwarded-proto': 'https' } });
    expect(res.headers['strict-transport-security']).toMatch(/^max-age=\d{8,}/);
  });

  it('sends none over plain HTTP, nor when an untrusted client claims HTTPS', async () => {
    expect(
      (await proxied.inject({ method: 'GET', url: '/api/health' })).headers['strict-transport-security'],
    ).toBeUndefined();
    const claimed = await direct.inject({
      method: 'GET',
      url: '/api/health',
      headers: { 'x-forwarded-proto': 'https' },
    });
    expect(claimed.headers['strict-transport-security']).toBeUndefined();
  });
});

describe('the API reader', () => {
  let env: TestEnv;
  beforeAll(async () => {
    env = await testEnv('sqlite');
  });
  afterAll(() => env?.close());

  it('is served with a content security policy: scripts of its own only, never framed', async () => {
    for (const url of ['/api/docs/', '/api/docs/static/swagger-initializer.js']) {
      const res = await env.app.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(200);
      const csp = res.headers['content-security-policy'];
      expect(csp, url).toBeDefined();
      const scriptSrc = /script-src ([^;]*)/.exec(String(csp))?.[1];
      expect(scriptSrc?.trim(), url).toMatch(/^'self'( 'sha256-[^']+')*$/);
      expect(String(csp)).toContain("frame-ancestors 'none'");
      expect(String(csp)).toContain("object-src 'none'");
      // the reader must keep working on a plain-HTTP intranet
      expect(String(csp)).not.toContain('upgrade-insecure-requests');
    }
  });
});

describe.each(DIALECTS)('field error lists on %s', (kind) => {
  let env: TestEnv;
  let org: TestOrg;
  beforeAll(async () => {
    env = await testEnv(kind);
    org = await buildOrg(env.app, env.handle);
  });
  afterAll(() => env?.close());

  it('a body with 60,000 unknown keys gets a capped list that says how many more there are', async () => {
    const body: Record<string, unknown> = { title: 'Fine' };
    for (let i = 0; i < 60_000; i++) body[`k${i}`] = 1;
    const before = await writeCounts(env.handle);
    const res = await org.as.admin.post(`/api/v1/orgs/${org.slug}/actions`, body);
    expect(res.statusCode).toBe(400);
    const problem = res.json();
    expect(problem.errors.length).toBe(100);
    expect(problem.errors[0]).toEqual({ field: 'body.k0', message: 'Unknown field' });
    expect(problem.errorsNotListed).toBe(59_900);
    expect(problem.detail).toBe('60000 fields are not valid (the first 100 are listed)');
    expect(await writeCounts(env.handle)).toEqual(before);
  });

  it('a short list is whole, with nothing said about more', async () => {
    const res = await org.as.admin.post(`/api/v1/orgs/${org.slug}/actions`, { title: 'Fine', a: 1, b: 2 });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toHaveLength(2);
    expect(res.json().errorsNotListed).toBeUndefined();
  });
});
