import crypto from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { documentAccessSuite, READERS } from '../helpers/document-access-suite.js';
import { DIALECTS } from '../helpers/databases.js';
import {
  approveDocument,
  docsPath,
  documentCounts,
  documentSnapshot,
  publishDocument,
} from '../helpers/document-factories.js';
import { buildOrg, writeCounts, type TestOrg } from '../helpers/factories.js';
import { type Caller } from '../helpers/http.js';
import {
  fillUrl,
  loadRouteCatalog,
  makeParams,
  recordParams,
  routeKey,
  send,
  validBody,
  validQuery,
} from '../helpers/routes.js';

/**
 * Who may read a document (7.5.3 b) and who may change it: the expectations are written out in
 * test/helpers/document-access-suite.ts and here, not computed by document-access.ts.
 */

const catalog = await loadRouteCatalog();
const documentRoutes = catalog.filter((r) => r.url.startsWith('/api/v1/orgs/:org/documents'));
const documentIdRoutes = documentRoutes.filter((r) => recordParams(r.url).includes('id'));
const uniq = () => crypto.randomBytes(4).toString('hex');
const fields = (res: { json(): { errors?: { field: string }[] } }) => (res.json().errors ?? []).map((e) => e.field);

describe.each(DIALECTS)('document access: changes, imports and other organizations on %s', (kind) => {
  const s = documentAccessSuite(kind);

  it('acknowledgements list only audience members who may read the document', async () => {
    const res = await s.org.as.admin.post(docsPath(s.org), {
      title: `Confidential notice ${uniq()}`,
      type: 'procedure',
      classification: 'confidential',
    });
    const doc = res.json() as { id: string };
    await publishDocument(s.org, doc.id, { body: 'For the ISMS team' });
    const acks = (await s.org.as.admin.get(`${docsPath(s.org)}/${doc.id}/acknowledgements`)).json();
    expect([...new Set(acks.items.map((i: { role: string }) => i.role))].sort()).toEqual(
      [...READERS.confidential].sort(),
    );
  });

  it('a member who may not read a document cannot change it either: 404, nothing written', async () => {
    const res = await s.org.as.admin.post(docsPath(s.org), {
      title: `Hidden ${uniq()}`,
      type: 'procedure',
      classification: 'restricted',
    });
    const doc = res.json() as { id: string };
    const v = await approveDocument(
      s.org,
      doc.id,
      { body: 'restricted text' },
      { writer: s.org.as.admin, approver: s.admin2 },
    );
    const base = `${docsPath(s.org)}/${doc.id}`;
    // and version 2 awaiting approval
    const v2 = (
      await s.org.as.admin.request('PUT', `${base}/draft`, {
        content: { body: 'restricted text, v2' },
        stage: 'in_review',
      })
    ).json() as { versionNo: number; contentHash: string };
    expect(v2.versionNo).toBe(2);
    const snapshot = await documentSnapshot(s.env.handle, doc.id);
    const calls: [Caller, 'PATCH' | 'PUT' | 'POST' | 'DELETE', string, unknown][] = [
      [s.org.as.contributor, 'PATCH', base, { title: 'Mine now' }],
      [
        s.org.as.contributor,
        'PUT',
        `${base}/people`,
        { approverIds: [], audienceUserIds: [s.org.users.contributor.id], audienceRoles: [] },
      ],
      [s.org.as.contributor, 'POST', `${base}/reviews`, { outcome: 'revise', note: 'peek' }],
      [s.org.as.viewer, 'POST', `${base}/acknowledge`, { versionNo: v.versionNo, contentHash: v.contentHash }],
      [s.org.as.isms_manager, 'POST', `${base}/publish`, { versionNo: v.versionNo }],
      [s.org.as.isms_manager, 'POST', `${base}/withdraw`, { reason: 'peek' }],
      [s.org.as.isms_manager, 'DELETE', base, undefined],
      [s.org.as.approver, 'POST', `${base}/versions/2/approve`, { contentHash: v2.contentHash }],
      [s.org.as.contributor, 'PUT', `${base}/draft`, { content: { body: 'overwritten' }, stage: 'in_review' }],
    ];
    // every call is tried (one leak must not hide another); the document has not moved after any of them
    const leaks: string[] = [];
    for (const [c, method, url, body] of calls) {
      const r = await c.request(method, url, body);
      const what = `${method} ${url.replace(base, '…')} → ${r.statusCode}`;
      if (r.statusCode !== 404 || r.body.includes('restricted text')) leaks.push(what);
      const now = await documentSnapshot(s.env.handle, doc.id);
      const changed = (Object.keys(snapshot) as (keyof typeof snapshot)[]).filter(
        (k) => JSON.stringify(now[k]) !== JSON.stringify(snapshot[k]),
      );
      if (changed.length) leaks.push(`${what} changed its ${changed.join(', ')}`);
    }
    expect(leaks).toEqual([]);
  });

  it('an import does not reveal a document the importer may not read (its reference is unknown to them)', async () => {
    const res = await s.org.as.admin.post(docsPath(s.org), {
      title: 'Merger plan',
      type: 'plan',
      classification: 'restricted',
    });
    const hidden = res.json() as { id: string; ref: string };
    const dryRun = async (title: string) => {
      const r = await s.org.as.contributor.request(
        'POST',
        `${docsPath(s.org)}/import?dryRun=true`,
        `ref,title,type\n${hidden.ref},${title},plan\n`,
        { 'content-type': 'text/csv' },
      );
      expect(r.statusCode, r.body).toBe(200);
      return r.json() as { unchanged: number; updated: number; errors: { field: string; message: string }[] };
    };
    const right = await dryRun('Merger plan');
    const wrong = await dryRun('Something else');
    // answered like a reference that does not exist, whatever the guess
    expect(right).toMatchObject({ unchanged: 0, updated: 0 });
    expect(right.errors.map((e) => e.field)).toEqual(['ref']);
    expect(right).toEqual(wrong);
  });

  describe('another organization', () => {
    let other: TestOrg;
    beforeAll(async () => {
      other = await buildOrg(s.env.app, s.env.handle, `Other ${uniq()}`);
    });

    it.each(documentIdRoutes.map((r) => [routeKey(r), r] as const))(
      "%s with the other organization's document: 404, nothing written",
      async (_key, route) => {
        // the other organization's document, brought into the state the route needs there
        const made = await makeParams(route.url, { env: s.env, org: other, role: 'admin' });
        const body = await validBody(route, { env: s.env, org: other, role: 'admin' }, made);
        const url =
          fillUrl(route.url, { ...made, org: s.org.slug }) +
          (await validQuery(route, { env: s.env, org: other, role: 'admin' }, made));
        const snapshot = await documentSnapshot(s.env.handle, made.id!);
        const before = { ...(await writeCounts(s.env.handle)), ...(await documentCounts(s.env.handle)) };
        const res = await send(s.org.as.admin, route.method, url, body);
        expect(res.statusCode, `${route.method} ${url} → ${res.body.slice(0, 300)}`).toBe(404);
        expect(res.headers['content-type']).toContain('application/problem+json');
        expect({ ...(await writeCounts(s.env.handle)), ...(await documentCounts(s.env.handle)) }).toEqual(before);
        expect(await documentSnapshot(s.env.handle, made.id!)).toEqual(snapshot);
      },
    );

    it("the other organization's documents and people cannot be pointed at", async () => {
      const theirs = await other.as.admin.post(docsPath(other), {
        title: `Their policy ${uniq()}`,
        type: 'topic_policy',
      });
      const theirDoc = theirs.json() as { id: string };
      await approveDocument(other, theirDoc.id);
      const mine = (
        await s.org.as.admin.post(docsPath(s.org), { title: `Mine ${uniq()}`, type: 'procedure' })
      ).json() as {
        id: string;
      };
      const before = { ...(await writeCounts(s.env.handle)), ...(await documentCounts(s.env.handle)) };
      const refused: [string, string, unknown, string][] = [
        ['POST', docsPath(s.org), { title: 'Under theirs', type: 'procedure', parentId: theirDoc.id }, 'body.parentId'],
        ['PATCH', `${docsPath(s.org)}/${mine.id}`, { parentId: theirDoc.id }, 'body.parentId'],
        ['PATCH', `${docsPath(s.org)}/${mine.id}`, { ownerId: other.users.admin.id }, 'body.ownerId'],
        [
          'PUT',
          `${docsPath(s.org)}/${mine.id}/people`,
          { approverIds: [other.users.approver.id] },
          'body.approverIds.0',
        ],
        [
          'PUT',
          `${docsPath(s.org)}/${mine.id}/people`,
          { audienceUserIds: [other.users.viewer.id] },
          'body.audienceUserIds.0',
        ],
        [
          'POST',
          `/api/v1/orgs/${s.org.slug}/links`,
          { fromType: 'document', fromId: mine.id, toType: 'document', toId: theirDoc.id },
          'body.toId',
        ],
        ['POST', `${docsPath(s.org)}/evidence-package`, { documentIds: [theirDoc.id] }, 'body.documentIds.0'],
      ];
      for (const [method, url, body, field] of refused) {
        const res = await s.org.as.admin.request(method as 'POST', url, body);
        expect(res.statusCode, `${method} ${url} → ${res.body}`).toBe(400);
        expect(fields(res), `${method} ${url}`).toEqual([field]);
      }
      for (const filter of [
        `parentId=${theirDoc.id}`,
        `ownerId=${other.users.isms_manager.id}`,
        `authorId=${other.users.isms_manager.id}`,
      ]) {
        expect((await s.org.as.admin.get(`${docsPath(s.org)}?${filter}`)).json().items, filter).toEqual([]);
      }
      expect({ ...(await writeCounts(s.env.handle)), ...(await documentCounts(s.env.handle)) }).toEqual(before);
    });

    it("lists, tree, to-read, disposals and exports show nothing of the other organization's", async () => {
      const title = `Other org secret ${uniq()}`;
      const theirs = (
        await other.as.admin.post(docsPath(other), {
          title,
          type: 'procedure',
          classification: 'public',
          retentionMonths: 0,
        })
      ).json() as { id: string };
      await publishDocument(other, theirs.id, { body: 'x' });
      await other.as.isms_manager.post(`${docsPath(other)}/${theirs.id}/withdraw`, { reason: 'x' });
      expect(
        (await other.as.isms_manager.post(`${docsPath(other)}/${theirs.id}/disposal`, { reason: 'x' })).statusCode,
      ).toBe(200);
      for (const path of [
        '',
        '/tree',
        '/to-read',
        '/disposals',
        '/export.csv',
        `?q=${encodeURIComponent(title)}`,
        '?disposalDue=true',
        '?policies=true',
      ]) {
        const res = await s.org.as.admin.get(`${docsPath(s.org)}${path}`);
        expect(res.statusCode, path).toBe(200);
        expect(res.body, path).not.toContain(title);
        expect(res.body, path).not.toContain(theirs.id);
      }
    });
  });
});
