import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEnv, type TestEnv } from '../helpers/app.js';
import { DIALECTS } from '../helpers/databases.js';
import {
  approveDocument,
  createDocument,
  docsPath,
  documentCounts,
  publishDocument,
} from '../helpers/document-factories.js';
import { buildOrg, writeCounts, type TestOrg } from '../helpers/factories.js';
import type { Caller } from '../helpers/http.js';
import { buildMember } from '../helpers/routes.js';

/**
 * Bad input on the document routes about people (documents-input.test.ts has the bodies and the documents' own
 * rules): who acknowledges what, which version is published, who may approve and read. Each refusal names the field
 * and is checked against every table a document route writes.
 */
describe.each(DIALECTS)('document input: people, publication and acknowledgement on %s', (kind) => {
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

  describe('acknowledgement and reminders', () => {
    it('only the audience acknowledges, only the published version, once', async () => {
      const doc = await createDocument(org, { audience: 'people' });
      const base = `${docsPath(org)}/${doc.id}`;
      expect(
        (await org.as.isms_manager.request('PUT', `${base}/people`, { audienceUserIds: [org.users.viewer.id] }))
          .statusCode,
      ).toBe(200);
      const v1 = await approveDocument(org, doc.id, { summary: 'v1' });
      // approved is not published
      await refused(org.as.viewer, 'POST', `${base}/acknowledge`, { versionNo: 1, contentHash: v1.contentHash }, 409);
      expect((await org.as.isms_manager.post(`${base}/publish`, { versionNo: 1 })).statusCode).toBe(200);
      await refused(
        org.as.contributor,
        'POST',
        `${base}/acknowledge`,
        { versionNo: 1, contentHash: v1.contentHash },
        403,
      );
      await refused(
        org.as.viewer,
        'POST',
        `${base}/acknowledge`,
        { versionNo: 2, contentHash: v1.contentHash },
        409,
        'body.versionNo',
      );
      expect(
        (await org.as.viewer.post(`${base}/acknowledge`, { versionNo: 1, contentHash: v1.contentHash })).statusCode,
      ).toBe(200);
      // reminding someone who has acknowledged, or is not in the audience, names them
      const remind = await refused(
        org.as.isms_manager,
        'POST',
        `${base}/reminders`,
        { userIds: [org.users.viewer.id] },
        400,
        'body.userIds.0',
      );
      expect(fieldsOf(remind)).toEqual(['body.userIds.0']);
      const mixed = await refused(
        org.as.isms_manager,
        'POST',
        `${base}/reminders`,
        { userIds: [org.users.viewer.id, org.users.contributor.id, crypto.randomUUID()] },
        400,
      );
      expect(fieldsOf(mixed)).toEqual(['body.userIds.0', 'body.userIds.1', 'body.userIds.2']);

      // version 2 published: acknowledging the old one is refused; the new one is asked for
      await publishDocument(org, doc.id, { summary: 'v2' });
      await refused(
        org.as.viewer,
        'POST',
        `${base}/acknowledge`,
        { versionNo: 1, contentHash: v1.contentHash },
        409,
        'body.versionNo',
      );
      expect(
        (await org.as.viewer.get(`${docsPath(org)}/to-read`)).json().items.map((i: { id: string }) => i.id),
      ).toContain(doc.id);
    });

    it('audience by role: a member of another role is not asked and may not acknowledge', async () => {
      const doc = await createDocument(org, { audience: 'roles' });
      const base = `${docsPath(org)}/${doc.id}`;
      expect(
        (await org.as.isms_manager.request('PUT', `${base}/people`, { audienceRoles: ['contributor', 'auditor'] }))
          .statusCode,
      ).toBe(200);
      const v = await publishDocument(org, doc.id);
      const acks = (await org.as.isms_manager.get(`${base}/acknowledgements`)).json();
      expect(acks.items.map((i: { role: string }) => i.role).sort()).toEqual(['auditor', 'contributor']);
      await refused(
        org.as.viewer,
        'POST',
        `${base}/acknowledge`,
        { versionNo: v.versionNo, contentHash: v.contentHash },
        403,
      );
      expect(
        (await org.as.auditor.post(`${base}/acknowledge`, { versionNo: v.versionNo, contentHash: v.contentHash }))
          .statusCode,
      ).toBe(200);
    });

    it('reminders and acknowledgements need a published document', async () => {
      const doc = await createDocument(org);
      await refused(org.as.isms_manager, 'POST', `${docsPath(org)}/${doc.id}/reminders`, {}, 409);
    });
  });

  it('publishes only an approved version that exists', async () => {
    const doc = await createDocument(org);
    const base = `${docsPath(org)}/${doc.id}`;
    await refused(org.as.isms_manager, 'POST', `${base}/publish`, { versionNo: 1 }, 400, 'body.versionNo');
    const draft = await org.as.isms_manager.request('PUT', `${base}/draft`, {
      content: { summary: 'draft' },
      stage: 'in_review',
    });
    expect(draft.statusCode).toBe(200);
    await refused(org.as.isms_manager, 'POST', `${base}/publish`, { versionNo: 1 }, 409, 'body.versionNo');
    await approveDocument(org, doc.id, { summary: 'draft' });
    expect((await org.as.isms_manager.post(`${base}/publish`, { versionNo: 1 })).statusCode).toBe(200);
    await refused(org.as.isms_manager, 'POST', `${base}/publish`, { versionNo: 1 }, 409);
    await refused(org.as.isms_manager, 'POST', `${base}/withdraw`, { reason: '   ' }, 400, 'body.reason');
  });

  it('names each approver who may not approve, and each audience member who is not a member', async () => {
    const doc = await createDocument(org);
    const outsider = await buildMember(env.handle, (await buildOrg(env.app, env.handle)).id, 'approver');
    const res = await refused(
      org.as.isms_manager,
      'PUT',
      `${docsPath(org)}/${doc.id}/people`,
      {
        approverIds: [org.users.approver.id, org.users.viewer.id, org.users.contributor.id, outsider.id],
        audienceUserIds: [outsider.id],
        audienceRoles: ['viewer'],
      },
      400,
    );
    expect(fieldsOf(res)).toEqual([
      'body.approverIds.1',
      'body.approverIds.2',
      'body.approverIds.3',
      'body.audienceUserIds.0',
    ]);
    await refused(
      org.as.isms_manager,
      'PUT',
      `${docsPath(org)}/${doc.id}/people`,
      { audienceRoles: ['superuser'] },
      400,
      'body.audienceRoles.0',
    );
  });
});
