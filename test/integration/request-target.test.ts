import fastifyCookie from '@fastify/cookie';
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_AUTH_SETTINGS } from '../../src/core/auth/settings.js';
import { registerAuthentication } from '../../src/server/plugins/authenticate.js';
import { orgCtx, registerAuthorization } from '../../src/server/plugins/authorize.js';
import { registerProblemHandlers } from '../../src/server/plugins/problem.js';
import type { App } from '../../src/server/types.js';
import { testEnv, type TestEnv } from '../helpers/app.js';
import { DIALECTS } from '../helpers/databases.js';
import { buildOrg, writeCounts, type TestOrg } from '../helpers/factories.js';
import { listen, rawRequest } from '../helpers/raw-http.js';
import { generateInstanceKey } from '../../src/core/signing/instance-key.js';

/**
 * A request line in absolute form (`GET http://x/api/v1/orgs/…`) once passed every hook that tested
 * `request.url.startsWith('/api/')`: no sign-in, no CSRF check, no permission. Sent here over a real socket,
 * as written, on every kind of route.
 */
describe.each(DIALECTS)('request targets on %s', (kind) => {
  let env: TestEnv;
  let org: TestOrg;
  let port: number;
  const cookieOf = (role: 'admin' | 'viewer') => org.as[role].headers.cookie!;

  beforeAll(async () => {
    env = await testEnv(kind);
    org = await buildOrg(env.app, env.handle);
    port = await listen(env.app);
  });
  afterAll(() => env?.close());

  it('serves an origin-form target as usual (the raw client works)', async () => {
    const res = await rawRequest(
      port,
      `GET /api/v1/orgs/${org.slug}/actions HTTP/1.1\r\nhost: x\r\ncookie: ${cookieOf('viewer')}`,
    );
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body).items).toEqual([]);
  });

  const refused = (res: { status: number; headers: Record<string, string>; body: string }) => {
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(JSON.parse(res.body).detail).toMatch(/must be a path starting with "\/"/);
  };

  it('refuses an absolute-form GET of an organization route, signed out or in', async () => {
    refused(await rawRequest(port, `GET http://x/api/v1/orgs/${org.slug}/actions HTTP/1.1\r\nhost: x`));
    refused(
      await rawRequest(
        port,
        `GET http://x/api/v1/orgs/${org.slug}/actions HTTP/1.1\r\nhost: x\r\ncookie: ${cookieOf('viewer')}`,
      ),
    );
  });

  it('refuses absolute-form targets of public, user, API-reader and unknown routes', async () => {
    for (const p of [
      '/api/health',
      '/api/v1/auth/session',
      '/api/openapi.json',
      '/api/docs',
      '/api/v1/nothing-here',
      '/o/alpha',
    ]) {
      refused(await rawRequest(port, `GET http://x${p} HTTP/1.1\r\nhost: x\r\ncookie: ${cookieOf('admin')}`));
    }
    refused(await rawRequest(port, `OPTIONS * HTTP/1.1\r\nhost: x`));
  });

  it('refuses an absolute-form write with a session cookie and no CSRF token, and writes nothing', async () => {
    const before = await writeCounts(env.handle);
    const body = JSON.stringify({ title: 'Smuggled' });
    refused(
      await rawRequest(
        port,
        `POST http://x/api/v1/orgs/${org.slug}/actions HTTP/1.1\r\nhost: x\r\ncookie: ${cookieOf('admin')}\r\ncontent-type: application/json\r\ncontent-length: ${body.length}`,
        body,
      ),
    );
    expect(await writeCounts(env.handle)).toEqual(before);
  });

  // The body is announced but never sent: a server that waited for it would never answer.
  const announcedUpload = (target: string, cookie?: string) =>
    `POST ${target} HTTP/1.1\r\nhost: x\r\n${cookie ? `cookie: ${cookie}\r\n` : ''}content-type: multipart/form-data; boundary=b\r\ncontent-length: ${20 * 1024 * 1024}`;

  it('refuses an absolute-form upload before reading its 20 MiB body', async () => {
    refused(
      await rawRequest(port, announcedUpload(`http://x/api/v1/orgs/${org.slug}/evidence/upload`, cookieOf('admin'))),
    );
  });

  it('refuses an upload by a caller who may not upload before reading its body', async () => {
    const anon = await rawRequest(port, announcedUpload(`/api/v1/orgs/${org.slug}/evidence/upload`));
    expect(anon.status).toBe(401);
    const viewer = await rawRequest(
      port,
      announcedUpload(`/api/v1/orgs/${org.slug}/evidence/upload`, cookieOf('viewer')),
    );
    expect(viewer.status).toBe(403);
  });
});

/** Access is decided by the matched route's declaration, whatever its path; a route without one is refused. */
describe.each(DIALECTS)('access by route declaration on %s', (kind) => {
  let env: TestEnv;
  let org: TestOrg;
  let bare: App;

  beforeAll(async () => {
    env = await testEnv(kind);
    org = await buildOrg(env.app, env.handle);
    bare = Fastify() as unknown as App;
    bare.decorate('deps', { handle: env.handle, auth: DEFAULT_AUTH_SETTINGS, signingKey: generateInstanceKey() });
    registerProblemHandlers(bare);
    await bare.register(fastifyCookie);
    registerAuthentication(bare);
    registerAuthorization(bare);
    bare.get('/undeclared', async () => ({ reached: true }));
    bare.get('/elsewhere/:org/things', { config: { permission: 'action.read' } }, async (request) => ({
      org: orgCtx(request).org.slug,
    }));
    await bare.ready();
  });
  afterAll(async () => {
    await bare?.close();
    await env?.close();
  });

  it('refuses a route that declares no access, even to a signed-in admin', async () => {
    const res = await bare.inject({
      method: 'GET',
      url: '/undeclared',
      headers: { cookie: org.as.admin.headers.cookie! },
    });
    expect(res.statusCode).toBe(403);
    expect(res.body).not.toContain('reached');
  });

  it('applies a permission outside /api/ too: signed out 401, member 200', async () => {
    expect((await bare.inject({ method: 'GET', url: `/elsewhere/${org.slug}/things` })).statusCode).toBe(401);
    const res = await bare.inject({
      method: 'GET',
      url: `/elsewhere/${org.slug}/things`,
      headers: { cookie: org.as.viewer.headers.cookie! },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ org: org.slug });
  });
});
