import { afterEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { api, ApiError, setCsrfToken, setUnauthenticatedHandler } from './api-client.js';

function respond(status: number, body?: unknown, headers: Record<string, string> = {}) {
  const fetchMock = vi.fn(
    async (_url: string, _init: RequestInit) =>
      new Response(body === undefined ? null : JSON.stringify(body), {
        status,
        headers: { 'content-type': status >= 400 ? 'application/problem+json' : 'application/json', ...headers },
      }),
  );
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

afterEach(() => {
  vi.unstubAllGlobals();
  setCsrfToken(undefined);
});

describe('api client', () => {
  it('sends the CSRF header on mutations only, with same-origin credentials', async () => {
    setCsrfToken('tok-123');
    const fetchMock = respond(200, { ok: true });
    await api.get('/api/v1/x', z.unknown(), { query: { a: 1, b: undefined, c: '' } });
    await api.post('/api/v1/x', { title: 't' }, z.unknown());
    const [getUrl, getInit] = fetchMock.mock.calls[0]!;
    const [, postInit] = fetchMock.mock.calls[1]!;
    expect(getUrl).toBe('/api/v1/x?a=1');
    expect(getInit.credentials).toBe('same-origin');
    expect((getInit.headers as Record<string, string>)['x-csrf-token']).toBeUndefined();
    expect((postInit.headers as Record<string, string>)['x-csrf-token']).toBe('tok-123');
    expect(postInit.body).toBe('{"title":"t"}');
  });

  it('turns a problem document into an ApiError with field errors keyed by body field', async () => {
    respond(400, {
      type: 'https://rampart.dev/problems/validation',
      title: 'Invalid request',
      status: 400,
      errors: [
        { field: 'body.title', message: 'Required' },
        { field: 'body.dueDate', message: 'Invalid date' },
      ],
    });
    const error = await api.post('/api/v1/orgs/a/actions', {}, z.unknown()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    const e = error as ApiError;
    expect(e.kind).toBe('validation');
    expect(e.fieldErrors()).toEqual({ title: 'Required', dueDate: 'Invalid date' });
  });

  it('reads Retry-After on 429 and calls the sign-in handler on 401 unless told not to', async () => {
    respond(
      429,
      { type: 'https://rampart.dev/problems/rate-limited', title: 'Too many', status: 429 },
      { 'retry-after': '60' },
    );
    const throttled = (await api
      .post('/api/v1/auth/login', {}, z.unknown(), { allowUnauthenticated: true })
      .catch((e: unknown) => e)) as ApiError;
    expect(throttled.status).toBe(429);
    expect(throttled.retryAfter).toBe(60);

    const handler = vi.fn();
    setUnauthenticatedHandler(handler);
    respond(401, { type: 'https://rampart.dev/problems/unauthenticated', title: 'Sign in', status: 401 });
    await api.get('/api/v1/orgs', z.unknown()).catch(() => undefined);
    await api.get('/api/v1/auth/session', z.unknown(), { allowUnauthenticated: true }).catch(() => undefined);
    expect(handler).toHaveBeenCalledTimes(1);
  });
});

describe('schema-checked calls', () => {
  const answer = z.object({ id: z.string(), total: z.number() });

  it('returns the parsed answer when it matches the route schema', async () => {
    respond(200, { id: 'a', total: 3, extra: true });
    const got = await api.get('/api/v1/x', answer);
    expect(got).toEqual({ id: 'a', total: 3 });
  });

  it('reports a broken contract as an ApiError of kind contract naming the field', async () => {
    respond(200, { id: 'a', total: 'three' });
    const error = await api.post('/api/v1/x?page=2', { a: 1 }, answer).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).kind).toBe('contract');
    expect((error as ApiError).detail).toMatch(/^POST \/api\/v1\/x: total: /);
  });

  it('still turns problem documents into ApiErrors before any check', async () => {
    respond(409, { type: 'https://rampart.dev/problems/conflict', title: 'Conflict', status: 409 });
    const error = await api.put('/api/v1/x', {}, answer).catch((e: unknown) => e);
    expect((error as ApiError).kind).toBe('conflict');
  });
});
