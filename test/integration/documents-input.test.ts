import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { can } from '../../src/schema/auth/permissions.js';
import { ROLES } from '../../src/schema/auth/roles.js';
import type { RouteEntry } from '../../src/server/types.js';
import { testEnv, type TestEnv } from '../helpers/app.js';
import { DIALECTS } from '../helpers/databases.js';
import { createDocument, docsPath, documentCounts } from '../helpers/document-factories.js';
import { buildOrg, writeCounts, type TestOrg } from '../helpers/factories.js';
import type { Caller } from '../helpers/http.js';
import {
  fillUrl,
  isRawBody,
  loadApi,
  MUTATING,
  recordParams,
  routeKey,
  validRequest,
  type JsonSchema,
} from '../helpers/routes.js';

/**
 * Bad input on the document routes. bad-input.test.ts sends every kind of wrong body to every route but counts only
 * the foundation's tables; here each refusal is also checked against every table a document route writes, and
 * the documents' own rules (one security policy, a sound hierarchy, external sources, who acknowledges what) are
 * refused with the field named.
 */
const api = await loadApi();
const documentRoutes = api.catalog.filter((r) => r.url.startsWith('/api/v1/orgs/:org/documents'));
const jsonBody = (r: RouteEntry) => api.operation(r)?.requestBody?.content['application/json']?.schema;
const bodyRoutes = documentRoutes.filter((r) => MUTATING.has(r.method) && jsonBody(r));
const idRoutes = documentRoutes.filter((r) => recordParams(r.url).length);
const MALICIOUS = ['<script>alert(1)</script>', '<img src=x onerror=alert(1)>', '[x](javascript:alert(1))'];

/** One wrong value of each kind the property's schema rules out. */
function wrongValues(s: JsonSchema): [string, unknown][] {
  const base = s.anyOf?.find((x) => x.type !== 'null') ?? s;
  const out: [string, unknown][] = [['an object', { a: 1 }]];
  if (base.type === 'string') {
    out.push(['a number', 42]);
    if (base.enum) out.push(['not an option', 'not-an-option']);
    if (base.maxLength) out.push(['too long', 'x'.repeat(base.maxLength + 1)]);
    if (base.format === 'uuid') out.push(['not a uuid', 'DOC-001']);
    if (base.format === 'date') out.push(['not a date', '2024-13-01']);
  } else if (base.type === 'integer' || base.type === 'number')
    out.push(['text', '1'], ['a fraction', 1.5], ['negative', -1]);
  else if (base.type === 'boolean') out.push(['text', 'true']);
  else if (base.type === 'array')
    out.push(
      ['text', 'x'],
      ['a list of junk', ['not-a-uuid']],
      ['too many', Array.from({ length: 501 }, () => crypto.randomUUID())],
    );
  return out;
}

