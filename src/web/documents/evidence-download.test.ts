import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, fileNameOf, isApiError, requestFile, setCsrfToken } from '../lib/api-client.js';

afterEach(() => {
  vi.unstubAllGlobals();
  setCsrfToken(undefined);
});

/** The evidence package is a POST answered with a ZIP: the file download helper the documents pages use. */
describe('requestFile', () => {
  it('posts JSON with the CSRF header and answers the bytes with the file name', async () => {
    setCsrfToken('tok-1');
    const zip = new Uint8Array([0x50, 0x4b, 3, 4]);
    const fetchMock = vi.fn(
      async (_url: string, _init: RequestInit) =>
        new Response(zip, {
          status: 200,
          headers: {
            'content-type': 'application/zip',
            'content-disposition': 'attachment; filename="alpha-evidence-2026-11-29.zip"',
          },
        }),
    );
    vi.stubGlobal('fetch', fetchMock);
    const file = await requestFile('POST', '/api/v1/orgs/alpha/documents/evidence-package', {
      body: { documentIds: ['a'] },
    });
    const [url, init] = fetchMock.mock.calls[0]!;
    expect(url).toBe('/api/v1/orgs/alpha/documents/evidence-package');
    const headers = new Headers(init.headers);
    expect(headers.get('x-csrf-token')).toBe('tok-1');
    expect(headers.get('content-type')).toBe('application/json');
    expect(init.credentials).toBe('same-origin');
    expect(init.body).toBe('{"documentIds":["a"]}');
    expect(file.fileName).toBe('alpha-evidence-2026-11-29.zip');
    expect(new Uint8Array(await file.blob.arrayBuffer())).toEqual(zip);
  });

  it('turns a problem document into an ApiError with its detail and field errors', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(
        async () =>
          new Response(
            JSON.stringify({
              type: 'https://rampart.dev/problems/validation',
              title: 'Invalid request',
              status: 400,
              detail: 'Unknown document',
              errors: [{ field: 'body.documentIds.0', message: 'Not found' }],
            }),
            {
              status: 400,
              headers: { 'content-type': 'application/problem+json' },
            },
          ),
      ),
    );
    const error = await requestFile('POST', '/x', { body: {} }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    if (!isApiError(error)) return;
    expect(error.detail).toBe('Unknown document');
    expect(error.fieldErrors()).toEqual({ 'documentIds.0': 'Not found' });
  });
});

describe('fileNameOf', () => {
  it('reads plain and RFC 5987 names and drops any folder', () => {
    expect(fileNameOf('attachment; filename="a b.zip"')).toBe('a b.zip');
    expect(fileNameOf("attachment; filename*=UTF-8''caf%C3%A9.zip")).toBe('café.zip');
    expect(fileNameOf('attachment; filename="../../etc/passwd"')).toBe('passwd');
    expect(fileNameOf(null)).toBeUndefined();
    expect(fileNameOf('attachment')).toBeUndefined();
  });
});
