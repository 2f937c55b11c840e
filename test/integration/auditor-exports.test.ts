import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEnv, type TestEnv } from '../helpers/app.js';
import { chooseEdition, setTreatment } from '../helpers/control-factories.js';
import { DIALECTS, tempDir } from '../helpers/databases.js';
import { buildAction, buildOrg, type TestOrg } from '../helpers/factories.js';
import { approveMethodology, buildRisk, startingMethodology } from '../helpers/risk-factories.js';

const run = promisify(execFile);
/** poppler-utils reads the PDFs; without it those two tests skip, and the run says so (test/global-setup.ts). */
const HAS_PDFTOTEXT = ['/usr/bin/pdftotext', '/usr/local/bin/pdftotext'].some((p) => fs.existsSync(p));
type Res = { statusCode: number; body: string; rawPayload: Buffer };

/** The text of a PDF (poppler's pdftotext, layout kept) and its page size in points. */
async function pdfFacts(pdf: Buffer) {
  const dir = tempDir('rampart-pdf-');
  const file = path.join(dir, 'doc.pdf');
  fs.writeFileSync(file, pdf);
  const { stdout: text } = await run('pdftotext', ['-layout', file, '-']);
  const { stdout: info } = await run('pdfinfo', [file]);
  const [, w, h] = /Page size:\s+([\d.]+) x ([\d.]+)/.exec(info) ?? [];
  return { text, width: Number(w), height: Number(h), pages: Number(/Pages:\s+(\d+)/.exec(info)?.[1]) };
}

/**
 * What an auditor reads: every export of an approved version carries its approval record (signer, role, date,
 * content hash) whatever the format, and the PDFs of the SoA and the treatment plan are laid out to be read: landscape,
 * the owner-acceptance column whole, words instead of status keys, the title once.
 */
