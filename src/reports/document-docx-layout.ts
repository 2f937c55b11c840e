import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  HeadingLevel,
  ImageRun,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { chartPng } from './chart-png.js';
import { chartSvg } from './chart-svg.js';
import type { DocumentModel } from './document-model.js';

/** twentieths of a point across a page's text (A4 less Word's default margins); Word scales the grid to fit */
const TEXT_WIDTH = 9000;
const TEXT_WIDTH_LANDSCAPE = 13_950;
/** pixels (Word's 96 to the inch): a chart across the portrait text width (6.25 in), as tall as its 5:2 layout */
const CHART_SIZE = { width: 600, height: 240 };
/** half-points: wide register tables (SoA, treatment plan) in 9 pt, so short columns keep their words whole */
const WIDE_TABLE_SIZE = 18;
const border = { style: BorderStyle.SINGLE, size: 4, color: 'B7C3D0' };
const borders = {
  top: border,
  bottom: border,
  left: border,
  right: border,
  insideHorizontal: border,
  insideVertical: border,
};

function cell(text: string, header = false, fill: string | null = null, size?: number): TableCell {
  const background = header ? 'E8EEF4' : fill ? fill.replace('#', '') : null;
  return new TableCell({
    children: text
      .split('\n')
      .map(
        (line) => new Paragraph({ children: [new TextRun({ text: line, bold: header, ...(size ? { size } : {}) })] }),
      ),
    shading: background ? { type: ShadingType.CLEAR, color: 'auto', fill: background } : undefined,
    margins: { top: 60, bottom: 60, left: 100, right: 100 },
  });
}

function table(
  columns: string[],
  rows: string[][],
  opts: { fills?: (string | null)[][]; rowHeadings?: boolean; widths?: number[]; wide?: boolean } = {},
): Table {
  const sum = opts.widths?.reduce((a, b) => a + b, 0) ?? 0;
  const across = opts.wide ? TEXT_WIDTH_LANDSCAPE : TEXT_WIDTH;
  const size = opts.wide ? WIDE_TABLE_SIZE : undefined;
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    ...(opts.widths && opts.widths.length === columns.length
      ? { columnWidths: opts.widths.map((w) => Math.round((across * w) / sum)) }
      : {}),
    borders,
    rows: [
      new TableRow({ tableHeader: true, cantSplit: true, children: columns.map((c) => cell(c, true, null, size)) }),
      ...rows.map(
        (r, i) =>
          new TableRow({
            cantSplit: true,
            children: r.map((v, j) => cell(v, !!opts.rowHeadings && j === 0, opts.fills?.[i]?.[j] ?? null, size)),
          }),
      ),
    ],
  });
}

/**
 * A Word document that opens cleanly: styles for headings, a document-control table, the approval block, sections.
 * Lays it out in the calling thread: runs in a worker thread (document-docx.ts), because the charts' PNG fallbacks
 * and the tables of a long report keep a CPU busy for seconds.
 */
export async function layOutDocx(doc: DocumentModel): Promise<Buffer> {
  const landscape = doc.sections.some((s) => s.kind === 'table' && s.wide);
  const body: (Paragraph | Table)[] = [
    new Paragraph({ text: doc.title, heading: HeadingLevel.TITLE }),
    new Paragraph({
      children: [new TextRun({ text: doc.subtitle, italics: true })],
      spacing: { after: doc.notice ? 120 : 240 },
    }),
    ...(doc.notice
      ? [new Paragraph({ children: [new TextRun({ text: doc.notice, bold: true })], spacing: { after: 240 } })]
      : []),
    new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      borders,
      rows: doc.control.map(([k, v]) => new TableRow({ children: [cell(k, true), cell(v)] })),
    }),
    new Paragraph({ text: doc.approvalHeading, heading: HeadingLevel.HEADING_2, spacing: { before: 240 } }),
  ];
  if (doc.approvals.length) body.push(table(doc.approvalColumns, doc.approvals));
  if (doc.approvalNote) body.push(new Paragraph({ children: [new TextRun({ text: doc.approvalNote, bold: true })] }));
  for (const s of doc.sections) {
    if (s.heading)
      body.push(
        new Paragraph({
          text: s.heading,
          heading: s.subheading ? HeadingLevel.HEADING_2 : HeadingLevel.HEADING_1,
          spacing: { before: s.subheading ? 200 : 320 },
        }),
      );
    if (s.kind === 'text') {
      const empty = s.empty ?? doc.emptyText;
      if (!s.paragraphs.length && empty)
        body.push(new Paragraph({ children: [new TextRun({ text: empty, italics: true })] }));
      for (const p of s.paragraphs)
        body.push(
          new Paragraph({
            children: p
              .split('\n')
              .flatMap((line, i) => (i ? [new TextRun({ text: line, break: 1 })] : [new TextRun(line)])),
          }),
        );
    } else if (s.kind === 'chart') {
      // Word 2016 and later draw the SVG (sharp at any zoom, the same picture as the PDF's); older Word, LibreOffice
      // and previewers show the PNG painted from the same layout. The description is the picture's alt text.
      body.push(
        new Paragraph({
          children: [
            new ImageRun({
              type: 'svg',
              data: Buffer.from(chartSvg(s.chart)),
              fallback: { type: 'png', data: chartPng(s.chart) },
              transformation: CHART_SIZE,
              altText: { name: s.heading, title: s.heading, description: s.chart.description },
            }),
          ],
        }),
      );
    } else if (!s.rows.length) {
      if (doc.emptyText) body.push(new Paragraph({ children: [new TextRun({ text: doc.emptyText, italics: true })] }));
    } else {
      body.push(table(s.columns, s.rows, s));
    }
  }
  const file = new Document({
    creator: 'Rampart',
    title: `${doc.title} — ${doc.subtitle}`,
    styles: { default: { document: { run: { font: 'Calibri', size: 22 } } } },
    sections: [
      {
        properties: landscape ? { page: { size: { orientation: PageOrientation.LANDSCAPE } } } : {},
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [
                  new TextRun({ text: `${doc.footer} · `, size: 16 }),
                  new TextRun({ children: [PageNumber.CURRENT, ' / ', PageNumber.TOTAL_PAGES], size: 16 }),
                ],
              }),
            ],
          }),
        },
        children: body,
      },
    ],
  });
  return Packer.toBuffer(file);
}
