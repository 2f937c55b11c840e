import { sql } from 'kysely';
import { workerTasksCompleted } from '../../src/core/util/worker-pool.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../helpers/databases.js';
import { testEnv, type TestEnv } from '../helpers/app.js';
import { buildOrg, writeCounts, type TestOrg } from '../helpers/factories.js';

const content = (statement: string, extra: Record<string, unknown> = {}) => ({
  statement,
  organizationalScope: 'Head office operations and the customer support unit.',
  exclusions: [{ item: 'Canteen', reason: 'Handles no information of the ISMS' }],
  ...extra,
});

describe.each(DIALECTS)('scope statement versions and approval on %s', (kind) => {
  let env: TestEnv;
  let org: TestOrg;
  beforeAll(async () => {
    env = await testEnv(kind);
    org = await buildOrg(env.app, env.handle);
  });
  afterAll(() => env?.close());

  const scopes = () => `/api/v1/orgs/${org.slug}/scopes`;
  async function newScope() {
    const res = await org.as.isms_manager.post(scopes(), { title: 'ISMS scope', ownerId: org.users.isms_manager.id });
    expect(res.statusCode).toBe(201);
    return res.json() as { id: string; ref: string };
  }

  it('moves a draft through the stages to approval by top management, then locks it', async () => {
    const scope = await newScope();
    const base = `${scopes()}/${scope.id}`;
    const v1 = await org.as.isms_manager.request('PUT', `${base}/draft`, { content: content('Preliminary text') });
    expect(v1.statusCode).toBe(200);
    expect(v1.json()).toMatchObject({ versionNo: 1, state: 'draft', stage: 'preliminary' });

    const early = await org.as.approver.post(`${base}/versions/1/approve`, { contentHash: v1.json().contentHash });
    expect(early.statusCode).toBe(400);
    expect(early.json().errors[0].field).toBe('stage');

    const final = await org.as.isms_manager.request('PUT', `${base}/draft`, {
      content: content('Final text'),
      stage: 'final',
      baseContentHash: v1.json().contentHash,
    });
    expect(final.json()).toMatchObject({ versionNo: 1, stage: 'final' });
    const hash = final.json().contentHash as string;
    expect(hash).not.toBe(v1.json().contentHash);

    expect((await org.as.isms_manager.post(`${base}/versions/1/approve`, { contentHash: hash })).statusCode).toBe(403);
    const stale = await org.as.approver.post(`${base}/versions/1/approve`, { contentHash: v1.json().contentHash });
    expect(stale.statusCode).toBe(409);
    const ok = await org.as.approver.post(`${base}/versions/1/approve`, {
      contentHash: hash,
      comment: 'Agreed at the board meeting',
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ state: 'approved', contentHash: hash });
    expect(ok.json().approvals).toEqual([
      expect.objectContaining({
        signerId: org.users.approver.id,
        signerRole: 'approver',
        contentHash: hash,
        meaning: expect.stringContaining('top management'),
      }),
    ]);
    expect((await org.as.viewer.get(base)).json()).toMatchObject({
      latestVersion: 1,
      latestState: 'approved',
      approvedVersion: 1,
      stage: 'final',
    });

    // The database itself refuses to change or delete an approved version.
    await expect(
      sql`UPDATE record_versions SET content = '{}' WHERE record_id = ${scope.id} AND version_no = 1`.execute(
        env.handle.db,
      ),
    ).rejects.toThrow(/cannot be changed/);
    await expect(sql`DELETE FROM record_versions WHERE record_id = ${scope.id}`.execute(env.handle.db)).rejects.toThrow(
      /cannot be deleted/,
    );
    await expect(sql`DELETE FROM approvals WHERE record_id = ${scope.id}`.execute(env.handle.db)).rejects.toThrow(
      /append-only/,
    );

    // Editing after approval starts version 2; version 1 stays as approved.
    const v2 = await org.as.isms_manager.request('PUT', `${base}/draft`, {
      content: content('Final text, with the new site', { physicalScope: 'Second site in Leeds' }),
      baseVersion: 1,
      changeNote: 'New site',
    });
    expect(v2.json()).toMatchObject({ versionNo: 2, state: 'draft', stage: 'final' });
    const again = (await org.as.viewer.get(`${base}/versions/1`)).json();
    expect(again).toMatchObject({ state: 'approved', contentHash: hash });
    expect(again.content.statement).toBe('Final text');

    const cmp = (await org.as.viewer.get(`${base}/versions/compare?from=1&to=2`)).json();
    const changed = cmp.sections.filter((s: { changed: boolean }) => s.changed).map((s: { key: string }) => s.key);
    expect(changed).toEqual(['statement', 'physicalScope']);
    expect(
      cmp.sections[0].parts.some((p: { added?: boolean; value: string }) => p.added && p.value.includes('new')),
    ).toBe(true);

    await org.as.approver.post(`${base}/versions/2/approve`, { contentHash: v2.json().contentHash });
    const list = (await org.as.viewer.get(`${base}/versions`)).json().items;
    expect(list.map((v: { versionNo: number; state: string }) => `${v.versionNo}:${v.state}`)).toEqual([
      '2:approved',
      '1:superseded',
    ]);
    const audit = await org.as.auditor.get(
      `/api/v1/orgs/${org.slug}/audit-events?entityId=${scope.id}&type=approval.granted`,
    );
    expect(audit.json().items).toHaveLength(2);
  });

  it('exports a version as DOCX and PDF with its approval block', async () => {
    const scope = await newScope();
    const base = `${scopes()}/${scope.id}`;
    const d = await org.as.isms_manager.request('PUT', `${base}/draft`, {
      content: content('Exported scope text'),
      stage: 'final',
    });
    await org.as.approver.post(`${base}/versions/1/approve`, { contentHash: d.json().contentHash });
    const tasksBeforeDocx = workerTasksCompleted();
    const docx = await org.as.auditor.get(`${base}/versions/1/export.docx`);
    expect(docx.statusCode).toBe(200);
    // laid out in a worker thread too
    expect(workerTasksCompleted()).toBe(tasksBeforeDocx + 1);
    expect(docx.headers['content-type']).toContain('wordprocessingml');
    expect(docx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    const JSZip = (await import('jszip')).default;
    const xml = await (await JSZip.loadAsync(docx.rawPayload)).file('word/document.xml')!.async('string');
    expect(xml).toContain('ISMS scope statement');
    expect(xml).toContain('Exported scope text');
    expect(xml).toContain(d.json().contentHash);
    expect(xml).toContain(org.users.approver.email);
    const tasksBefore = workerTasksCompleted();
    const pdf = await org.as.auditor.get(`${base}/versions/1/export.pdf`);
    expect(pdf.statusCode).toBe(200);
    // laid out in a worker thread, never on the thread that answers everyone else
    expect(workerTasksCompleted()).toBe(tasksBefore + 1);
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.rawPayload.length).toBeGreaterThan(2000);
  });

  it('rejects bad content naming the field, and writes nothing', async () => {
    const scope = await newScope();
    const before = await writeCounts(env.handle);
    const bad = await org.as.isms_manager.request('PUT', `${scopes()}/${scope.id}/draft`, {
      content: { statement: 5, bogus: 'x', exclusions: [{ item: 'Canteen' }] },
      stage: 'approved',
    });
    expect(bad.statusCode).toBe(400);
    const fields = bad.json().errors.map((e: { field: string }) => e.field);
    expect(fields).toEqual(
      expect.arrayContaining([
        'body.content.statement',
        'body.content.bogus',
        'body.content.exclusions.0.reason',
        'body.stage',
      ]),
    );
    expect(await writeCounts(env.handle)).toEqual(before);
  });
});
