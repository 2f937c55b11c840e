import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../helpers/databases.js';
import { testEnv, type TestEnv } from '../helpers/app.js';
import { buildOrg, type TestOrg } from '../helpers/factories.js';
import { approveDocument, createDocument, docsPath, publishDocument } from '../helpers/document-factories.js';

describe.each(DIALECTS)('document lifecycle on %s', (kind) => {
  let env: TestEnv;
  let org: TestOrg;
  beforeAll(async () => {
    env = await testEnv(kind);
    org = await buildOrg(env.app, env.handle);
  });
  afterAll(() => env?.close());

  it('goes draft → in review → approved → published, and a new version asks everyone again', async () => {
    const doc = await createDocument(org, {
      title: 'Information security policy',
      type: 'policy',
      isSecurityPolicy: true,
    });
    expect(doc).toMatchObject({
      status: 'draft',
      authorId: org.users.isms_manager.id,
      classification: 'internal',
      reviewIntervalMonths: 12,
    });
    const base = `${docsPath(org)}/${doc.id}`;

    const draft = await org.as.isms_manager.request('PUT', `${base}/draft`, {
      content: { summary: 'We protect information.', commitments: 'We commit to meet requirements and improve.' },
    });
    expect(draft.json()).toMatchObject({ versionNo: 1, stage: 'draft' });
    expect(
      (await org.as.approver.post(`${base}/versions/1/approve`, { contentHash: draft.json().contentHash })).statusCode,
    ).toBe(400);
    const sent = await org.as.isms_manager.request('PUT', `${base}/draft`, {
      content: { summary: 'We protect information.', commitments: 'We commit.' },
      stage: 'in_review',
    });
    expect((await org.as.viewer.get(base)).json()).toMatchObject({ status: 'in_review' });
    // Top management sets the information security policy: an administrator may approve other documents, not this one.
    const byAdmin = await org.as.admin.post(`${base}/versions/1/approve`, { contentHash: sent.json().contentHash });
    expect(byAdmin.statusCode).toBe(403);
    expect(byAdmin.json().detail).toMatch(/5\.2/);
    const namedManager = await org.as.isms_manager.request('PUT', `${base}/people`, {
      approverIds: [org.users.admin.id],
    });
    expect(namedManager.statusCode).toBe(400);
    expect(namedManager.json().errors[0]).toMatchObject({
      field: 'body.approverIds.0',
      message: expect.stringMatching(/top management/),
    });
    const ok = await org.as.approver.post(`${base}/versions/1/approve`, { contentHash: sent.json().contentHash });
    expect(ok.statusCode, ok.body).toBe(200);
    expect((await org.as.viewer.get(base)).json()).toMatchObject({
      status: 'approved',
      approvedVersion: 1,
      publishedVersion: null,
    });

    expect((await org.as.contributor.post(`${base}/publish`, { versionNo: 1 })).statusCode).toBe(403);
    const pub = await org.as.isms_manager.post(`${base}/publish`, { versionNo: 1, note: 'To all staff' });
    expect(pub.statusCode, pub.body).toBe(200);
    expect(pub.json()).toMatchObject({ status: 'published', publishedVersion: 1 });
    expect(pub.json().nextReviewDate > pub.json().publishedOn).toBe(true);

    // Everyone (all members) must acknowledge; the viewer sees it to read and acknowledges the exact version.
    const toRead = await org.as.viewer.get(`${docsPath(org)}/to-read`);
    expect(toRead.json().items.map((i: { id: string }) => i.id)).toContain(doc.id);
    const wrongHash = await org.as.viewer.post(`${base}/acknowledge`, { versionNo: 1, contentHash: '0'.repeat(64) });
    expect(wrongHash.statusCode).toBe(409);
    const ack = await org.as.viewer.post(`${base}/acknowledge`, { versionNo: 1, contentHash: sent.json().contentHash });
    expect(ack.statusCode, ack.body).toBe(200);
    expect(
      (await org.as.viewer.post(`${base}/acknowledge`, { versionNo: 1, contentHash: sent.json().contentHash }))
        .statusCode,
    ).toBe(409);
    expect(
      (await org.as.viewer.get(`${docsPath(org)}/to-read`)).json().items.map((i: { id: string }) => i.id),
    ).not.toContain(doc.id);

    const acks = (await org.as.isms_manager.get(`${base}/acknowledgements`)).json();
    expect(acks).toMatchObject({ versionNo: 1, total: 6, acknowledged: 1 });
    expect(acks.items.find((i: { userId: string }) => i.userId === org.users.viewer.id).acknowledgedAt).toBeTruthy();

    // A colleague sees the counts and their own line only.
    const asViewer = (await org.as.viewer.get(`${base}/acknowledgements`)).json();
    expect(asViewer).toMatchObject({ total: 6, acknowledged: 1 });
    expect(asViewer.items.map((i: { userId: string }) => i.userId)).toEqual([org.users.viewer.id]);

    const remind = await org.as.isms_manager.post(`${base}/reminders`, {});
    expect(remind.json()).toEqual({ reminded: 5 });
    expect(
      (await org.as.contributor.get(`${docsPath(org)}/to-read`))
        .json()
        .items.find((i: { id: string }) => i.id === doc.id).lastRemindedAt,
    ).toBeTruthy();

    // Version 2: approved and published, the viewer must read again.
    await publishDocument(org, doc.id, { summary: 'We protect information, v2.' });
    expect(
      (await org.as.viewer.get(`${docsPath(org)}/to-read`)).json().items.map((i: { id: string }) => i.id),
    ).toContain(doc.id);
    expect((await org.as.isms_manager.get(`${base}/acknowledgements`)).json()).toMatchObject({
      versionNo: 2,
      acknowledged: 0,
    });
  });

  it('lets only the named approvers approve, and needs all of them', async () => {
    const doc = await createDocument(org);
    const base = `${docsPath(org)}/${doc.id}`;
    const bad = await org.as.isms_manager.request('PUT', `${base}/people`, { approverIds: [org.users.viewer.id] });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('body.approverIds.0');
    const set = await org.as.isms_manager.request('PUT', `${base}/people`, {
      approverIds: [org.users.approver.id, org.users.isms_manager.id],
    });
    expect(set.statusCode, set.body).toBe(200);
    const own = await org.as.isms_manager.request('PUT', `${base}/draft`, {
      content: { summary: 'mine' },
      stage: 'in_review',
    });
    const selfApproval = await org.as.isms_manager.post(`${base}/versions/1/approve`, {
      contentHash: own.json().contentHash,
    });
    expect(selfApproval.statusCode).toBe(403);
    expect(selfApproval.json().detail).toMatch(/someone else/);
    const draft = await org.as.contributor.request('PUT', `${base}/draft`, {
      content: { summary: 'x' },
      stage: 'in_review',
    });
    const hash = draft.json().contentHash;
    expect((await org.as.admin.post(`${base}/versions/1/approve`, { contentHash: hash })).statusCode).toBe(403);
    expect((await org.as.approver.post(`${base}/versions/1/approve`, { contentHash: hash })).json()).toMatchObject({
      state: 'draft',
      requiredApprovals: 2,
    });
    expect((await org.as.isms_manager.post(`${base}/versions/1/approve`, { contentHash: hash })).json()).toMatchObject({
      state: 'approved',
    });
  });

  it('counts only the signatures of approvers still named, and approves a draft once the remaining ones have all signed', async () => {
    const doc = await createDocument(org);
    const base = `${docsPath(org)}/${doc.id}`;
    const people = (approverIds: string[]) => org.as.isms_manager.request('PUT', `${base}/people`, { approverIds });
    await people([org.users.approver.id, org.users.admin.id]);
    const draft = await org.as.contributor.request('PUT', `${base}/draft`, {
      content: { summary: 'x' },
      stage: 'in_review',
    });
    const hash = draft.json().contentHash;
    expect((await org.as.approver.post(`${base}/versions/1/approve`, { contentHash: hash })).json()).toMatchObject({
      state: 'draft',
    });
    // The admin is replaced by the ISMS manager: the approver's signature stays, the manager's is still needed.
    await people([org.users.approver.id, org.users.isms_manager.id]);
    expect((await org.as.viewer.get(`${base}/versions/1`)).json()).toMatchObject({
      state: 'draft',
      requiredApprovals: 2,
    });
    // The approver is taken off and the admin named again: the approver's signature no longer counts.
    await people([org.users.isms_manager.id, org.users.admin.id]);
    expect((await org.as.admin.post(`${base}/versions/1/approve`, { contentHash: hash })).json()).toMatchObject({
      state: 'draft',
    });
    // The manager is taken off too: every approver still named has signed, so the draft is approved now.
    expect((await people([org.users.admin.id])).statusCode).toBe(200);
    expect((await org.as.viewer.get(`${base}/versions/1`)).json()).toMatchObject({ state: 'approved' });
    expect((await org.as.viewer.get(base)).json()).toMatchObject({ status: 'approved', approvedVersion: 1 });
  });

  it('keeps approved text until an approved disposal, and then keeps only its hash', async () => {
    const doc = await createDocument(org, { title: 'Old backup procedure', type: 'procedure', retentionMonths: 0 });
    const base = `${docsPath(org)}/${doc.id}`;
    const v = await publishDocument(org, doc.id, { body: 'Back up nightly.' });
    expect((await org.as.isms_manager.post(`${base}/disposal`, { reason: 'Obsolete' })).statusCode).toBe(409);
    const withdrawn = await org.as.isms_manager.post(`${base}/withdraw`, {
      reason: 'Replaced by the cloud backup procedure',
    });
    expect(withdrawn.json()).toMatchObject({ status: 'withdrawn' });
    expect(
      (await org.as.viewer.get(`${docsPath(org)}?disposalDue=true`)).json().items.map((i: { id: string }) => i.id),
    ).toContain(doc.id);

    await expect(
      sql`UPDATE record_versions SET state = 'disposed', content = '{}' WHERE record_id = ${doc.id}`.execute(
        env.handle.db,
      ),
    ).rejects.toThrow(/cannot be changed/);
    const proposed = await org.as.isms_manager.post(`${base}/disposal`, { reason: 'Retention ended' });
    expect(proposed.statusCode, proposed.body).toBe(200);
    expect((await org.as.isms_manager.post(`${base}/disposal/decision`, { decision: 'approve' })).statusCode).toBe(403);
    const decided = await org.as.approver.post(`${base}/disposal/decision`, { decision: 'approve', note: 'Agreed' });
    expect(decided.statusCode, decided.body).toBe(200);
    expect(decided.json()).toMatchObject({
      state: 'approved',
      versions: [{ versionNo: 1, contentHash: v.contentHash }],
    });
    expect((await org.as.viewer.get(base)).json()).toMatchObject({ status: 'disposed' });
    expect((await org.as.viewer.get(`${base}/versions/1`)).json()).toMatchObject({
      state: 'disposed',
      content: {},
      contentHash: v.contentHash,
    });
    expect((await org.as.isms_manager.request('PUT', `${base}/draft`, { content: { body: 'again' } })).statusCode).toBe(
      409,
    );
    expect(
      (await org.as.viewer.get(`${docsPath(org)}/disposals`))
        .json()
        .items.map((d: { documentId: string }) => d.documentId),
    ).toContain(doc.id);
  });

  it('hides a restricted document from members not entitled, everywhere', async () => {
    const doc = await createDocument(org, {
      title: 'Incident playbook for the board',
      type: 'procedure',
      classification: 'restricted',
    });
    const base = `${docsPath(org)}/${doc.id}`;
    // Top management cannot even see it until named as its approver.
    expect((await org.as.approver.get(base)).statusCode).toBe(404);
    await org.as.isms_manager.request('PUT', `${base}/people`, { approverIds: [org.users.approver.id] });
    await approveDocument(org, doc.id, { body: 'secret' });
    for (const role of ['contributor', 'viewer', 'auditor'] as const) {
      expect((await org.as[role].get(base)).statusCode, role).toBe(404);
      expect((await org.as[role].get(`${base}/versions/1`)).statusCode, role).toBe(404);
      const list = (await org.as[role].get(`${docsPath(org)}?q=playbook`)).json();
      expect(list.total, role).toBe(0);
      expect(
        (await org.as[role].get(`${docsPath(org)}/tree`)).json().items.map((i: { id: string }) => i.id),
      ).not.toContain(doc.id);
    }
    expect((await org.as.admin.get(base)).statusCode).toBe(200);
    // Nor does the audit trail show its events to an auditor not entitled; the admin sees them.
    const trail = (role: 'auditor' | 'admin') =>
      org.as[role].get(`/api/v1/orgs/${org.slug}/audit-events?entityType=document&entityId=${doc.id}`);
    expect((await trail('auditor')).json().total).toBe(0);
    expect((await trail('admin')).json().total).toBeGreaterThan(2);
    await org.as.isms_manager.request('PUT', `${base}/people`, {
      approverIds: [org.users.approver.id],
      audienceUserIds: [org.users.viewer.id],
    });
    expect((await org.as.viewer.get(base)).statusCode).toBe(200);
  });

  it("names the classification levels in the organization's own words, used in exports", async () => {
    const scheme = `${docsPath(org)}/classification-scheme`;
    expect((await org.as.viewer.get(scheme)).json().levels).toEqual([
      { level: 'public', label: 'Public', description: null, isDefault: true },
      { level: 'internal', label: 'Internal', description: null, isDefault: true },
      { level: 'confidential', label: 'Confidential', description: null, isDefault: true },
      { level: 'restricted', label: 'Restricted', description: null, isDefault: true },
    ]);
    const levels = [
      { level: 'public', label: 'Public' },
      { level: 'internal', label: 'Company use only' },
      { level: 'confidential', label: 'Confidential', description: 'Encrypted at rest and in transit' },
      { level: 'restricted', label: 'Strictly confidential' },
    ];
    expect((await org.as.contributor.request('PUT', scheme, { levels })).statusCode).toBe(403);
    const three = await org.as.isms_manager.request('PUT', scheme, { levels: levels.slice(0, 3) });
    expect(three.statusCode).toBe(400);
    expect(three.json().errors[0].field).toBe('body.levels');
    const twice = await org.as.isms_manager.request('PUT', scheme, {
      levels: [...levels.slice(0, 3), { level: 'restricted', label: 'company USE only' }],
    });
    expect(twice.statusCode).toBe(400);
    expect(twice.json().errors.map((e: { field: string }) => e.field)).toEqual(['body.levels.3.label']);
    const ok = await org.as.isms_manager.request('PUT', scheme, { levels });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().levels[1]).toEqual({
      level: 'internal',
      label: 'Company use only',
      description: null,
      isDefault: false,
    });

    const doc = await createDocument(org, { title: 'Clear desk rule', type: 'rule' });
    await approveDocument(org, doc.id, { body: 'Clear your desk.' });
    const docx = await org.as.viewer.get(`${docsPath(org)}/${doc.id}/versions/1/export.docx`);
    expect(docx.statusCode).toBe(200);
    const { default: JSZip } = await import('jszip');
    const xml = await (await JSZip.loadAsync(docx.rawPayload)).file('word/document.xml')!.async('string');
    expect(xml).toContain('Company use only');
  });
});
