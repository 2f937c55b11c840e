import { createRequire } from 'node:module';
import { chartSvg } from './chart-svg.js';
import type { DocumentModel } from './document-model.js';

const require = createRequire(import.meta.url);
// pdfmake's server build: pure JavaScript with its bundled Roboto fonts (no browser, no download).
const pdfmake = require('pdfmake') as {
  setFonts(fonts: unknown): void;
  setUrlAccessPolicy(cb: (url: string) => boolean): void;
  setLocalAccessPolicy(cb: (path: string) => boolean): void;
  createPdf(doc: unknown): { getBuffer(): Promise<Buffer> };
};
const fonts = require('pdfmake/fonts/Roboto.js') as { Roboto: Record<string, string> };
pdfmake.setFonts(fonts);
// Documents never load anything but the bundled fonts: no URLs, no other files.
const fontFiles = new Set(Object.values(fonts.Roboto));
pdfmake.setUrlAccessPolicy(() => false);
pdfmake.setLocalAccessPolicy((file: string) => fontFiles.has(file));

const tableLayout = {
  hLineColor: () => '#B7C3D0',
  vLineColor: () => '#B7C3D0',
  paddingTop: () => 3,
  paddingBottom: () => 3,
};
const headerCells = (cols: string[]) => cols.map((c) => ({ text: c, style: 'th' }));

interface Heading {
  text: string;
  style: 'h1' | 'h2';
}
/**
 * A paragraph this short always fits on a page, so it may be kept with its heading as one unbreakable block
 * (pdfmake keeps only the first page of an unbreakable block taller than a page: a longer one is left to break).
 */
const SHORT_PARAGRAPH = 1500;

/**
 * The headings and the first block after them, unbroken. (pdfmake's pageBreakBefore would do it too, but it lays
 * the whole document out again for every heading it moves: minutes for a report of hundreds of sections.)
 */
function keepWithHeadings(headings: Heading[], first: object, unbreakable: boolean) {
  if (!headings.length) return first;
  return unbreakable ? { stack: [...headings, first], unbreakable: true } : { stack: [...headings, first] };
}

const NO_BORDER = [false, false, false, false];
/** A heading as a table row across every column: no borders, no fill, aligned with the text outside the table. */
const headingRow = (h: Heading, columns: number) => [
  {
    text: h.text,
    style: h.style,
    colSpan: columns,
    border: NO_BORDER,
    // the cell's padding undone, the style's space above and below kept
    margin: [-4, h.style === 'h1' ? 16 : 14, 0, 6],
  },
  ...Array.from({ length: columns - 1 }, () => ({ text: '', border: NO_BORDER })),
];

const A4 = { long: 841.89, short: 595.28 };
const MARGIN = 50;
/** what a cell adds to its content width: padding left and right (4 pt each) and a vertical line */
const CELL_EXTRA = 9;
/** points: a chart across most of a portrait page's text width */
const CHART_WIDTH = 480;

/**
 * Column widths in points from relative weights, filling the page's text width (pdfmake's '*' columns are all the
 * same width, which starves a long column such as a justification); equal shares without weights.
 */
export function columnWidths(weights: number[] | undefined, count: number, landscape: boolean): (number | string)[] {
  if (!weights || weights.length !== count) return Array.from({ length: count }, () => '*');
  const text = (landscape ? A4.long : A4.short) - 2 * MARGIN - count * CELL_EXTRA - 1;
  const sum = weights.reduce((a, b) => a + b, 0);
  return weights.map((w) => Math.floor((text * w) / sum));
}

/**
 * Lays the document out as a PDF, in the calling thread. Runs in a worker thread (document-pdf.ts): a long document
 * keeps a CPU busy for seconds, which on the main thread would stall every other request.
 */
