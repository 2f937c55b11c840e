import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { can } from '../../src/schema/auth/permissions.js';
import { ROLES } from '../../src/schema/auth/roles.js';
import { testEnv, type TestEnv } from '../helpers/app.js';
import { DIALECTS } from '../helpers/databases.js';
import { addMembership, buildAction, buildOrg, writeCounts, type TestOrg } from '../helpers/factories.js';
import { caller } from '../helpers/http.js';
import {
  buildToken,
  fillUrl,
  isOrgRoute,
  loadRouteCatalog,
  makeParams,
  recordKind,
  recordParams,
  requiredQueryParams,
  routeKey,
  send,
  validBody,
  validQuery,
  validRequest,
} from '../helpers/routes.js';

/**
 * One organization never sees or touches another's records. Driven by the route catalog: a new route with a
 * record parameter is covered as soon as test/helpers/routes.ts knows how to make that record.
 */
const catalog = await loadRouteCatalog();
const orgRoutes = catalog.filter(isOrgRoute);
const recordRoutes = orgRoutes.filter((r) => recordParams(r.url).length > 0);
const readRoutes = orgRoutes.filter((r) => r.method === 'GET' && recordParams(r.url).length === 0);

describe.each(DIALECTS)('tenant isolation on %s', (kind) => {
  let env: TestEnv;
  let A: TestOrg;
  let B: TestOrg;
  /** strings that only B's data contains; none may appear in anything A reads */
  const bMarkers: string[] = [];
  const aMarkers: string[] = [];
  beforeAll(async () => {
    env = await testEnv(kind);
    A = await buildOrg(env.app, env.handle, 'Alpha Corp');
    B = await buildOrg(env.app, env.handle, 'Bravo Corp');
    for (const [org, markers] of [
      [A, aMarkers],
      [B, bMarkers],
    ] as const) {
      markers.push(org.id, org.slug, org.name);
      for (const u of Object.values(org.users)) markers.push(u.id, u.email);
      // records of every kind, in both organizations
      const uuid = /^[0-9a-f-]{36}$/;
      for (const r of recordRoutes)
        markers.push(
          ...Object.values(await makeParams(r.url, { env, org, role: 'admin' })).filter((v) => uuid.test(v)),
        );
      const action = await buildAction(org.as.admin, org.slug, {
        title: `${org.name} only action`,
        ownerId: org.users.contributor.id,
      });
      markers.push(action.id, action.title as string);
      const token = await buildToken(org.as.contributor, org.slug);
      markers.push(token.id, token.prefix);
    }
  });
  afterAll(() => env?.close());

  it('the catalog has record routes to check', () => {
    expect(recordRoutes.map(routeKey)).toEqual(
      expect.arrayContaining([
        'PATCH /api/v1/orgs/:org/actions/:id',
        'DELETE /api/v1/orgs/:org/members/:userId',
        'DELETE /api/v1/orgs/:org/tokens/:id',
        'DELETE /api/v1/orgs/:org/links/:id',
      ]),
    );
  });

  it.each(recordRoutes.map((r) => [routeKey(r), r] as const))(
    "%s on A's slug with B's record: not found, nothing written, B's record intact",
    async (_key, route) => {
      // the caller holds the route's permission in A, so only the foreign record can stop it
      const role = ROLES.find((r) => can(r, route.permission!))!;
      const made = await makeParams(route.url, { env, org: B, role });
      const body = await validBody(route, { env, org: B, role }, made);
      const url = fillUrl(route.url, { ...made, org: A.slug }) + (await validQuery(route, { env, org: B, role }, made));
      const snapshots: [string, unknown][] = [];
      for (const p of recordParams(route.url))
        snapshots.push([p, await recordKind(route.url, p).snapshot(env.handle, made)]);
      const before = await writeCounts(env.handle);
      const res = await send(A.as[role], route.method, url, body);
      expect([403, 404], `${route.method} ${url} → ${res.statusCode} ${res.body}`).toContain(res.statusCode);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(await writeCounts(env.handle)).toEqual(before);
      for (const [p, snap] of snapshots) {
        expect(snap, `B's ${p} exists`).toBeTruthy();
        expect(await recordKind(route.url, p).snapshot(env.handle, made), `B's ${p} unchanged`).toEqual(snap);
      }
    },
  );

  it.each(orgRoutes.map((r) => [routeKey(r), r] as const))(
    "%s on B's slug as A's admin: 404, as for an organization that does not exist",
    async (_key, route) => {
      const { url, body } = await validRequest(route, { env, org: B, role: 'admin' });
      const before = await writeCounts(env.handle);
      const res = await send(A.as.admin, route.method, url, body);
      expect(res.statusCode, `${route.method} ${url} → ${res.body}`).toBe(404);
      expect(await writeCounts(env.handle)).toEqual(before);
      const ghost = await send(A.as.admin, route.method, url.replace(`/orgs/${B.slug}`, '/orgs/no-such-org'), body);
      expect(ghost.statusCode).toBe(404);
      expect(res.json()).toEqual(ghost.json());
    },
  );

  it.each(readRoutes.map((r) => [routeKey(r), r] as const))(
    "%s on A's slug shows A's data and nothing of B's",
    async (_key, route) => {
      const { url } = await validRequest(route, { env, org: A, role: 'admin' });
      const res = await A.as.admin.get(url);
      expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
      const leaked = bMarkers.filter((m) => res.body.includes(m));
      expect(leaked, `${url} shows B's data`).toEqual([]);
      // one JSON document (not newline-delimited JSON, whose lines the marker check above already read)
      const json = /^application\/(problem\+)?json/.test(String(res.headers['content-type'] ?? '')) ? res.json() : null;
      if (json && Array.isArray(json.items)) {
        expect(json.items.length, `${url} lists A's records`).toBeGreaterThan(0);
        expect(aMarkers.some((m) => res.body.includes(m))).toBe(true);
      }
    },
  );

  it("filters that name B's records find nothing in A", async () => {
    const bAction = await buildAction(B.as.admin, B.slug);
    const q = async (url: string) => (await A.as.admin.get(`/api/v1/orgs/${A.slug}${url}`)).json();
    expect((await q(`/links?type=action&id=${bAction.id}`)).items).toEqual([]);
    expect((await q(`/actions?ownerId=${B.users.admin.id}`)).items).toEqual([]);
    expect((await q(`/audit-events?entityId=${bAction.id}`)).items).toEqual([]);
    expect((await q(`/audit-events?actor=${B.users.admin.id}`)).items).toEqual([]);
  });

  it("A cannot point its own records at B's: owners and sources of another organization are rejected", async () => {
    const bAction = await buildAction(B.as.admin, B.slug);
    const before = await writeCounts(env.handle);
    const owner = await A.as.admin.post(`/api/v1/orgs/${A.slug}/actions`, { title: 'x', ownerId: B.users.viewer.id });
    expect(owner.statusCode).toBe(400);
    expect(owner.json().errors.map((e: { field: string }) => e.field)).toEqual(['body.ownerId']);
    const source = await A.as.admin.post(`/api/v1/orgs/${A.slug}/actions`, {
      title: 'x',
      sourceType: 'action',
      sourceId: bAction.id,
    });
    expect(source.statusCode).toBe(400);
    expect(source.json().errors.map((e: { field: string }) => e.field)).toEqual(['body.sourceId']);
    const mine = await buildAction(A.as.admin, A.slug);
    const patch = await A.as.admin.patch(`/api/v1/orgs/${A.slug}/actions/${mine.id}`, { ownerId: B.users.viewer.id });
    expect(patch.statusCode).toBe(400);
    expect(await writeCounts(env.handle)).toEqual({
      ...before,
      actions: before.actions + 1,
      auditEvents: before.auditEvents + 1,
    });
  });

  it('an API token of A does not open B, even for a person who is a member of both', async () => {
    await addMembership(env.handle, B.id, A.users.contributor.id, 'admin');
    const token = await buildToken(A.as.contributor, A.slug);
    const bearer = caller(env.app, { authorization: `Bearer ${token.token}` });
    expect((await bearer.get(`/api/v1/orgs/${A.slug}/actions`)).statusCode).toBe(200);
    const urls: string[] = [];
    for (const route of orgRoutes.filter((r) => r.method === 'GET'))
      urls.push((await validRequest(route, { env, org: B, role: 'admin' })).url);
    const before = await writeCounts(env.handle);
    for (const url of urls) expect((await bearer.get(url)).statusCode, url).toBe(404);
    const post = await bearer.post(`/api/v1/orgs/${B.slug}/actions`, { title: 'through A token' });
    expect(post.statusCode).toBe(404);
    expect((await bearer.get('/api/v1/orgs')).json().items.map((o: { slug: string }) => o.slug)).toEqual([A.slug]);
    // the session of the same person does open B
    expect((await A.as.contributor.get(`/api/v1/orgs/${B.slug}/actions`)).statusCode).toBe(200);
    expect(await writeCounts(env.handle)).toEqual(before);
  });

  it('required query parameters are known for every read route', () => {
    for (const r of readRoutes) expect(Array.isArray(requiredQueryParams(env.app, r))).toBe(true);
  });
});
