import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BODY_LIMIT } from '../../src/server/app.js';
import { testEnv, type TestEnv } from '../helpers/app.js';
import { DIALECTS } from '../helpers/databases.js';
import { buildOrg, PASSWORD, writeCounts, type TestOrg } from '../helpers/factories.js';
import { anonymous, signIn, type Caller } from '../helpers/http.js';
import {
  fillUrl,
  isApiDocs,
  isOrgRoute,
  isRawBody,
  loadApi,
  MUTATING,
  recordParams,
  routeKey,
  validRequest,
  type JsonSchema,
} from '../helpers/routes.js';
import { can } from '../../src/schema/auth/permissions.js';
import { ROLES } from '../../src/schema/auth/roles.js';
import type { RouteEntry } from '../../src/server/types.js';

/**
 * Bad input is a test subject: every JSON body in the contract gets wrong types, missing and unknown fields, an
 * oversized and a broken body; every record path gets ids that are not ids. Each answer is a 4xx problem+json that
 * names the field, and nothing is written, not even an audit event.
 */
const api = await loadApi();
const jsonBody = (r: RouteEntry) => api.operation(r)?.requestBody?.content['application/json']?.schema;
const bodyRoutes = api.catalog.filter((r) => MUTATING.has(r.method) && jsonBody(r));
const pathRoutes = api.catalog.filter((r) => isOrgRoute(r) && recordParams(r.url).length);
const listRoutes = api.catalog.filter(
  (r) => r.method === 'GET' && api.operation(r)?.parameters?.some((p) => p.in === 'query' && p.name === 'page'),
);
const apiRoutes = api.catalog.filter((r) => !isApiDocs(r));

/** Values of the wrong type (or shape) for a property, from its JSON schema. */
function wrongValues(s: JsonSchema): unknown[] {
  const nullable = !!s.anyOf?.some((x) => x.type === 'null');
  const base = s.anyOf?.find((x) => x.type !== 'null') ?? s;
  // a list of text is a valid value of a list of text: wrong there is a list of something else
  const out: unknown[] = [{ nested: { __proto__: 1 } }, base.type === 'array' ? [{ nested: 1 }] : ['list']];
  if (base.type === 'string') {
    out.push(12345, true);
    if (base.enum) out.push('not-an-option');
    if (base.maxLength) out.push('x'.repeat(base.maxLength + 1));
    if (base.format === 'uuid') out.push('not-a-uuid', "' OR 1=1 --");
    if (base.format === 'date') out.push('2024-02-30', '31/12/2024');
    if (base.format === 'email') out.push('not-an-email');
  } else if (base.type === 'integer') out.push('12', 1.5, -1, 1e300);
  // a decimal (register kind `number`) takes 1.5 and -1; beyond ±1e15 is out of its bounds
  else if (base.type === 'number') out.push('12', 1e300);
  else if (base.type === 'boolean') out.push('yes', 1);
  else out.push('text');
  if (!nullable) out.push(null);
  return out;
}

