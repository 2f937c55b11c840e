import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../helpers/databases.js';
import { testEnv, type TestEnv } from '../helpers/app.js';
import { buildOrg, type TestOrg } from '../helpers/factories.js';
import { buildObjective, todayIso } from '../helpers/objective-factories.js';
import { buildRegisterRecord, registerOf } from '../helpers/routes.js';

type Snapshot = { ref: string; title: string; targetValue: number | null; requirements: { ref: string }[] };

describe.each(DIALECTS)('the objectives document (6.2 documented information) on %s', (kind) => {
  let env: TestEnv;
  let org: TestOrg;
  beforeAll(async () => {
    env = await testEnv(kind);
    org = await buildOrg(env.app, env.handle);
  });
  afterAll(() => env?.close());

  const base = () => `/api/v1/orgs/${org.slug}/objectives-documents`;
  const m = () => org.as.isms_manager;
  const saveDraft = async (id: string, content: Record<string, unknown> = {}) => {
    const res = await m().request('PUT', `${base()}/${id}/draft`, {
      content: { framework: 'Objectives follow from the policy, section 3', ...content },
      changeNote: 'Yearly revision',
    });
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as {
      versionNo: number;
      contentHash: string;
      content: { objectives: { objectives: Snapshot[] } };
    };
  };

  it('freezes every active objective in a draft, approved by top management, compared and exported', async () => {
    const requirement = await buildRegisterRecord(org.as.admin, org, registerOf('requirement'));
    const a = await buildObjective(org.as.contributor, org.slug, {
      title: 'Phishing click rate',
      deadline: '2099-06-30',
    });
    const b = await buildObjective(org.as.contributor, org.slug, { title: 'Patch within 14 days' });
    await buildObjective(org.as.contributor, org.slug, { title: 'Still a draft', lifecycle: 'draft' });
    await org.as.contributor.post(`/api/v1/orgs/${org.slug}/links`, {
      fromType: 'objective',
      fromId: a.id,
      toType: 'requirement',
      toId: requirement.id,
      kind: 'answers',
    });
    await org.as.contributor.post(`/api/v1/orgs/${org.slug}/objectives/${b.id}/progress`, {
      entryDate: todayIso(),
      value: 40,
    });
    const doc = await m().post(base(), { title: 'Information security objectives 2026' });
    expect(doc.statusCode).toBe(201);
    const id = doc.json().id as string;
    // whatever the client sends for the objectives, the server takes them from the register
    const v1 = await saveDraft(id, { objectives: { objectives: [] } });
    const frozen = v1.content.objectives.objectives;
    expect(frozen.map((o) => o.title)).toEqual(['Phishing click rate', 'Patch within 14 days']);
    expect(frozen[0]).toMatchObject({ ref: a.ref, targetValue: 95, requirements: [{ ref: requirement.ref }] });
    expect(frozen[1]).toMatchObject({ latestValue: 40, progressStatus: 'on_track' });

    // only top management approves
    const byManager = await m().post(`${base()}/${id}/versions/1/approve`, { contentHash: v1.contentHash });
    expect(byManager.statusCode).toBe(403);
    const approved = await org.as.approver.post(`${base()}/${id}/versions/1/approve`, { contentHash: v1.contentHash });
    expect(approved.statusCode, approved.body).toBe(200);

    // the next revision: a target changed, an objective added, one withdrawn
    await org.as.contributor.patch(`/api/v1/orgs/${org.slug}/objectives/${a.id}`, { targetValue: 98 });
    const c = await buildObjective(org.as.contributor, org.slug, { title: 'Backups restored monthly' });
    await m().post(`/api/v1/orgs/${org.slug}/objectives/${b.id}/close`, {
      expectedVersion: b.version,
      outcome: 'withdrawn',
      note: 'Merged into the vulnerability objective',
    });
    await saveDraft(id);
    const cmp = await org.as.viewer.get(`${base()}/${id}/compare?from=1&to=2`);
    expect(cmp.statusCode, cmp.body).toBe(200);
    expect(cmp.json().counts).toMatchObject({ added: 1, removed: 1, target: 1 });
    expect((cmp.json().rows as { ref: string; changes: string[] }[]).map((r) => [r.ref, r.changes]).sort()).toEqual(
      [
        [a.ref, ['target']],
        [b.ref, ['removed']],
        [c.ref, ['added']],
      ].sort(),
    );

    // the approved version as XLSX: the objectives and the approval block (who, role, when, content hash)
    const xlsx = await org.as.auditor.get(`${base()}/${id}/versions/1/export.xlsx`);
    expect(xlsx.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    const bytes = new ArrayBuffer(xlsx.rawPayload.byteLength);
    new Uint8Array(bytes).set(xlsx.rawPayload);
    await book.xlsx.load(bytes);
    const sheet = book.worksheets[0]!;
    const cells = (ws: ExcelJS.Worksheet) =>
      ws.getSheetValues().flatMap((row) => (Array.isArray(row) ? row.map((v) => String(v ?? '')) : []));
    expect(cells(sheet)).toEqual(
      expect.arrayContaining([a.ref, 'Phishing click rate', expect.stringContaining(requirement.ref)]),
    );
    const approval = book.worksheets.find((w) => /approval/i.test(w.name));
    expect(approval).toBeDefined();
    expect(cells(approval!).join(' ')).toContain(v1.contentHash);
    expect(cells(approval!).join(' ')).toContain(org.users.approver.email);

    for (const format of ['docx', 'pdf'] as const) {
      const res = await org.as.viewer.get(`${base()}/${id}/versions/1/export.${format}`);
      expect(res.statusCode, `${format}: ${res.body.slice(0, 200)}`).toBe(200);
      expect(res.rawPayload.length).toBeGreaterThan(1000);
    }
  });

  it('holds one objectives document per organization, even with twenty created at once', async () => {
    const fresh = await buildOrg(env.app, env.handle);
    const url = `/api/v1/orgs/${fresh.slug}/objectives-documents`;
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => fresh.as.isms_manager.post(url, { title: `Objectives ${i}` })),
    );
    expect(results.filter((r) => r.statusCode === 201)).toHaveLength(1);
    expect(results.filter((r) => r.statusCode === 409)).toHaveLength(19);
    expect((await fresh.as.viewer.get(url)).json().total).toBe(1);
  });
});
