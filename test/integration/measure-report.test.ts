import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEnv, type TestEnv } from '../helpers/app.js';
import { DIALECTS, tempDir } from '../helpers/databases.js';
import { buildOrg, type TestOrg } from '../helpers/factories.js';
import { buildMeasure, recordResult } from '../helpers/measure-factories.js';
import { decodePng } from '../helpers/png-decode.js';

const run = promisify(execFile);
/** poppler-utils reads the PDF; without it the PDF test skips, and the run says so (test/global-setup.ts). */
const HAS_PDFTOTEXT = ['/usr/bin/pdftotext', '/usr/local/bin/pdftotext'].some((p) => fs.existsSync(p));

async function pdfText(pdf: Buffer): Promise<string> {
  const file = path.join(tempDir('rampart-pdf-'), 'report.pdf');
  fs.writeFileSync(file, pdf);
  return (await run('pdftotext', [file, '-'])).stdout;
}
const fields = (res: { json(): { errors?: { field: string }[] } }) => (res.json().errors ?? []).map((e) => e.field);

/** The 9.1 report an auditor files: every active measure with its definition, chart, values and evaluations. */
describe.each(DIALECTS)('the measurement report (9.1) as PDF and DOCX on %s', (kind) => {
  let env: TestEnv;
  let org: TestOrg;
  let other: TestOrg;
  let first: { ref: string; title: string };
  let second: { ref: string; title: string };
  let retired: { ref: string; title: string };
  const range = 'from=2026-01-01&to=2026-11-30';
  const url = (format: string, q = range) => `/api/v1/orgs/${org.slug}/measures/report.${format}?${q}`;

  beforeAll(async () => {
    env = await testEnv(kind);
    org = await buildOrg(env.app, env.handle);
    other = await buildOrg(env.app, env.handle);
    const c = org.as.contributor;
    const a = await buildMeasure(c, org.slug, { method: 'Count the reviews in the register' });
    first = { ref: a.ref, title: String(a.title) };
    for (const [measuredOn, value] of [
      ['2026-03-31', 87.5],
      ['2026-04-30', 96],
      ['2025-06-30', 12.25], // before the range: not in the report
    ] as const)
      expect((await recordResult(c, org.slug, a.id, { measuredOn, value })).statusCode).toBe(201);
    const evaluated = await c.post(`/api/v1/orgs/${org.slug}/measures/${a.id}/evaluations`, {
      periodKey: '2026-03',
      rag: 'red',
      note: 'Reminders were missed in March',
    });
    expect(evaluated.statusCode, evaluated.body).toBe(201);
    const b = await buildMeasure(c, org.slug, { targetDirection: 'at_most', targetValue: 5, unit: 'days' });
    second = { ref: b.ref, title: String(b.title) };
    const r = await buildMeasure(c, org.slug, { status: 'retired' });
    retired = { ref: r.ref, title: String(r.title) };
  });
  afterAll(() => env?.close());
  const auditCount = async () =>
    Number(
      (
        await env.handle.db
          .selectFrom('auditEvents')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('orgId', '=', org.id)
          .where('type', '=', 'export.generated')
          .executeTakeFirstOrThrow()
      ).n,
    );

  it.skipIf(!HAS_PDFTOTEXT)(
    'a viewer downloads the PDF: overview, definitions, a chart, values and evaluations',
    async () => {
      const res = await org.as.viewer.get(url('pdf'));
      expect(res.statusCode, res.body).toBe(200);
      expect(res.headers['content-type']).toBe('application/pdf');
      expect(res.headers['content-disposition']).toContain(
        `${org.slug}-measurement-report-2026-01-01-to-2026-11-30.pdf`,
      );
      const text = (await pdfText(res.rawPayload)).replace(/\s+/g, ' ');
      expect(text).toContain('2026-01-01 – 2026-11-30');
      expect(text).toContain(`${first.ref} ${first.title}`);
      expect(text).toContain(`${second.ref} ${second.title}`);
      expect(text).not.toContain(retired.title);
      expect(text).toContain('≥ 95 %');
      expect(text).toContain('≤ 5 days');
      expect(text).toContain('Count the reviews in the register');
      expect(text).toContain('87.5 %');
      expect(text).toContain('Reminders were missed in March');
      expect(text).not.toContain('12.25');
      // measures in order of reference
      expect(text.lastIndexOf(`${first.ref} ${first.title}`)).toBeLessThan(
        text.lastIndexOf(`${second.ref} ${second.title}`),
      );
      // the chart names every month of the range under its axis, January too, which has no value
      expect(text).toMatch(/2026-01(?!-)/);
    },
  );

  it('a viewer downloads the DOCX: the same content, each chart an SVG picture with a PNG fallback', async () => {
    const res = await org.as.viewer.get(url('docx'));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    const zip = await JSZip.loadAsync(res.rawPayload);
    const xml = (await zip.file('word/document.xml')?.async('string')) ?? '';
    const text = xml.replace(/<[^>]+>/g, '');
    for (const s of [first.title, second.title, first.ref, '≥ 95 %', '87.5 %', 'Reminders were missed in March'])
      expect(text).toContain(s);
    expect(text).not.toContain(retired.title);
    // one picture a measure: the SVG (a:blip's asvg:svgBlip) over the PNG (a:blip's r:embed), the description as alt text
    const media = Object.keys(zip.files).filter((f) => f.startsWith('word/media/'));
    const svgs = media.filter((f) => f.endsWith('.svg'));
    const pngs = media.filter((f) => f.endsWith('.png'));
    expect([svgs.length, pngs.length]).toEqual([2, 2]);
    const rels = (await zip.file('word/_rels/document.xml.rels')?.async('string')) ?? '';
    const target = (id: string) => new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] ?? '';
    const pictures = [...xml.matchAll(/<a:blip r:embed="([^"]+)"[^]*?<asvg:svgBlip [^>]*r:embed="([^"]+)"/g)];
    expect(pictures).toHaveLength(2);
    for (const [, pngId, svgId] of pictures) {
      expect(`word/${target(pngId!)}`).toMatch(/^word\/media\/.+\.png$/);
      expect(`word/${target(svgId!)}`).toMatch(/^word\/media\/.+\.svg$/);
      const png = decodePng(await zip.file(`word/${target(pngId!)}`)!.async('nodebuffer'));
      expect([png.width, png.height]).toEqual([1500, 600]);
      // the target line (green) is painted, and (below) the first measure's values (navy)
      const seen = new Set<string>();
      for (let y = 0; y < png.height; y += 1) for (let x = 0; x < png.width; x += 5) seen.add(png.colour(x, y));
      expect(seen).toContain('#2e7d32');
      expect(seen.has('#16324f')).toBe(pngId === pictures[0]![1]);
      const svg = await zip.file(`word/${target(svgId!)}`)!.async('string');
      expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"[^]*<\/svg>$/);
    }
    // the first measure's chart holds its two values, the second none: its picture has no line
    const firstSvg = await zip.file(`word/${target(pictures[0]![2]!)}`)!.async('string');
    expect(firstSvg.match(/<circle /g)).toHaveLength(2);
    expect(xml.match(/<wp:docPr [^>]*descr="[^"]*against its target line/g)).toHaveLength(2);
  });

  it('defaults to the last 12 months, and refuses bad dates naming the query field', async () => {
    const dflt = await org.as.viewer.get(`/api/v1/orgs/${org.slug}/measures/report.docx`);
    expect(dflt.statusCode, dflt.body).toBe(200);
    const today = new Date().toISOString().slice(0, 10);
    expect(dflt.headers['content-disposition']).toContain(`-to-${today}.docx`);
    const cases: [string, string][] = [
      ['from=2026-13-01', 'query.from'],
      ['to=yesterday', 'query.to'],
      ['from=2026-06-01&to=2026-05-31', 'query.to'],
      ['from=2020-01-01&to=2025-01-01', 'query.from'],
      ['to=0000-01-01', 'query.to'],
      ['from=0000-01-01&to=0001-01-01', 'query.from'],
      ['from=2026-01-01&colour=red', 'query'],
    ];
    const before = await auditCount();
    for (const [q, field] of cases)
      for (const format of ['pdf', 'docx']) {
        const res = await org.as.viewer.get(url(format, q));
        expect(res.statusCode, `${format} ${q}`).toBe(400);
        expect(res.headers['content-type']).toContain('application/problem+json');
        expect(fields(res).join(), `${format} ${q}`).toContain(field);
      }
    // a refused request writes nothing; a report is recorded as an export
    expect(await auditCount()).toBe(before);
    // five years less a day is fine
    expect((await org.as.viewer.get(url('docx', 'from=2020-01-01&to=2024-12-31'))).statusCode).toBe(200);
    expect(await auditCount()).toBe(before + 1);
  });

  it("another organization's member gets 404", async () => {
    for (const format of ['pdf', 'docx']) expect((await other.as.admin.get(url(format))).statusCode).toBe(404);
  });
});
