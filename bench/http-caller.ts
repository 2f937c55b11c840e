import http from 'node:http';

import { callerFrom, type Caller, type Method } from '../test/helpers/http.js';

/** What a bench case reads of an answer (the same members as an injected response). */
export interface BenchResponse {
  statusCode: number;
  body: string;
  headers: http.IncomingHttpHeaders;
  json<T = ReturnType<typeof JSON.parse>>(): T;
}

/** A signed-in caller over real HTTP: the bench measures what a client on the network gets (issue 15). */
export type BenchCaller = Caller<BenchResponse> & { origin: string };

// Connections are kept open between requests, as a browser or an integration keeps them; 64 covers 50 users.
const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });

function send(
  origin: string,
  method: Method,
  url: string,
  headers: Record<string, string>,
  body?: string,
): Promise<BenchResponse> {
  return new Promise((resolve, reject) => {
    const req = http.request(new URL(url, origin), { method, headers, agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('error', reject);
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        resolve({ statusCode: res.statusCode ?? 0, body: text, headers: res.headers, json: () => JSON.parse(text) });
      });
    });
    req.on('error', reject);
    req.end(body);
  });
}

export function httpCaller(origin: string, headers: Record<string, string>): BenchCaller {
  const request = (method: Method, url: string, payload?: unknown, extraHeaders: Record<string, string> = {}) => {
    if (payload === undefined) return send(origin, method, url, { ...headers, ...extraHeaders });
    const body = typeof payload === 'string' ? payload : JSON.stringify(payload);
    return send(origin, method, url, { ...headers, 'content-type': 'application/json', ...extraHeaders }, body);
  };
  return { ...callerFrom(headers, request), origin };
}

/** Signs in through the API over HTTP and returns a caller with the session cookie and CSRF token. */
export async function httpSignIn(origin: string, email: string, password: string): Promise<BenchCaller> {
  const res = await httpCaller(origin, {}).post('/api/v1/auth/login', { email, password });
  if (res.statusCode !== 200) throw new Error(`sign-in failed for ${email}: ${res.statusCode} ${res.body}`);
  const setCookie = res.headers['set-cookie'] ?? [];
  const session = setCookie.map((c) => c.split(';')[0]!).find((c) => c.startsWith('rampart_session='));
  if (!session) throw new Error('no session cookie');
  return httpCaller(origin, { cookie: session, 'x-csrf-token': res.json<{ csrfToken: string }>().csrfToken });
}

/** The answer's JSON, or an error naming the step when the answer is not a success (seeding stops there). */
export async function ok(res: BenchResponse, what: string) {
  if (res.statusCode >= 300) throw new Error(`${what}: HTTP ${res.statusCode} ${res.body}`);
  return res.json();
}

export function closeConnections(): void {
  agent.destroy();
}
