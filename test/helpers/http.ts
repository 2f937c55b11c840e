import type { LightMyRequestResponse } from 'fastify';
import type { App } from '../../src/server/types.js';

export type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

/**
 * A signed-in caller: cookie session (with its CSRF token) or a bearer API token. Tests call the app in process
 * (`inject`); the bench calls it over HTTP with the same interface and its own response type.
 */
export interface Caller<R = LightMyRequestResponse> {
  headers: Record<string, string>;
  request(method: Method, url: string, payload?: unknown, extraHeaders?: Record<string, string>): Promise<R>;
  get(url: string): Promise<R>;
  post(url: string, payload?: unknown): Promise<R>;
  patch(url: string, payload?: unknown): Promise<R>;
  del(url: string): Promise<R>;
}

/** A caller from its one `request` function: the verbs are shorthands for it. */
export function callerFrom<R>(headers: Record<string, string>, request: Caller<R>['request']): Caller<R> {
  return {
    headers,
    request,
    get: (url) => request('GET', url),
    post: (url, payload) => request('POST', url, payload ?? {}),
    patch: (url, payload) => request('PATCH', url, payload ?? {}),
    del: (url) => request('DELETE', url),
  };
}

export function caller(app: App, headers: Record<string, string>): Caller {
  const request = (method: Method, url: string, payload?: unknown, extraHeaders: Record<string, string> = {}) =>
    app.inject({
      method,
      url,
      headers: { ...headers, ...extraHeaders },
      ...(payload === undefined
        ? {}
        : typeof payload === 'string'
          ? { payload, headers: { ...headers, 'content-type': 'application/json', ...extraHeaders } }
          : { payload: payload as object }),
    });
  return callerFrom(headers, request);
}

export const anonymous = (app: App) => caller(app, {});

/** Signs in through the API and returns a caller carrying the session cookie and CSRF token. */
export async function signIn(app: App, email: string, password: string): Promise<Caller> {
  const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password } });
  if (res.statusCode !== 200) throw new Error(`sign-in failed for ${email}: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === 'rampart_session');
  if (!cookie) throw new Error('no session cookie');
  return caller(app, { cookie: `rampart_session=${cookie.value}`, 'x-csrf-token': res.json().csrfToken });
}
