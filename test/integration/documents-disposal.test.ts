import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VERSIONED_MODULES } from '../../src/core/modules.js';
import { testEnv, type TestEnv } from '../helpers/app.js';
import { DIALECTS } from '../helpers/databases.js';
import {
  approveDocument,
  createDocument,
  docsPath,
  documentCounts,
  documentSnapshot,
  proposedDisposal,
  publishDocument,
  retentionEnded,
} from '../helpers/document-factories.js';
import { buildOrg, type TestOrg } from '../helpers/factories.js';
import { buildRegisterRecord, draftBody } from '../helpers/routes.js';

/**
 * 7.5.3: documents are disposed of only by an approved, audited act that keeps the hashes of what existed, and
 * approved text never changes otherwise, whatever SQL is sent (reviews and retention: documents-retention.test.ts).
 */
const today = () => new Date().toISOString().slice(0, 10);

describe.each(DIALECTS)('document disposal on %s', (kind) => {
  let env: TestEnv;
  let org: TestOrg;
  beforeAll(async () => {
    env = await testEnv(kind);
    org = await buildOrg(env.app, env.handle);
  });
  afterAll(() => env?.close());

  const base = (id: string) => `${docsPath(org)}/${id}`;
  const get = async (id: string) => (await org.as.admin.get(base(id))).json();
  const auditOf = (id: string, type: string) =>
    env.handle.db
      .selectFrom('auditEvents')
      .selectAll()
      .where('entityId', '=', id)
      .where('type', '=', type)
      .orderBy('seq')
      .execute();

  describe('disposal', () => {
    it('is decided by someone other than the proposer; a rejection keeps everything', async () => {
      const doc = await createDocument(org, { retentionMonths: 0 });
      await retentionEnded(org, doc.id);
      expect((await org.as.admin.post(`${base(doc.id)}/disposal`, { reason: 'Ended' })).statusCode).toBe(200);
      const snapshot = await documentSnapshot(env.handle, doc.id);
      const before = await documentCounts(env.handle);
      const self = await org.as.admin.post(`${base(doc.id)}/disposal/decision`, { decision: 'approve' });
      expect(self.statusCode, self.body).toBe(403);
      expect(await documentSnapshot(env.handle, doc.id)).toEqual(snapshot);
      expect((await documentCounts(env.handle)).documentDisposals).toBe(before.documentDisposals);

      const rejected = await org.as.approver.post(`${base(doc.id)}/disposal/decision`, {
        decision: 'reject',
        note: 'Litigation hold',
      });
      expect(rejected.statusCode, rejected.body).toBe(200);
      expect(rejected.json()).toMatchObject({
        state: 'rejected',
        decidedBy: org.users.approver.id,
        decisionNote: 'Litigation hold',
      });
      expect(await documentSnapshot(env.handle, doc.id)).toEqual(snapshot);
      expect((await get(doc.id)).status).toBe('withdrawn');
      expect((await org.as.viewer.get(`${base(doc.id)}/versions/1`)).json().content.summary).toBeTruthy();
      // no decision is left to take; a new proposal can be made
      expect(
        (await org.as.approver.post(`${base(doc.id)}/disposal/decision`, { decision: 'approve' })).statusCode,
      ).toBe(404);
      expect((await org.as.isms_manager.post(`${base(doc.id)}/disposal`, { reason: 'Hold lifted' })).statusCode).toBe(
        200,
      );
      await expect(
        sql`UPDATE record_versions SET state = 'disposed', content = '{}' WHERE record_id = ${doc.id}`.execute(
          env.handle.db,
        ),
        'a proposed disposal opens nothing',
      ).rejects.toThrow(/cannot be changed/);
    });

    it('approved: empties every version, keeps hashes, approvals and the audit record of what existed', async () => {
      const doc = await createDocument(org, { retentionMonths: 0, purpose: 'Secret purpose' });
      const v1 = await publishDocument(org, doc.id, { summary: 'First text' });
      const v2 = await approveDocument(org, doc.id, { summary: 'Second text' }); // v1 superseded
      expect((await org.as.isms_manager.post(`${base(doc.id)}/withdraw`, { reason: 'Replaced' })).statusCode).toBe(200);
      // a draft in progress goes too
      expect(
        (
          await org.as.isms_manager.request('PUT', `${base(doc.id)}/draft`, {
            content: { summary: 'Unfinished third' },
          })
        ).statusCode,
      ).toBe(200);
      const approvalsBefore = (await documentSnapshot(env.handle, doc.id)).approvals;
      expect(approvalsBefore.length).toBe(2);
      const proposed = await org.as.isms_manager.post(`${base(doc.id)}/disposal`, { reason: 'Retention ended' });
      expect(proposed.statusCode, proposed.body).toBe(200);

      const decided = await org.as.admin.post(`${base(doc.id)}/disposal/decision`, {
        decision: 'approve',
        note: 'Destroy',
      });
      expect(decided.statusCode, decided.body).toBe(200);
      expect(decided.json()).toMatchObject({
        state: 'approved',
        decidedBy: org.users.admin.id,
        proposedBy: org.users.isms_manager.id,
      });
      expect(decided.json().versions).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ versionNo: 1, contentHash: v1.contentHash }),
          expect.objectContaining({ versionNo: 2, contentHash: v2.contentHash }),
        ]),
      );

      const after = await documentSnapshot(env.handle, doc.id);
      expect(
        after.versions.every((v) => v.content === '{}'),
        JSON.stringify(after.versions.map((v) => v.content)),
      ).toBe(true);
      expect(after.versions.filter((v) => v.versionNo <= 2).map((v) => [v.versionNo, v.state, v.contentHash])).toEqual([
        [1, 'disposed', v1.contentHash],
        [2, 'disposed', v2.contentHash],
      ]);
      expect(after.approvals).toEqual(approvalsBefore);
      expect(after.row).toMatchObject({ status: 'disposed', disposedOn: today(), purpose: null });
      expect(JSON.stringify(after)).not.toMatch(/First text|Second text|Unfinished third|Secret purpose/);

      const [proposedEvent] = await auditOf(doc.id, 'document.disposal_proposed');
      expect(JSON.parse(proposedEvent!.payload)).toMatchObject({ reason: 'Retention ended' });
      const [disposedEvent] = await auditOf(doc.id, 'document.disposed');
      const payload = JSON.parse(disposedEvent!.payload) as { versions: { versionNo: number; contentHash: string }[] };
      expect(payload.versions).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ versionNo: 1, contentHash: v1.contentHash }),
          expect.objectContaining({ versionNo: 2, contentHash: v2.contentHash }),
        ]),
      );
      expect(disposedEvent!.actorId).toBe(org.users.admin.id);

      // what stays readable: the register row and the disposal record; nothing more can happen to it
      expect((await org.as.viewer.get(`${base(doc.id)}/disposal`)).json().current).toMatchObject({ state: 'approved' });
      for (const [method, url, body] of [
        ['POST', `${base(doc.id)}/publish`, { versionNo: 2 }],
        ['PATCH', base(doc.id), { title: 'Back' }],
        ['POST', `${base(doc.id)}/disposal`, { reason: 'again' }],
      ] as const) {
        expect((await org.as.admin.request(method, url, body)).statusCode, url).toBe(409);
      }
      // the database keeps the emptied versions as they are
      await expect(
        sql`UPDATE record_versions SET content = '{"summary":"resurrected"}' WHERE record_id = ${doc.id} AND version_no = 1`.execute(
          env.handle.db,
        ),
      ).rejects.toThrow(/cannot be changed/);
      await expect(
        sql`UPDATE record_versions SET state = 'approved' WHERE record_id = ${doc.id} AND version_no = 2`.execute(
          env.handle.db,
        ),
      ).rejects.toThrow(/cannot be changed/);
      await expect(sql`DELETE FROM record_versions WHERE record_id = ${doc.id}`.execute(env.handle.db)).rejects.toThrow(
        /cannot be deleted/,
      );
    });

    it("an approved document disposal opens no other version: another document's, or another register's", async () => {
      const disposed = await createDocument(org, { retentionMonths: 0 });
      await proposedDisposal(org, disposed.id);
      expect(
        (await org.as.approver.post(`${base(disposed.id)}/disposal/decision`, { decision: 'approve' })).statusCode,
      ).toBe(200);

      const other = await createDocument(org);
      await approveDocument(org, other.id, { summary: 'Kept' });
      const scopeVm = VERSIONED_MODULES.find((v) => v.register.def.entity === 'scope')!;
      const scope = await buildRegisterRecord(org.as.admin, org, scopeVm.register);
      const draft = await org.as.admin.request(
        'PUT',
        `/api/v1/orgs/${org.slug}/scopes/${scope.id}/draft`,
        draftBody(scopeVm),
      );
      expect(draft.statusCode, draft.body).toBe(200);
      expect(
        (
          await org.as.approver.post(
            `/api/v1/orgs/${org.slug}/scopes/${scope.id}/versions/${draft.json().versionNo}/approve`,
            { contentHash: draft.json().contentHash },
          )
        ).statusCode,
      ).toBe(200);

      const versions = () =>
        env.handle.db
          .selectFrom('recordVersions')
          .selectAll()
          .where('recordId', 'in', [other.id, scope.id])
          .orderBy('recordId')
          .execute();
      const before = await versions();
      const attempts = [
        sql`UPDATE record_versions SET state = 'disposed', content = '{}' WHERE record_id = ${other.id}`,
        sql`UPDATE record_versions SET state = 'disposed', content = '{}' WHERE record_id = ${scope.id}`,
        // moving a version under the disposed document
        sql`UPDATE record_versions SET record_id = ${disposed.id}, state = 'disposed', content = '{}' WHERE record_id = ${scope.id}`,
        sql`UPDATE record_versions SET record_id = ${disposed.id}, entity_type = 'document', state = 'disposed', content = '{}' WHERE record_id = ${other.id}`,
        sql`UPDATE record_versions SET entity_type = 'document', state = 'disposed', content = '{}' WHERE record_id = ${scope.id}`,
      ];
      for (const attempt of attempts) await expect(attempt.execute(env.handle.db)).rejects.toThrow(/cannot be changed/);
      expect(await versions()).toEqual(before);
    });
  });

  it('approved versions are immutable to direct SQL, on both databases', async () => {
    const doc = await createDocument(org);
    const v = await publishDocument(org, doc.id, { summary: 'Binding text' });
    const row = () =>
      env.handle.db
        .selectFrom('recordVersions')
        .selectAll()
        .where('recordId', '=', doc.id)
        .where('versionNo', '=', v.versionNo)
        .executeTakeFirstOrThrow();
    const before = await row();
    for (const change of [
      sql`UPDATE record_versions SET content = '{"summary":"Edited"}' WHERE record_id = ${doc.id}`,
      sql`UPDATE record_versions SET content_hash = ${'0'.repeat(64)} WHERE record_id = ${doc.id}`,
      sql`UPDATE record_versions SET state = 'draft' WHERE record_id = ${doc.id}`,
      sql`UPDATE record_versions SET state = 'disposed', content = '{}' WHERE record_id = ${doc.id}`,
      sql`UPDATE record_versions SET version_no = 9 WHERE record_id = ${doc.id}`,
      sql`UPDATE record_versions SET approved_at = NULL WHERE record_id = ${doc.id}`,
    ]) {
      await expect(change.execute(env.handle.db)).rejects.toThrow(/cannot be changed/);
    }
    // nor moved to another record type or organization
    const elsewhere = await buildOrg(env.app, env.handle);
    const moved: string[] = [];
    for (const [what, change] of [
      ['entity_type', sql`UPDATE record_versions SET entity_type = 'scope' WHERE record_id = ${doc.id}`],
      ['org_id', sql`UPDATE record_versions SET org_id = ${elsewhere.id} WHERE record_id = ${doc.id}`],
    ] as const) {
      if (
        await change.execute(env.handle.db).then(
          () => true,
          () => false,
        )
      )
        moved.push(what);
    }
    expect(moved, 'columns of an approved version that direct SQL could change').toEqual([]);
    await expect(sql`DELETE FROM record_versions WHERE record_id = ${doc.id}`.execute(env.handle.db)).rejects.toThrow(
      /cannot be deleted/,
    );
    await expect(sql`DELETE FROM approvals WHERE record_id = ${doc.id}`.execute(env.handle.db)).rejects.toThrow(
      /append-only/,
    );
    await expect(
      sql`UPDATE document_publications SET content_hash = 'x' WHERE document_id = ${doc.id}`.execute(env.handle.db),
    ).rejects.toThrow(/append-only/);
    expect(await row()).toEqual(before);
  });

  it('the audit chain still verifies after all of it', async () => {
    // the acts whose events the chain must hold, made here so that the test stands alone (in a full run the tests
    // above have added many more, and the chain is verified over all of them)
    const decide = async (id: string, decision: 'approve' | 'reject') => {
      const res = await org.as.approver.post(`${base(id)}/disposal/decision`, { decision, note: 'Decided' });
      expect(res.statusCode, res.body).toBe(200);
    };
    const reviewed = await createDocument(org);
    await publishDocument(org, reviewed.id);
    expect(
      (await org.as.contributor.post(`${base(reviewed.id)}/reviews`, { outcome: 'no_change', note: 'Still fits' }))
        .statusCode,
    ).toBe(200);
    const kept = await createDocument(org);
    await proposedDisposal(org, kept.id);
    await decide(kept.id, 'reject');
    const disposed = await createDocument(org);
    await proposedDisposal(org, disposed.id);
    await decide(disposed.id, 'approve');
    const events = await env.handle.db.selectFrom('auditEvents').select('type').where('orgId', '=', org.id).execute();
    const types = new Set(events.map((e) => e.type));
    for (const t of [
      'document.reviewed',
      'document.withdrawn',
      'document.disposal_proposed',
      'document.disposal_rejected',
      'document.disposed',
      'document.published',
    ])
      expect(types, t).toContain(t);
    const res = await org.as.auditor.get(`/api/v1/orgs/${org.slug}/audit/verify`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ ok: true, checked: events.length, firstBroken: null });
  });
});