export async function layOutPdf(doc: DocumentModel): Promise<Buffer> {
  const landscape = doc.sections.some((s) => s.kind === 'table' && s.wide);
  const content: unknown[] = [
    { text: doc.title, style: 'title' },
    { text: doc.subtitle, style: doc.notice ? 'subtitleTight' : 'subtitle' },
    ...(doc.notice ? [{ text: doc.notice, style: 'notice' }] : []),
    {
      table: { widths: ['auto', '*'], body: doc.control.map(([k, v]) => [{ text: k, style: 'th' }, v]) },
      layout: tableLayout,
    },
    { text: doc.approvalHeading, style: 'h2' },
  ];
  if (doc.approvals.length)
    content.push({
      table: {
        headerRows: 1,
        widths: ['*', 'auto', '*', 'auto'],
        body: [headerCells(doc.approvalColumns), ...doc.approvals],
      },
      layout: tableLayout,
    });
  if (doc.approvalNote) content.push({ text: doc.approvalNote, bold: true });
  // Headings wait for what they introduce and are laid out with it, so that none is left at the foot of a page.
  let pending: Heading[] = [];
  const take = () => {
    const hs = pending;
    pending = [];
    return hs;
  };
  for (const s of doc.sections) {
    if (s.heading) pending.push({ text: s.heading, style: s.subheading ? 'h2' : 'h1' });
    if (s.kind === 'text') {
      const paragraphs = s.paragraphs.length
        ? s.paragraphs.map((p) => ({ text: p, margin: [0, 0, 0, 6] }))
        : (s.empty ?? doc.emptyText)
          ? [{ text: s.empty ?? doc.emptyText, italics: true }]
          : [];
      const [first, ...rest] = paragraphs;
      if (first) content.push(keepWithHeadings(take(), first, first.text.length <= SHORT_PARAGRAPH), ...rest);
      continue;
    }
    if (s.kind === 'chart') {
      content.push(
        keepWithHeadings(take(), { svg: chartSvg(s.chart), width: CHART_WIDTH, margin: [0, 0, 0, 6] }, true),
      );
      continue;
    }
    const body = s.rows.map((r, i) =>
      r.map((v, j) =>
        s.rowHeadings && j === 0
          ? { text: v, style: 'th' }
          : s.fills?.[i]?.[j]
            ? { text: v, fillColor: s.fills[i]![j] }
            : v,
      ),
    );
    if (!s.rows.length) {
      if (doc.emptyText) content.push(keepWithHeadings(take(), { text: doc.emptyText, italics: true }, true));
      continue;
    }
    // The headings are the table's first header rows: the column headers and the first row are never parted from
    // them, and on a following page they say again which table continues. A row is never split across two pages.
    const headings = take();
    content.push({
      table: {
        headerRows: headings.length + 1,
        keepWithHeaderRows: 1,
        dontBreakRows: true,
        widths: columnWidths(s.widths, s.columns.length, landscape),
        body: [...headings.map((h) => headingRow(h, s.columns.length)), headerCells(s.columns), ...body],
      },
      // no rule above or between the heading rows
      layout: headings.length
        ? { ...tableLayout, hLineWidth: (i: number) => (i < headings.length ? 0 : 1) }
        : tableLayout,
      margin: [0, 0, 0, 6],
      fontSize: s.wide ? 8.5 : undefined,
    });
  }
  content.push(...take());
  const definition = {
    info: { title: `${doc.title} — ${doc.subtitle}`, creator: 'Rampart', producer: 'Rampart' },
    pageSize: 'A4',
    pageOrientation: landscape ? 'landscape' : 'portrait',
    pageMargins: [MARGIN, MARGIN, MARGIN, 60],
    content,
    footer: (page: number, pages: number) => ({
      text: `${doc.footer} · ${page} / ${pages}`,
      alignment: 'center',
      fontSize: 8,
      margin: [0, 20, 0, 0],
      color: '#555555',
    }),
    defaultStyle: { font: 'Roboto', fontSize: 10, lineHeight: 1.25 },
    styles: {
      title: { fontSize: 20, bold: true, margin: [0, 0, 0, 4] },
      subtitle: { fontSize: 11, italics: true, color: '#444444', margin: [0, 0, 0, 14] },
      subtitleTight: { fontSize: 11, italics: true, color: '#444444', margin: [0, 0, 0, 6] },
      notice: { fontSize: 10, bold: true, margin: [0, 0, 0, 14] },
      h1: { fontSize: 14, bold: true, margin: [0, 16, 0, 6], color: '#16324F' },
      h2: { fontSize: 12, bold: true, margin: [0, 14, 0, 6], color: '#16324F' },
      th: { bold: true, fillColor: '#E8EEF4' },
    },
  };
  return pdfmake.createPdf(definition).getBuffer();
}
