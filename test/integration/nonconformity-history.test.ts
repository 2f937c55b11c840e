import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../helpers/databases.js';
import { testEnv, type TestEnv } from '../helpers/app.js';
import { buildOrg, type TestOrg } from '../helpers/factories.js';
import { buildNc, stepsTo } from '../helpers/nonconformity-factories.js';

/** The per-nonconformity history (10.2: the documented information of its nature, actions and results). */
describe.each(DIALECTS)('nonconformity history exports on %s', (kind) => {
  let env: TestEnv;
  let org: TestOrg;
  let other: TestOrg;
  beforeAll(async () => {
    env = await testEnv(kind);
    org = await buildOrg(env.app, env.handle);
    other = await buildOrg(env.app, env.handle);
  });
  afterAll(() => env?.close());

  const url = (id: string, ext: string, o = org) => `/api/v1/orgs/${o.slug}/nonconformities/${id}/history.${ext}`;

  it('lists the steps, the corrective actions, the reviews and the audit events in XLSX, and renders a PDF', async () => {
    const c = org.as.contributor;
    const nc = await buildNc(c, org.slug, { requirementKey: '7.2.c', title: 'Leaver kept SaaS access' });
    await stepsTo(c, org.slug, nc, ['correction', 'decision', 'analysis']);
    await c.post(`/api/v1/orgs/${org.slug}/actions`, {
      title: 'Add SaaS accounts to the leaver checklist',
      sourceType: 'nonconformity',
      sourceId: nc.id,
      status: 'done',
    });
    const planned = (await c.get(`/api/v1/orgs/${org.slug}/nonconformities/${nc.id}`)).json();
    await stepsTo(org.as.isms_manager, org.slug, planned, ['effectiveness-review', 'close']);

    const xlsx = await org.as.viewer.get(url(nc.id, 'xlsx'));
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-disposition']).toContain(`${nc.ref}-history.xlsx`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const rows = wb.worksheets[0]!.getSheetValues().slice(2) as unknown[][];
    const what = rows.map((r) => String(r[2]));
    expect(what).toEqual(
      expect.arrayContaining([
        'Found',
        'Correction (10.2 a)',
        'Decision (10.2 b)',
        'Cause analysis (10.2 b)',
        'Effectiveness review (10.2 d)',
        'Closed',
        'Audit event record.created',
        'Audit event nonconformity.step_recorded',
      ]),
    );
    expect(what.some((w) => /^Corrective action ACT-\d+/.test(w) || w.startsWith('Corrective action '))).toBe(true);
    expect(rows.filter((r) => String(r[2]) === 'Audit event nonconformity.step_recorded')).toHaveLength(5);
    expect(rows.find((r) => String(r[2]) === 'Cause analysis (10.2 b)')![3]).toContain('Why 1: HR did not tell IT');

    const pdf = await org.as.viewer.get(url(nc.id, 'pdf'));
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toContain('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('answers 404 for a nonconformity of another organization', async () => {
    const theirs = await buildNc(other.as.contributor, other.slug);
    expect((await org.as.viewer.get(url(theirs.id, 'xlsx'))).statusCode).toBe(404);
    expect((await org.as.viewer.get(url(theirs.id, 'pdf'))).statusCode).toBe(404);
  });
});