describe.each(DIALECTS)('document input on %s', (kind) => {
  let env: TestEnv;
  let org: TestOrg;
  beforeAll(async () => {
    env = await testEnv(kind);
    org = await buildOrg(env.app, env.handle);
  });
  afterAll(() => env?.close());

  const allCounts = async () => ({ ...(await writeCounts(env.handle)), ...(await documentCounts(env.handle)) });
  const fieldsOf = (res: { json(): { errors?: { field: string }[] } }) => (res.json().errors ?? []).map((e) => e.field);
  /** Sends as `c`; expects the status, a problem+json, `field` named (when given), and no row written anywhere. */
  async function refused(c: Caller, method: string, url: string, body: unknown, status: number, field?: string) {
    const before = await allCounts();
    const res = await c.request(method as 'POST', url, body);
    const what = `${method} ${url} ${JSON.stringify(body)?.slice(0, 200)} → ${res.statusCode} ${res.body.slice(0, 300)}`;
    expect(res.statusCode, what).toBe(status);
    expect(res.headers['content-type'], what).toContain('application/problem+json');
    if (field) expect(fieldsOf(res), what).toContain(field);
    expect(await allCounts(), `${what}: nothing written`).toEqual(before);
    return res;
  }
  const roleFor = (r: RouteEntry) => ROLES.find((role) => can(role, r.permission!))!;

  it('the document routes with a body are all here', () => {
    expect(bodyRoutes.map(routeKey)).toEqual(
      expect.arrayContaining([
        'POST /api/v1/orgs/:org/documents',
        'PUT /api/v1/orgs/:org/documents/:id/people',
        'POST /api/v1/orgs/:org/documents/:id/acknowledge',
        'POST /api/v1/orgs/:org/documents/:id/disposal/decision',
      ]),
    );
  });

  it.each(bodyRoutes.map((r) => [routeKey(r), r] as const))(
    '%s: wrong types, bad options, long text and unknown fields are named; nothing written',
    async (_k, route) => {
      const role = roleFor(route);
      const { url, body } = await validRequest(route, { env, org, role });
      if (isRawBody(body) || !body) throw new Error('a JSON body was expected');
      const schema = jsonBody(route)!;
      for (const [prop, propSchema] of Object.entries(schema.properties ?? {})) {
        for (const [, wrong] of wrongValues(propSchema)) {
          const res = await refused(org.as[role], route.method, url, { ...body, [prop]: wrong }, 400);
          expect(
            fieldsOf(res).some((f) => f === `body.${prop}` || f.startsWith(`body.${prop}.`)),
            `${prop}: ${res.body.slice(0, 200)}`,
          ).toBe(true);
        }
      }
      const unknown = await refused(
        org.as[role],
        route.method,
        url,
        { ...body, status: 'published', orgId: crypto.randomUUID() },
        400,
      );
      // (the server-kept status is not a field a client may send on any document route)
      expect(fieldsOf(unknown).sort()).toEqual(
        Object.keys(schema.properties ?? {}).includes('status') ? ['body.orgId'] : ['body.orgId', 'body.status'],
      );
    },
  );

  it.each(idRoutes.map((r) => [routeKey(r), r] as const))(
    '%s: ids that are not uuids are named in the path; nothing written',
    async (_k, route) => {
      const { body } = await validRequest(route, { env, org, role: roleFor(route) });
      for (const param of recordParams(route.url)) {
        for (const bad of ['DOC-001', '1 OR 1=1', '00000000-0000-4000-8000-00000000000g']) {
          const values = { org: org.slug, id: crypto.randomUUID(), no: '1', [param]: bad };
          await refused(
            org.as[roleFor(route)],
            route.method,
            fillUrl(route.url, values),
            isRawBody(body) ? undefined : body,
            400,
            `path.${param}`,
          );
        }
      }
    },
  );

  it('Markdown is stored and answered verbatim, as JSON: the API transforms no content', async () => {
    // rendering it safely is the web's job (markdown unit tests) and the exports' (document-exports.test.ts)
    const text = MALICIOUS.join('\n\n');
    const doc = await createDocument(org, { title: MALICIOUS[0], purpose: text });
    const base = `${docsPath(org)}/${doc.id}`;
    const saved = await org.as.contributor.request('PUT', `${base}/draft`, {
      content: { summary: text, scope: MALICIOUS[2] },
      changeNote: MALICIOUS[1],
    });
    expect(saved.statusCode, saved.body).toBe(200);
    for (const url of [
      base,
      `${base}/versions/1`,
      `${docsPath(org)}?q=${encodeURIComponent('<script>')}`,
      `${docsPath(org)}/tree`,
    ]) {
      const res = await org.as.viewer.get(url);
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['content-type'], url).toMatch(/^application\/json/);
    }
    expect((await org.as.viewer.get(base)).json()).toMatchObject({ title: MALICIOUS[0], purpose: text });
    const v = (await org.as.viewer.get(`${base}/versions/1`)).json();
    expect(v.content).toMatchObject({ summary: text, scope: MALICIOUS[2] });
    expect(v.changeNote).toBe(MALICIOUS[1]);
    const stored = await env.handle.db
      .selectFrom('recordVersions')
      .select('content')
      .where('recordId', '=', doc.id)
      .executeTakeFirstOrThrow();
    expect(JSON.parse(stored.content).summary).toBe(text);
  });

  it('only a policy can be the information security policy, and only one per organization', async () => {
    await refused(
      org.as.isms_manager,
      'POST',
      docsPath(org),
      { title: 'ISP', type: 'topic_policy', isSecurityPolicy: true },
      400,
      'body.isSecurityPolicy',
    );
    const first = await createDocument(org, {
      title: 'Information security policy',
      type: 'policy',
      isSecurityPolicy: true,
    });
    await refused(
      org.as.isms_manager,
      'POST',
      docsPath(org),
      { title: 'Second ISP', type: 'policy', isSecurityPolicy: true },
      409,
      'body.isSecurityPolicy',
    );
    const general = await createDocument(org, { title: 'General policy', type: 'policy' });
    await refused(
      org.as.isms_manager,
      'PATCH',
      `${docsPath(org)}/${general.id}`,
      { isSecurityPolicy: true },
      409,
      'body.isSecurityPolicy',
    );
    await refused(
      org.as.isms_manager,
      'PATCH',
      `${docsPath(org)}/${first.id}`,
      { type: 'topic_policy' },
      400,
      'body.isSecurityPolicy',
    );
    // archiving the first frees the place
    expect((await org.as.isms_manager.del(`${docsPath(org)}/${first.id}`)).statusCode).toBe(204);
    expect(
      (await org.as.isms_manager.patch(`${docsPath(org)}/${general.id}`, { isSecurityPolicy: true })).statusCode,
    ).toBe(200);
  });

  it('refuses a hierarchy that loops back on itself', async () => {
    const a = await createDocument(org, { title: 'A' });
    const b = await createDocument(org, { title: 'B', parentId: a.id });
    const c = await createDocument(org, { title: 'C', parentId: b.id });
    await refused(org.as.isms_manager, 'PATCH', `${docsPath(org)}/${a.id}`, { parentId: b.id }, 400, 'body.parentId');
    await refused(org.as.isms_manager, 'PATCH', `${docsPath(org)}/${a.id}`, { parentId: c.id }, 400, 'body.parentId');
    await refused(org.as.isms_manager, 'PATCH', `${docsPath(org)}/${a.id}`, { parentId: a.id }, 400, 'body.parentId');
    await refused(
      org.as.isms_manager,
      'POST',
      docsPath(org),
      { title: 'Orphan', type: 'procedure', parentId: crypto.randomUUID() },
      400,
      'body.parentId',
    );
    // moving a branch elsewhere is fine
    const d = await createDocument(org, { title: 'D' });
    expect((await org.as.isms_manager.patch(`${docsPath(org)}/${b.id}`, { parentId: d.id })).statusCode).toBe(200);
    expect((await org.as.isms_manager.patch(`${docsPath(org)}/${a.id}`, { parentId: c.id })).statusCode).toBe(200);
  });

  it('an external document has an external origin and names its source', async () => {
    const explicit = await org.as.contributor.post(docsPath(org), {
      title: 'Supplier terms',
      type: 'external',
      origin: 'external',
      source: 'Supplier Ltd',
    });
    expect(explicit.statusCode, explicit.body).toBe(201);
    await refused(
      org.as.contributor,
      'PATCH',
      `${docsPath(org)}/${explicit.json().id}`,
      { source: null },
      400,
      'body.source',
    );
    await refused(
      org.as.contributor,
      'PATCH',
      `${docsPath(org)}/${explicit.json().id}`,
      { origin: 'internal' },
      400,
      'body.origin',
    );
    await refused(
      org.as.contributor,
      'POST',
      docsPath(org),
      { title: 'Regulator guidance', type: 'guideline', origin: 'external' },
      400,
      'body.source',
    );
    await refused(
      org.as.contributor,
      'POST',
      docsPath(org),
      { title: 'Supplier terms', type: 'external', origin: 'internal', source: 'Supplier Ltd' },
      400,
      'body.origin',
    );
    // the type says it: origin need not be sent (the server sets it), the source must
    const implied = await org.as.contributor.post(docsPath(org), {
      title: 'Customer security schedule',
      type: 'external',
      source: 'Big Customer plc',
    });
    expect(implied.statusCode, implied.body).toBe(201);
    expect(implied.json()).toMatchObject({ origin: 'external', source: 'Big Customer plc' });
    await refused(
      org.as.contributor,
      'POST',
      docsPath(org),
      { title: 'Customer security schedule', type: 'external' },
      400,
      'body.source',
    );
    await refused(
      org.as.contributor,
      'POST',
      docsPath(org),
      { title: 'Supplier terms', type: 'external', source: '   ' },
      400,
      'body.source',
    );
  });
});
