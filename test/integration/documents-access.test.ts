import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../../src/schema/auth/roles.js';
import { CLASSIFICATIONS, documentAccessSuite, READERS } from '../helpers/document-access-suite.js';
import { DIALECTS } from '../helpers/databases.js';
import { docsPath, documentCounts } from '../helpers/document-factories.js';
import { buildAction, PASSWORD, writeCounts } from '../helpers/factories.js';
import { signIn, type Caller } from '../helpers/http.js';
import { buildMember, loadRouteCatalog, routeKey, send, validRequest } from '../helpers/routes.js';

/**
 * Who may read a document (7.5.3 b) and who may change it: the expectations are written out in
 * test/helpers/document-access-suite.ts and here, not computed by document-access.ts.
 */
const EDITORS: readonly Role[] = ['admin', 'isms_manager', 'contributor'];

/** Who may do what to a document they can read (a literal copy of the contract, checked against the server). */
const WRITES: [action: string, route: string, roles: readonly Role[]][] = [
  ['create', 'POST /api/v1/orgs/:org/documents', EDITORS],
  ['update', 'PATCH /api/v1/orgs/:org/documents/:id', EDITORS],
  ['write a draft', 'PUT /api/v1/orgs/:org/documents/:id/draft', EDITORS],
  ['name approvers and audience', 'PUT /api/v1/orgs/:org/documents/:id/people', EDITORS],
  ['approve', 'POST /api/v1/orgs/:org/documents/:id/versions/:no/approve', ['admin', 'isms_manager', 'approver']],
  ['publish', 'POST /api/v1/orgs/:org/documents/:id/publish', ['admin', 'isms_manager']],
  ['withdraw', 'POST /api/v1/orgs/:org/documents/:id/withdraw', ['admin', 'isms_manager']],
  ['remind', 'POST /api/v1/orgs/:org/documents/:id/reminders', ['admin', 'isms_manager']],
  ['review', 'POST /api/v1/orgs/:org/documents/:id/reviews', EDITORS],
  ['dispose', 'POST /api/v1/orgs/:org/documents/:id/disposal', ['admin', 'isms_manager']],
  ['approve_disposal', 'POST /api/v1/orgs/:org/documents/:id/disposal/decision', ['admin', 'approver']],
  ['acknowledge', 'POST /api/v1/orgs/:org/documents/:id/acknowledge', ROLES],
  ['archive', 'DELETE /api/v1/orgs/:org/documents/:id', ['admin', 'isms_manager']],
];

const catalog = await loadRouteCatalog();
const uniq = () => crypto.randomBytes(4).toString('hex');
const fields = (res: { json(): { errors?: { field: string }[] } }) => (res.json().errors ?? []).map((e) => e.field);

