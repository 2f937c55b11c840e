import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app.js';
import type { App } from '../../src/server/types.js';
import { openTestDatabase } from '../helpers/databases.js';
import type { DatabaseHandle } from '../../src/db/connect.js';

/** The request log: one line per request, what an operator needs, never a credential or a query string. */
describe('request log', () => {
  let handle: DatabaseHandle;
  let app: App;
  const lines: Record<string, unknown>[] = [];
  beforeAll(async () => {
    handle = await openTestDatabase('sqlite');
    const stream = new PassThrough();
    stream.on('data', (chunk: Buffer) => {
      for (const line of chunk.toString('utf8').split('\n').filter(Boolean)) lines.push(JSON.parse(line));
    });
    app = await buildApp({ handle, webDir: '/nonexistent', logger: true, logStream: stream });
  });
  afterAll(async () => {
    await app?.close();
    await handle?.close();
  });

  it('writes one line per request with method, path, status and time', async () => {
    lines.length = 0;
    await app.inject({
      method: 'GET',
      url: '/api/v1/auth/session?secret=abc',
      headers: { cookie: 'rampart_session=s3cr3t', authorization: 'Bearer rp_zzz' },
    });
    await app.inject({ method: 'GET', url: '/api/health' });
    const requests = lines.filter((l) => l.msg === 'request');
    expect(requests).toHaveLength(2);
    expect(lines.filter((l) => l.msg === 'incoming request' || l.msg === 'request completed')).toHaveLength(0);
    expect(requests[0]).toMatchObject({ method: 'GET', path: '/api/v1/auth/session', status: 401 });
    expect(requests[1]).toMatchObject({ method: 'GET', path: '/api/health', status: 200 });
    expect(typeof requests[1]!.ms).toBe('number');
    const text = JSON.stringify(lines);
    for (const secret of ['s3cr3t', 'rp_zzz', 'secret=abc']) expect(text).not.toContain(secret);
  });
});
