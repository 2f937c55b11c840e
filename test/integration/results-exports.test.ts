import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEnv, type TestEnv } from '../helpers/app.js';
import { DIALECTS, tempDir } from '../helpers/databases.js';
import { buildOrg, type TestOrg } from '../helpers/factories.js';
import { approveMethodology, buildRisk, startingMethodology } from '../helpers/risk-factories.js';

const run = promisify(execFile);
const HAS_PDFTOTEXT = ['/usr/bin/pdftotext', '/usr/local/bin/pdftotext'].some((p) => fs.existsSync(p));
type Res = {
  statusCode: number;
  body: string;
  rawPayload: Buffer;
  headers: Record<string, unknown>;
  json: () => { contentHash: string } & Record<string, unknown>;
};

async function pdfFacts(pdf: Buffer) {
  const file = path.join(tempDir('rampart-pdf-'), 'doc.pdf');
  fs.writeFileSync(file, pdf);
  const { stdout: text } = await run('pdftotext', ['-layout', file, '-']);
  const { stdout: info } = await run('pdfinfo', [file]);
  const [, w, h] = /Page size:\s+([\d.]+) x ([\d.]+)/.exec(info) ?? [];
  return { text, width: Number(w), height: Number(h) };
}
const docxText = async (body: Buffer) =>
  (await (await JSZip.loadAsync(body)).file('word/document.xml')!.async('string')).replace(/<[^>]+>/g, '');
async function sheets(body: Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(body as never);
  const text = (name: string) => (wb.getWorksheet(name)?.getSheetValues() ?? []).flat(2).map(String).join(' | ');
  return { names: wb.worksheets.map((w) => w.name), text, first: wb.worksheets[0]! };
}

/**
 * Every export of the approved results (8.2 and 8.3) opens and carries its approval record: who, role, when and the
 * content hash, in the file itself (DOCX/PDF approval block, XLSX approval sheet, CSV trailing columns).
 */
describe.each(DIALECTS)('risk assessment and treatment results exports on %s', (kind) => {
  let env: TestEnv;
  let org: TestOrg;
  let assessment: string;
  let assessmentHash: string;
  let results: string;
  let resultsHash: string;
  const url = (p: string) => `/api/v1/orgs/${org.slug}${p}`;
  const get = async (p: string) => {
    const res = (await org.as.viewer.get(url(p))) as unknown as Res;
    expect(res.statusCode, res.body).toBe(200);
    return res;
  };

  beforeAll(async () => {
    env = await testEnv(kind);
    org = await buildOrg(env.app, env.handle, 'Results Ltd');
    await approveMethodology(org, startingMethodology('five-by-five'));
    for (const [title, likelihood] of [
      ['Ransomware encrypts the file server', 5],
      ['Printer leaks documents', 1],
    ] as const)
      await buildRisk(org.as.contributor, org.slug, {
        title,
        ownerId: org.users.contributor.id,
        likelihood,
        consequence: likelihood,
      });
    const m = org.as.isms_manager;
    assessment = (await m.post(url('/risk-assessments'), { title: 'Assessment 2026', startedOn: '2026-02-01' })).json()
      .id;
    expect((await m.post(url(`/risk-assessments/${assessment}/close`))).statusCode).toBe(200);
    assessmentHash = (await get(`/risk-assessments/${assessment}/versions/1`)).json().contentHash;
    expect(
      (await m.post(url(`/risk-assessments/${assessment}/versions/1/approve`), { contentHash: assessmentHash }))
        .statusCode,
    ).toBe(200);

    const created = await m.post(url('/treatment-results'), { title: 'Treatment results Q1' });
    expect(created.statusCode, created.body).toBe(201);
    results = created.json().id;
    const draft = await m.request('PUT', url(`/treatment-results/${results}/draft`), { content: { summary: 'Q1' } });
    expect(draft.statusCode, draft.body).toBe(200);
    resultsHash = draft.json().contentHash;
    expect(
      (
        await org.as.approver.post(url(`/treatment-results/${results}/versions/1/approve`), {
          contentHash: resultsHash,
        })
      ).statusCode,
    ).toBe(200);
  });
  afterAll(() => env?.close());

  it('the assessment results as DOCX and PDF: every risk, and the approval block', async () => {
    const docx = await docxText((await get(`/risk-assessments/${assessment}/versions/1/export.docx`)).rawPayload);
    expect(docx).toContain('Ransomware encrypts the file server');
    expect(docx).toContain('Risks in priority order');
    expect(docx).toContain('Results Ltd isms_manager');
    expect(docx).toContain(assessmentHash);
    const pdf = await get(`/risk-assessments/${assessment}/versions/1/export.pdf`);
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    if (!HAS_PDFTOTEXT) return;
    const facts = await pdfFacts(pdf.rawPayload);
    // the risk table is wide: landscape
    expect(facts.width).toBeGreaterThan(facts.height);
    expect(facts.text).toMatch(/RISK-\d+ Printer leaks/);
    expect(facts.text).toContain('Results Ltd isms_manager');
  });

  it('the assessment results as XLSX and CSV: the risks in priority order, with the approval', async () => {
    const x = await sheets((await get(`/risk-assessments/${assessment}/versions/1/export.xlsx`)).rawPayload);
    const firstRisk = x.first.getRow(2).values as unknown[];
    expect(firstRisk).toContain('Ransomware encrypts the file server');
    const approval = x.text('Approval');
    expect(approval).toContain('Results Ltd isms_manager');
    expect(approval).toContain('ISMS manager');
    expect(approval).toContain(assessmentHash);

    const csv = parse(
      (await get(`/risk-assessments/${assessment}/versions/1/export.csv`)).body.replace(/^\uFEFF/, ''),
    ) as string[][];
    expect(csv[0]!.slice(-4)).toEqual(['Version', 'State', 'Content SHA-256', 'Approved by']);
    expect(csv).toHaveLength(3);
    for (const row of csv.slice(1)) {
      expect(row.at(-2)).toBe(assessmentHash);
      expect(row.at(-1)).toContain('Results Ltd isms_manager');
    }
  });

  it('the treatment results in every format carry the status date and the approval', async () => {
    const record = (await get(`/treatment-results/${results}`)).json();
    const today = new Date().toISOString().slice(0, 10);
    expect(record).toMatchObject({ statusDate: today, latestVersion: 1, approvedVersion: 1, latestState: 'approved' });
    const docx = await docxText((await get(`/treatment-results/${results}/versions/1/export.docx`)).rawPayload);
    expect(docx).toContain(`Status on ${today}`);
    expect(docx).toContain('Results Ltd approver');
    expect(docx).toContain(resultsHash);
    const pdf = await get(`/treatment-results/${results}/versions/1/export.pdf`);
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const x = await sheets((await get(`/treatment-results/${results}/versions/1/export.xlsx`)).rawPayload);
    expect(x.names).toContain('Approval');
    expect(x.text('Approval')).toContain('Results Ltd approver');
    expect(x.text('Approval')).toContain(resultsHash);
    const csv = (await get(`/treatment-results/${results}/versions/1/export.csv`)) as Res;
    expect(String(csv.headers['content-disposition'])).toContain(`risk-treatment-results-${today}-v1-approved`);
    expect((parse(csv.body.replace(/^\uFEFF/, '')) as string[][])[0]!.slice(-4)).toEqual([
      'Version',
      'State',
      'Content SHA-256',
      'Approved by',
    ]);
  });
});