describe.each(DIALECTS)('bad input on %s', (kind) => {
  let env: TestEnv;
  let org: TestOrg;
  beforeAll(async () => {
    env = await testEnv(kind);
    org = await buildOrg(env.app, env.handle);
  });
  afterAll(() => env?.close());

  /** someone allowed to make the call, so that only the input can be wrong */
  const roleFor = (r: RouteEntry) => (r.permission ? ROLES.find((role) => can(role, r.permission!))! : 'admin');
  const callerFor = (r: RouteEntry): Caller => (r.access === 'public' ? anonymous(env.app) : org.as[roleFor(r)]);
  const fieldsOf = (res: { json(): { errors?: { field: string }[] } }) => (res.json().errors ?? []).map((e) => e.field);

  /** Sends, then checks: a 4xx problem+json and not one row written anywhere. */
  async function rejected(
    c: Caller,
    method: string,
    url: string,
    payload: unknown,
    headers: Record<string, string> = {},
  ) {
    const before = await writeCounts(env.handle);
    const res = await c.request(method as 'POST', url, payload, headers);
    const what = `${method} ${url} ${typeof payload === 'string' ? payload.slice(0, 80) : JSON.stringify(payload)?.slice(0, 160)} → ${res.statusCode} ${res.body.slice(0, 300)}`;
    expect(res.statusCode, what).toBeGreaterThanOrEqual(400);
    expect(res.statusCode, what).toBeLessThan(500);
    expect(res.headers['content-type'], what).toContain('application/problem+json');
    expect(await writeCounts(env.handle), `${what}: nothing written`).toEqual(before);
    return Object.assign(res, { what });
  }

  it('every writing route declares its body in the contract (or is a known exception)', () => {
    const withoutJson = api.catalog
      .filter((r) => (r.method === 'POST' || r.method === 'PATCH' || r.method === 'PUT') && !jsonBody(r))
      .map(routeKey);
    const exceptions = (k: string) =>
      k === 'POST /api/v1/auth/logout' || /^POST \/api\/v1\/orgs\/:org\/[a-z-]+\/import$/.test(k);
    // file uploads declare a multipart body (checked by their own tests: evidence-upload.test.ts)
    const multipart = (r: RouteEntry) => !!api.operation(r)?.requestBody?.content['multipart/form-data'];
    expect(
      withoutJson.filter((k) => !exceptions(k) && !api.catalog.some((r) => routeKey(r) === k && multipart(r))),
    ).toEqual([]);
    expect(bodyRoutes.length).toBeGreaterThanOrEqual(8);
  });

  it.each(bodyRoutes.map((r) => [routeKey(r), r] as const))(
    '%s: wrong types, missing and unknown fields are named',
    async (_k, route) => {
      const schema = jsonBody(route)!;
      const { url, body } = await validRequest(route, { env, org, role: roleFor(route) });
      if (isRawBody(body)) throw new Error(`${routeKey(route)} has a JSON schema but a raw valid body`);
      const c = callerFor(route);
      for (const [prop, propSchema] of Object.entries(schema.properties ?? {})) {
        for (const wrong of wrongValues(propSchema)) {
          const res = await rejected(c, route.method, url, { ...body, [prop]: wrong });
          expect(res.statusCode, res.what).toBe(400);
          expect(
            fieldsOf(res).some((f) => f === `body.${prop}` || f.startsWith(`body.${prop}.`)),
            res.what,
          ).toBe(true);
        }
      }
      for (const prop of schema.required ?? []) {
        const { [prop]: _gone, ...rest } = body!;
        const res = await rejected(c, route.method, url, rest);
        expect(res.statusCode).toBe(400);
        expect(fieldsOf(res), res.what).toContain(`body.${prop}`);
      }
      const unknown = await rejected(c, route.method, url, { ...body, bogus: 1, 'évil key 🙂': 'x' });
      expect(fieldsOf(unknown).sort(), unknown.what).toEqual(['body.bogus', 'body.évil key 🙂']);
      expect(unknown.json().type).toBe('https://rampart.dev/problems/validation');
    },
  );

  it.each(bodyRoutes.map((r) => [routeKey(r), r] as const))(
    '%s: oversized, broken, non-JSON and prototype-polluting bodies',
    async (_k, route) => {
      const { url, body } = await validRequest(route, { env, org, role: roleFor(route) });
      const c = callerFor(route);
      const big = await rejected(c, route.method, url, {
        ...(body as object),
        padding: 'x'.repeat((route.bodyLimit ?? BODY_LIMIT) + 1),
      });
      expect(big.statusCode).toBe(413);
      expect(big.json().type).toBe('https://rampart.dev/problems/payload-too-large');
      for (const raw of ['{"title":', '{"a":1}}', "{'a':1}", 'NaN', '']) {
        const res = await rejected(c, route.method, url, raw);
        expect(res.statusCode, res.what).toBe(400);
        expect(fieldsOf(res), res.what).toEqual(['body']);
      }
      for (const raw of ['[]', 'null', '"text"', '42', '['.repeat(5000) + ']'.repeat(5000)]) {
        const res = await rejected(c, route.method, url, raw);
        expect(fieldsOf(res), res.what).toEqual(['body']);
      }
      const asText = await rejected(c, route.method, url, JSON.stringify(body), { 'content-type': 'text/plain' });
      expect([400, 415]).toContain(asText.statusCode);
      const json = JSON.stringify(body).slice(1);
      for (const poison of [
        `{"__proto__":{"isSuperadmin":true,"role":"admin"},${json}`,
        `{"constructor":{"prototype":{"isSuperadmin":true}},${json}`,
      ]) {
        await rejected(c, route.method, url, poison);
      }
      expect(({} as Record<string, unknown>).isSuperadmin).toBeUndefined();
      // every string of the body, however deep (ids in a list too), carries a NUL
      const withNul = (v: unknown): unknown =>
        typeof v === 'string'
          ? `${v}\u0000`
          : Array.isArray(v)
            ? v.map(withNul)
            : v && typeof v === 'object'
              ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, withNul(x)]))
              : v;
      // (a body of flags and numbers only, such as { apply: true }, has no text to poison)
      if (JSON.stringify(withNul(body)) !== JSON.stringify(body)) {
        const nul = await rejected(c, route.method, url, JSON.stringify(withNul(body)));
        expect(nul.statusCode, nul.what).toBe(400);
      }
    },
  );

  it.each(pathRoutes.map((r) => [routeKey(r), r] as const))(
    '%s: ids that are not uuids are named in the path',
    async (_k, route) => {
      const { body } = await validRequest(route, { env, org, role: roleFor(route) });
      for (const param of recordParams(route.url)) {
        for (const bad of [
          'not-a-uuid',
          "1' OR '1'='1",
          '../../etc/passwd',
          '00000000-0000-4000-8000-00000000000Z',
          '🙂',
          'x'.repeat(150),
        ]) {
          const values = {
            org: org.slug,
            ...Object.fromEntries(recordParams(route.url).map((p) => [p, '00000000-0000-4000-8000-000000000000'])),
            [param]: bad,
          };
          const res = isRawBody(body)
            ? await rejected(callerFor(route), route.method, fillUrl(route.url, values), body.raw, {
                'content-type': body.contentType,
              })
            : await rejected(callerFor(route), route.method, fillUrl(route.url, values), body);
          expect(res.statusCode, res.what).toBe(400);
          expect(fieldsOf(res), res.what).toContain(`path.${param}`);
        }
      }
    },
  );

  it.each(listRoutes.map((r) => [routeKey(r), r] as const))(
    '%s: paging, sorting and search parameters are checked',
    async (_k, route) => {
      const { url } = await validRequest(route, { env, org, role: roleFor(route) });
      const params = new Set(api.operation(route)!.parameters!.map((p) => p.name));
      const bad: [string, string][] = [
        ['page=-1', 'query.page'],
        ['page=0', 'query.page'],
        ['page=1.5', 'query.page'],
        ['page=abc', 'query.page'],
        ['pageSize=100000', 'query.pageSize'],
        ['pageSize=0', 'query.pageSize'],
        ['__proto__=1', 'query.__proto__'],
        ['constructor=1', 'query.constructor'],
      ];
      if (params.has('sort'))
        bad.push(['sort=notAField', 'query.sort'], ['sort=title;DROP TABLE actions', 'query.sort']);
      if (params.has('order')) bad.push(['order=sideways', 'query.order']);
      if (params.has('q')) bad.push([`q=${'x'.repeat(20_000)}`, 'query.q'], ['q=a&q=b', 'query.q']);
      for (const [query, field] of bad) {
        const res = await rejected(org.as.admin, 'GET', `${url}?${query}`, undefined);
        expect(res.statusCode, res.what).toBe(400);
        expect(fieldsOf(res), res.what).toContain(field);
      }
      const ok = [`page=1000000`, `pageSize=200`];
      if (params.has('q'))
        ok.push(
          `q=${encodeURIComponent('日本語 🙂 ñ')}`,
          'q=%25',
          'q=_',
          'q=%5C',
          `q=${encodeURIComponent("' OR 1=1 --")}`,
        );
      for (const query of ok) {
        const res = await org.as.admin.get(`${url}?${query}`);
        expect(res.statusCode, `${query} → ${res.body.slice(0, 200)}`).toBe(200);
      }
    },
  );

  // One test per route, so a slow machine never meets a timeout sized for the whole sweep.
  const sweepRoutes = apiRoutes.filter((r) => routeKey(r) !== 'POST /api/v1/auth/logout');
  let sweeper: Awaited<ReturnType<typeof signIn>>;
  it.each(sweepRoutes.map((r) => [routeKey(r), r] as const))('%s: no input makes it answer 5xx', async (_k, route) => {
    const nasties = [
      `?${'a'.repeat(30_000)}=1`,
      `?q=${'\u{1F600}'.repeat(3000)}`,
      '?page[]=1&page[]=2',
      '?a[b][c]=1',
      '?%E0%A4%A',
      '?q=%00',
      '?type=x%00&id=%00',
    ];
    const bodies: unknown[] = [
      { title: '\u0000' },
      { title: '\u{1F600}'.repeat(100) },
      '{"a":' + '['.repeat(3000) + ']'.repeat(3000) + '}',
      [],
      'null',
    ];
    // a session of its own, shared by the sweep and not signed out along the way
    sweeper ??= await signIn(env.app, org.users.admin.email, PASSWORD);
    const c = sweeper;
    const url = fillUrl(route.url, {
      org: org.slug,
      ...Object.fromEntries(recordParams(route.url).map((p) => [p, '00000000-0000-4000-8000-000000000000'])),
    });
    for (const q of nasties) {
      const res = await c.request(route.method as 'GET', `${url}${q}`, MUTATING.has(route.method) ? {} : undefined);
      expect(res.statusCode, `${route.method} ${url}${q.slice(0, 60)} → ${res.body.slice(0, 200)}`).toBeLessThan(500);
    }
    if (MUTATING.has(route.method)) {
      for (const b of bodies) {
        const res = await c.request(route.method as 'POST', url, b);
        expect(res.statusCode, `${route.method} ${url} → ${res.body.slice(0, 200)}`).toBeLessThan(500);
      }
    }
    expect((await c.get('/api/v1/auth/session')).statusCode).toBe(200);
  });

  it('odd organization slugs are 404 (or 414 when too long), as problem+json', async () => {
    for (const slug of [
      '%00',
      'no-such-org',
      '%F0%9F%99%82',
      '..%2F..%2Fetc',
      'UPPER',
      'a',
      "x'or'1'='1",
      'x'.repeat(49),
    ]) {
      const res = await org.as.admin.get(`/api/v1/orgs/${slug}/actions`);
      expect(res.statusCode, `${slug} → ${res.body.slice(0, 200)}`).toBe(404);
      expect(res.headers['content-type']).toContain('application/problem+json');
    }
    const long = await org.as.admin.get(`/api/v1/orgs/${'x'.repeat(500)}/actions`);
    expect(long.statusCode).toBe(414);
    expect(long.headers['content-type']).toContain('application/problem+json');
    const broken = await org.as.admin.get('/api/v1/orgs/%E0%A4%A/actions');
    expect(broken.statusCode).toBe(400);
    expect(broken.headers['content-type']).toContain('application/problem+json');
  });
});