describe.each(DIALECTS)('document access on %s', (kind) => {
  const s = documentAccessSuite(kind);

  const cases = CLASSIFICATIONS.flatMap((c) => ROLES.map((role) => [c, role, READERS[c].includes(role)] as const));

  it.each(cases)('%s document, %s: readable = %s, the same on every read', async (classification, role, readable) => {
    const doc = s.docs[classification];
    const c = s.org.as[role];
    const base = `${docsPath(s.org)}/${doc.id}`;
    const what = (s: string) => `${role} reading a ${classification} document: ${s}`;

    for (const suffix of [
      '',
      '/versions',
      '/versions/1',
      '/versions/compare?from=1&to=1',
      '/history',
      '/people',
      '/acknowledgements',
      '/reviews',
      '/disposal',
      '/versions/1/export.docx',
    ]) {
      const res = await c.get(`${base}${suffix}`);
      expect(res.statusCode, what(`GET ${suffix || '/'} → ${res.body.slice(0, 200)}`)).toBe(readable ? 200 : 404);
      if (!readable) expect(res.body, what(suffix)).not.toContain(s.token);
    }
    const list = (await c.get(`${docsPath(s.org)}?q=${s.token}${classification}`)).json();
    expect(list.total, what('search')).toBe(readable ? 1 : 0);
    expect(JSON.stringify(list).includes(doc.id), what('search')).toBe(readable);
    const byRef = (await c.get(`${docsPath(s.org)}?classification=${classification}&pageSize=200`)).json();
    expect(
      byRef.items.some((i: { id: string }) => i.id === doc.id),
      what('filter'),
    ).toBe(readable);
    const tree = (await c.get(`${docsPath(s.org)}/tree`)).json();
    expect(
      tree.items.some((i: { id: string }) => i.id === doc.id),
      what('tree'),
    ).toBe(readable);
    const toRead = (await c.get(`${docsPath(s.org)}/to-read`)).json();
    expect(
      toRead.items.some((i: { id: string }) => i.id === doc.id),
      what('to read'),
    ).toBe(readable);
    for (const format of ['csv']) {
      const exported = await c.get(`${docsPath(s.org)}/export.${format}`);
      expect(exported.statusCode).toBe(200);
      expect(exported.body.includes(`${s.token}${classification}`), what(`export.${format}`)).toBe(readable);
    }
    const fromAction = (await c.get(`/api/v1/orgs/${s.org.slug}/links?type=action&id=${doc.actionId}`)).json();
    expect(
      fromAction.items.some((l: { toId: string }) => l.toId === doc.id),
      what('links from an action'),
    ).toBe(readable);
    expect(JSON.stringify(fromAction).includes(s.token), what('links from an action')).toBe(readable);
    const fromDoc = (await c.get(`/api/v1/orgs/${s.org.slug}/links?type=document&id=${doc.id}`)).json();
    // (editors add links of their own below: count them, not one)
    expect(fromDoc.items.length > 0, what('links of the document')).toBe(readable);

    if (!EDITORS.includes(role)) return;
    // pointing at it: a sub-document, a link
    const before = { ...(await writeCounts(s.env.handle)), ...(await documentCounts(s.env.handle)) };
    const child = await c.post(docsPath(s.org), { title: `Child ${uniq()}`, type: 'procedure', parentId: doc.id });
    const action = await buildAction(s.org.as.admin, s.org.slug);
    const link = await c.post(`/api/v1/orgs/${s.org.slug}/links`, {
      fromType: 'action',
      fromId: action.id,
      toType: 'document',
      toId: doc.id,
    });
    if (readable) {
      expect(child.statusCode, what(child.body)).toBe(201);
      expect(link.statusCode, what(link.body)).toBe(201);
      return;
    }
    expect(child.statusCode, what(child.body)).toBe(400);
    expect(fields(child)).toEqual(['body.parentId']);
    expect(link.statusCode, what(link.body)).toBe(400);
    expect(fields(link)).toEqual(['body.toId']);
    for (const res of [child, link]) expect(res.body).not.toContain(s.token);
    const after = { ...(await writeCounts(s.env.handle)), ...(await documentCounts(s.env.handle)) };
    // only the action made by the admin for the link
    expect(after).toEqual({ ...before, actions: before.actions + 1, auditEvents: before.auditEvents + 1 });
  });

  it('grants beyond the role: owner, author, named approver, audience user and audience role read a restricted document', async () => {
    const owner = await buildMember(s.env.handle, s.org.id, 'viewer');
    const author = await buildMember(s.env.handle, s.org.id, 'contributor');
    const namedApprover = await buildMember(s.env.handle, s.org.id, 'approver');
    const audienceUser = await buildMember(s.env.handle, s.org.id, 'viewer');
    const bystander = await buildMember(s.env.handle, s.org.id, 'contributor');
    const as = async (u: { email: string }) => signIn(s.env.app, u.email, PASSWORD);
    const [asOwner, asAuthor, asNamed, asAudience, asBystander] = (await Promise.all(
      [owner, author, namedApprover, audienceUser, bystander].map(as),
    )) as [Caller, Caller, Caller, Caller, Caller];
    const title = `Board playbook ${uniq()}`;
    const res = await s.org.as.admin.post(docsPath(s.org), {
      title,
      type: 'procedure',
      classification: 'restricted',
      ownerId: owner.id,
      authorId: author.id,
    });
    expect(res.statusCode, res.body).toBe(201);
    const doc = res.json() as { id: string };
    const base = `${docsPath(s.org)}/${doc.id}`;
    const sees = async (c: Caller) => {
      const get = (await c.get(base)).statusCode;
      const listed = (await c.get(`${docsPath(s.org)}?q=${encodeURIComponent(title)}`)).json().total;
      const inTree = (await c.get(`${docsPath(s.org)}/tree`)).json().items.some((i: { id: string }) => i.id === doc.id);
      expect(listed === 1, `${get} ${listed} ${inTree}`).toBe(get === 200);
      expect(inTree).toBe(get === 200);
      return get === 200;
    };
    expect(await sees(asOwner)).toBe(true);
    expect(await sees(asAuthor)).toBe(true);
    for (const c of [
      asNamed,
      asAudience,
      asBystander,
      s.org.as.viewer,
      s.org.as.approver,
      s.org.as.isms_manager,
      s.org.as.auditor,
      s.org.as.contributor,
    ])
      expect(await sees(c)).toBe(false);

    const people = await s.org.as.admin.request('PUT', `${base}/people`, {
      approverIds: [namedApprover.id],
      audienceUserIds: [audienceUser.id],
      audienceRoles: ['viewer'],
    });
    expect(people.statusCode, people.body).toBe(200);
    expect(await sees(asNamed)).toBe(true);
    expect(await sees(asAudience)).toBe(true);
    expect(await sees(s.org.as.viewer)).toBe(true); // by the audience role
    expect(await sees(asOwner)).toBe(true);
    for (const c of [asBystander, s.org.as.approver, s.org.as.isms_manager, s.org.as.auditor, s.org.as.contributor])
      expect(await sees(c)).toBe(false);

    // the grant goes with the naming
    expect(
      (
        await s.org.as.admin.request('PUT', `${base}/people`, {
          approverIds: [],
          audienceUserIds: [],
          audienceRoles: [],
        })
      ).statusCode,
    ).toBe(200);
    for (const c of [asNamed, asAudience, s.org.as.viewer]) expect(await sees(c)).toBe(false);
    // ownership moves the grant: the old owner loses it
    expect((await s.org.as.admin.patch(base, { ownerId: bystander.id })).statusCode).toBe(200);
    expect(await sees(asBystander)).toBe(true);
    expect(await sees(asOwner)).toBe(false);
  });

  it.each(WRITES.map(([action, route, roles]) => [action, route, roles] as const))(
    '%s (%s) is allowed to exactly the roles of the contract',
    async (_action, key, roles) => {
      const route = catalog.find((r) => routeKey(r) === key);
      expect(route, key).toBeDefined();
      for (const role of ROLES) {
        const { url, body } = await validRequest(route!, { env: s.env, org: s.org, role });
        const before = await documentCounts(s.env.handle);
        const res = await send(s.org.as[role], route!.method, url, body);
        const what = `${role} ${key} → ${res.statusCode} ${res.body.slice(0, 200)}`;
        if (roles.includes(role)) {
          expect(res.statusCode, what).toBeGreaterThanOrEqual(200);
          expect(res.statusCode, what).toBeLessThan(300);
        } else {
          expect(res.statusCode, what).toBe(403);
          expect(await documentCounts(s.env.handle), what).toEqual({ ...before, auditEvents: before.auditEvents + 1 });
        }
      }
    },
  );
});
