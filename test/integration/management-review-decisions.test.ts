import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DECISION_DRAFT_TARGETS } from '../../src/schema/management-review/management-review.register.js';
import { testEnv, type TestEnv } from '../helpers/app.js';
import { DIALECTS } from '../helpers/databases.js';
import { buildOrg, type TestOrg } from '../helpers/factories.js';
import { approveDocument } from '../helpers/document-factories.js';
import { answerEveryInput } from '../helpers/management-review-bodies.js';
import {
  buildDecision,
  buildReview,
  decisionsPath,
  reviewsPath,
  saveMinutes,
} from '../helpers/management-review-factories.js';
import { buildRegisterRecord, registerOf } from '../helpers/routes.js';

const COLLECTIONS: Record<(typeof DECISION_DRAFT_TARGETS)[number], string> = {
  scope: 'scopes',
  risk_methodology: 'risk-methodologies',
  soa: 'statements-of-applicability',
  risk_treatment_plan: 'risk-treatment-plans',
  document: 'documents',
  objectives_document: 'objectives-documents',
};

describe.each(DIALECTS)('management review decisions open drafts (9.3.3) on %s', (kind) => {
  let env: TestEnv;
  let org: TestOrg;
  beforeAll(async () => {
    env = await testEnv(kind);
    org = await buildOrg(env.app, env.handle);
  });
  afterAll(() => env?.close());

  const openDraft = (c: TestOrg['as'][keyof TestOrg['as']], decisionId: string, body: unknown) =>
    c.post(`${decisionsPath(org)}/${decisionId}/open-draft`, body);
  const versionCount = async (entityType: string, recordId: string) =>
    Number(
      (
        await env.handle.db
          .selectFrom('recordVersions')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('entityType', '=', entityType)
          .where('recordId', '=', recordId)
          .executeTakeFirstOrThrow()
      ).n,
    );

  it.each(DECISION_DRAFT_TARGETS.map((t) => [t]))(
    'opens the next draft of a %s, then links the open one',
    async (entity) => {
      const review = await buildReview(org);
      const d = await buildDecision(org, review.id, { kind: 'policy_objectives' });
      const target = await buildRegisterRecord(org.as.admin, org, registerOf(entity));
      const first = await openDraft(org.as.isms_manager, d.id, { entity, id: target.id });
      expect(first.statusCode, first.body).toBe(200);
      const opened = first.json();
      expect(opened).toMatchObject({ entity, id: target.id, ref: target.ref, created: true });
      const versions = (
        await org.as.viewer.get(`/api/v1/orgs/${org.slug}/${COLLECTIONS[entity]}/${target.id}/versions`)
      ).json();
      expect(versions.items[0]).toMatchObject({ versionNo: opened.versionNo, state: 'draft' });
      const again = await openDraft(org.as.isms_manager, d.id, { entity, id: target.id });
      expect(again.json()).toMatchObject({ versionNo: opened.versionNo, created: false });
      expect(await versionCount(entity, target.id)).toBe(versions.items.length);
      expect((await org.as.viewer.get(`${decisionsPath(org)}/${d.id}`)).json()).toMatchObject({
        targetEntity: entity,
        targetId: target.id,
        targetVersion: opened.versionNo,
        status: 'open',
      });
    },
  );

  it('is done once the draft it opened is approved', async () => {
    const review = await buildReview(org);
    const d = await buildDecision(org, review.id, { kind: 'policy_objectives' });
    const doc = await buildRegisterRecord(org.as.admin, org, registerOf('document'));
    await approveDocument(org, doc.id);
    const res = await openDraft(org.as.contributor, d.id, { entity: 'document', id: doc.id });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ versionNo: 2, created: true });
    expect((await org.as.viewer.get(`${decisionsPath(org)}/${d.id}`)).json().status).toBe('open');
    const v = await approveDocument(org, doc.id, { summary: 'Revised after the management review' });
    expect(v.versionNo).toBe(2);
    expect((await org.as.viewer.get(`${decisionsPath(org)}/${d.id}`)).json().status).toBe('done');
  });

  it('refuses what it may not do: another org’s target or decision 404, archived 409, no permission 403, bad body 400', async () => {
    const review = await buildReview(org);
    const d = await buildDecision(org, review.id, { kind: 'treatment_soa' });
    const other = await buildOrg(env.app, env.handle);
    const foreignDoc = await buildRegisterRecord(other.as.admin, other, registerOf('document'));
    const foreign = await openDraft(org.as.isms_manager, d.id, { entity: 'document', id: foreignDoc.id });
    expect(foreign.statusCode, foreign.body).toBe(404);
    expect(await versionCount('document', foreignDoc.id)).toBe(0);

    const doc = await buildRegisterRecord(org.as.admin, org, registerOf('document'));
    const foreignDecision = await other.as.isms_manager.post(
      `/api/v1/orgs/${other.slug}/management-review-decisions/${d.id}/open-draft`,
      { entity: 'document', id: doc.id },
    );
    expect(foreignDecision.statusCode).toBe(404);
    expect(await versionCount('document', doc.id)).toBe(0);

    const archived = await buildRegisterRecord(org.as.admin, org, registerOf('document'));
    await org.as.isms_manager.del(`/api/v1/orgs/${org.slug}/documents/${archived.id}`);
    const gone = await openDraft(org.as.isms_manager, d.id, { entity: 'document', id: archived.id });
    expect(gone.statusCode, gone.body).toBe(409);

    // a contributor may update decisions, not the scope
    const scope = await buildRegisterRecord(org.as.admin, org, registerOf('scope'));
    const denied = await openDraft(org.as.contributor, d.id, { entity: 'scope', id: scope.id });
    expect(denied.statusCode).toBe(403);
    expect(await versionCount('scope', scope.id)).toBe(0);

    for (const [body, field] of [
      [{ entity: 'risk', id: doc.id }, 'body.entity'],
      [{ entity: 'document', id: 'DOC-001' }, 'body.id'],
      [{ entity: 'document' }, 'body.id'],
    ] as const) {
      const res = await openDraft(org.as.isms_manager, d.id, body);
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().errors.map((e: { field: string }) => e.field)).toContain(field);
    }
    const none = await buildDecision(org, review.id, { kind: 'no_action' });
    expect((await openDraft(org.as.isms_manager, none.id, { entity: 'document', id: doc.id })).statusCode).toBe(409);
    expect((await org.as.viewer.get(`${decisionsPath(org)}/${d.id}`)).json().targetId).toBeNull();
    expect(await versionCount('document', doc.id)).toBe(0);

    // linked to one record, it opens no draft of another
    expect((await openDraft(org.as.isms_manager, d.id, { entity: 'document', id: doc.id })).statusCode).toBe(200);
    const doc2 = await buildRegisterRecord(org.as.admin, org, registerOf('document'));
    const elsewhere = await openDraft(org.as.isms_manager, d.id, { entity: 'document', id: doc2.id });
    expect(elsewhere.statusCode).toBe(409);
    expect(await versionCount('document', doc2.id)).toBe(0);
  });

  it('opens one draft when twenty requests run at once', async () => {
    const review = await buildReview(org);
    const d = await buildDecision(org, review.id, { kind: 'policy_objectives' });
    const doc = await buildRegisterRecord(org.as.admin, org, registerOf('document'));
    const results = await Promise.all(
      Array.from({ length: 20 }, () => openDraft(org.as.isms_manager, d.id, { entity: 'document', id: doc.id })),
    );
    expect(results.map((r) => r.statusCode)).toEqual(Array(20).fill(200));
    expect(results.filter((r) => r.json().created)).toHaveLength(1);
    expect(await versionCount('document', doc.id)).toBe(1);
  });

  it('keeps every decision in the approved minutes when twenty decisions race the approval', async () => {
    const review = await buildReview(org);
    await answerEveryInput(org, review.id);
    const v = await saveMinutes(org, review.id);
    const approve = org.as.approver.post(`${reviewsPath(org)}/${review.id}/versions/${v.versionNo}/approve`, {
      contentHash: v.contentHash,
    });
    const creates = Array.from({ length: 20 }, (_, i) =>
      org.as.contributor.post(decisionsPath(org), {
        reviewId: review.id,
        input: 'general',
        kind: 'other',
        statement: `Raced ${i}`,
      }),
    );
    const [a, ...made] = await Promise.all([approve, ...creates]);
    expect([200, 409]).toContain(a!.statusCode);
    for (const m of made) expect([201, 409]).toContain(m.statusCode);
    const live = (await org.as.viewer.get(`${decisionsPath(org)}?reviewId=${review.id}&pageSize=100`)).json().items;
    if (a!.statusCode === 200) {
      // approved: what it holds is every decision of the review, and none came after it
      const approved = (await org.as.viewer.get(`${reviewsPath(org)}/${review.id}/versions/${v.versionNo}`)).json();
      expect(approved.content.decisions.decisions.map((x: { ref: string }) => x.ref).sort()).toEqual(
        live.map((x: { ref: string }) => x.ref).sort(),
      );
    } else {
      // refused as stale: decisions came in after the draft; nothing was approved and all of them were recorded
      expect(made.every((m) => m.statusCode === 201)).toBe(true);
      expect((await org.as.viewer.get(`${reviewsPath(org)}/${review.id}`)).json().approvedVersion).toBeNull();
    }
  });

  it('approves once when the chair sends twenty approvals at once', async () => {
    const review = await buildReview(org);
    await answerEveryInput(org, review.id);
    const v = await saveMinutes(org, review.id);
    const results = await Promise.all(
      Array.from({ length: 20 }, () =>
        org.as.approver.post(`${reviewsPath(org)}/${review.id}/versions/${v.versionNo}/approve`, {
          contentHash: v.contentHash,
        }),
      ),
    );
    expect(results.filter((r) => r.statusCode === 200)).toHaveLength(1);
    expect(results.filter((r) => r.statusCode !== 200).map((r) => r.statusCode)).toEqual(Array(19).fill(409));
    const approvals = await env.handle.db
      .selectFrom('approvals')
      .select('id')
      .where('entityType', '=', 'management_review')
      .where('recordId', '=', review.id)
      .execute();
    expect(approvals).toHaveLength(1);
  });
});