describe.each(DIALECTS)('exports an auditor reads on %s', (kind) => {
  let env: TestEnv;
  let org: TestOrg;
  let soa: string;
  let plan: string;
  let soaHash: string;
  const url = (p: string) => `/api/v1/orgs/${org.slug}${p}`;

  beforeAll(async () => {
    env = await testEnv(kind);
    org = await buildOrg(env.app, env.handle, 'Exporting Ltd');
    await approveMethodology(org, startingMethodology('five-by-five'));
    const controls = await chooseEdition(org);
    const c81 = controls.get('8.1')!;
    expect(
      (
        await org.as.isms_manager.patch(url(`/controls/${c81.id}`), {
          applicability: 'applicable',
          implementationStatus: 'in_progress',
          expectedVersion: c81.version,
        })
      ).statusCode,
    ).toBe(200);
    const risk = await buildRisk(org.as.contributor, org.slug, {
      title: 'Lost phone with customer data',
      ownerId: org.users.contributor.id,
      likelihood: 5,
      consequence: 5,
    });
    const t = await setTreatment(org.as.contributor, org.slug, risk.id, {
      options: [{ option: 'modify', rationale: 'Manage the devices' }],
      controls: [{ controlId: c81.id, effect: 'both' }],
      residual: { likelihood: 4, consequence: 4 },
    });
    await buildAction(org.as.contributor, org.slug, {
      title: 'Roll out device management',
      sourceType: 'risk',
      sourceId: risk.id,
      status: 'in_progress',
      dueDate: '2099-01-01',
    });
    expect(
      (
        await org.as.contributor.post(url(`/risks/${risk.id}/acceptance`), {
          kind: 'concession',
          justification: 'Budget next year',
          treatmentVersion: t.version,
        })
      ).statusCode,
    ).toBe(200);

    soa = (
      await org.as.isms_manager.post(url('/statements-of-applicability'), { title: 'Statement of Applicability' })
    ).json().id;
    const v1 = await org.as.isms_manager.request('PUT', url(`/statements-of-applicability/${soa}/draft`), {
      content: { introduction: 'Our SoA.', statement: { edition: 'x', rows: [] } },
    });
    soaHash = v1.json().contentHash;
    expect(
      (
        await org.as.approver.post(url(`/statements-of-applicability/${soa}/versions/1/approve`), {
          contentHash: soaHash,
        })
      ).statusCode,
    ).toBe(200);
    expect(
      (
        await org.as.isms_manager.request('PUT', url(`/statements-of-applicability/${soa}/draft`), {
          content: { introduction: 'Our SoA, revised.', statement: { edition: 'x', rows: [] } },
        })
      ).statusCode,
    ).toBe(200);

    plan = (await org.as.isms_manager.post(url('/risk-treatment-plans'), { title: 'Risk treatment plan' })).json().id;
    const p1 = await org.as.isms_manager.request('PUT', url(`/risk-treatment-plans/${plan}/draft`), {
      content: { summary: 'The plan.', plan: { rows: [] } },
    });
    expect(
      (
        await org.as.approver.post(url(`/risk-treatment-plans/${plan}/versions/1/approve`), {
          contentHash: p1.json().contentHash,
        })
      ).statusCode,
    ).toBe(200);
  });
  afterAll(() => env?.close());

  it('the approved SoA as XLSX has an Approval sheet: signer, role, date and content hash', async () => {
    const res = (await org.as.viewer.get(
      url(`/statements-of-applicability/${soa}/versions/1/export.xlsx`),
    )) as unknown as Res;
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as never);
    expect(wb.worksheets[0]!.getRow(1).getCell(1).value).toBe('Control'); // the table stays first and unchanged
    const sheet = wb.getWorksheet('Approval');
    expect(sheet).toBeDefined();
    const text = sheet!.getSheetValues().flat().map(String).join(' | ');
    expect(text).toContain(`Exporting Ltd approver`);
    expect(text).toContain('Approver'); // the role, in words
    expect(text).toContain(soaHash);
    expect(text).toMatch(/\d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC/);
    expect(text).toContain('Approved');
  });

  it('the draft as XLSX says it is not approved', async () => {
    const res = (await org.as.viewer.get(
      url(`/statements-of-applicability/${soa}/versions/2/export.xlsx`),
    )) as unknown as Res;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as never);
    const text = wb.getWorksheet('Approval')!.getSheetValues().flat().map(String).join(' | ');
    expect(text).toContain('This version is not approved.');
  });

  it('the approved SoA as CSV carries the approval in columns of every row, so any CSV reader keeps it', async () => {
    const res = await org.as.viewer.get(url(`/statements-of-applicability/${soa}/versions/1/export.csv`));
    const rows = parse(res.body.replace(/^\uFEFF/, '')) as string[][];
    const header = rows[0]!;
    expect(header.slice(-4)).toEqual(['Version', 'State', 'Content SHA-256', 'Approved by']);
    expect(new Set(rows.map((r) => r.length)).size).toBe(1);
    for (const r of rows.slice(1)) {
      expect(r.at(-2)).toBe(soaHash);
      expect(r.at(-1)).toMatch(
        /^Exporting Ltd approver <.+>, Approver \(top management\), \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC$/,
      );
      expect(r.at(-3)).toBe('Approved');
    }
  });

  it('the approved treatment plan as XLSX has its approval too', async () => {
    const res = (await org.as.viewer.get(
      url(`/risk-treatment-plans/${plan}/versions/1/export.xlsx`),
    )) as unknown as Res;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as never);
    expect(wb.getWorksheet('Approval')!.getSheetValues().flat().map(String).join(' | ')).toContain(
      'Exporting Ltd approver',
    );
  });

  it.runIf(HAS_PDFTOTEXT)(
    'the treatment plan PDF is landscape, shows the owner-acceptance column whole and no status keys',
    async () => {
      const res = (await org.as.viewer.get(
        url(`/risk-treatment-plans/${plan}/versions/1/export.pdf`),
      )) as unknown as Res;
      const pdf = await pdfFacts(res.rawPayload);
      expect(pdf.width).toBeGreaterThan(pdf.height);
      expect(pdf.text).toContain('Owner acceptance');
      expect(pdf.text).not.toMatch(/in_progress|not_started|treatment_planned/);
      expect(pdf.text).toContain('In progress');
      expect(pdf.text).toContain('Accepted (concession)');
    },
  );

  it.runIf(HAS_PDFTOTEXT)('the SoA PDF is landscape, says its title once and uses words for statuses', async () => {
    const res = (await org.as.viewer.get(
      url(`/statements-of-applicability/${soa}/versions/1/export.pdf`),
    )) as unknown as Res;
    const pdf = await pdfFacts(res.rawPayload);
    expect(pdf.width).toBeGreaterThan(pdf.height);
    const head = pdf.text.split('\n').slice(0, 4).join('\n');
    expect(head.match(/Statement of Applicability/g)).toHaveLength(1);
    expect(pdf.text).not.toMatch(/in_progress|not_started/);
  });
});
