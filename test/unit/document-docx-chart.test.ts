import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import type { ChartSpec } from '../../src/schema/common/chart-spec.js';
import { renderDocx } from '../../src/reports/document-docx.js';
import type { DocumentModel } from '../../src/reports/document-model.js';
import { decodePng } from '../helpers/png-decode.js';

const bars: ChartSpec = {
  kind: 'bar',
  unit: null,
  categories: ['Customers', 'Regulator'],
  series: [
    { name: 'Open', values: [4, 1] },
    { name: 'Closed', values: [6, 2] },
  ],
  references: [],
  description: 'Feedback by source: "open" & <closed>',
};
const model = (sections: DocumentModel['sections']): DocumentModel => ({
  title: 'Management review minutes',
  subtitle: 'Example Ltd',
  footer: 'MR-1',
  control: [['Reference', 'MR-1']],
  approvalHeading: 'Approval',
  approvalColumns: ['By'],
  approvals: [],
  approvalNote: null,
  sections,
  emptyText: 'Nothing recorded',
  filenameBase: 'mr-1',
});

describe('renderDocx: chart blocks as pictures', () => {
  it('embeds a bar chart as its SVG over a PNG fallback, with the description as escaped alt text', async () => {
    const zip = await JSZip.loadAsync(
      await renderDocx(model([{ kind: 'chart', heading: 'Interested parties', chart: bars }])),
    );
    const xml = (await zip.file('word/document.xml')?.async('string')) ?? '';
    const types = (await zip.file('[Content_Types].xml')?.async('string')) ?? '';
    expect(types).toMatch(/Extension="svg"/);
    expect(types).toMatch(/Extension="png"/);
    expect(xml).toContain('descr="Feedback by source: &quot;open&quot; &amp; &lt;closed&gt;"');
    const svg = Object.keys(zip.files).find((f) => /^word\/media\/.+\.svg$/.test(f))!;
    const png = Object.keys(zip.files).find((f) => /^word\/media\/.+\.png$/.test(f))!;
    expect((await zip.file(svg)!.async('string')).match(/<rect [^>]*fill="#c2410c"/g)).toHaveLength(3); // 2 bars, 1 key
    const picture = decodePng(await zip.file(png)!.async('nodebuffer'));
    const seen = new Set<string>();
    for (let y = 0; y < picture.height; y += 3)
      for (let x = 0; x < picture.width; x += 3) seen.add(picture.colour(x, y));
    expect(seen).toContain('#16324f');
    expect(seen).toContain('#c2410c');
    // no chart, no picture
    const none = await JSZip.loadAsync(
      await renderDocx(model([{ kind: 'text', heading: 'Notes', paragraphs: ['x'] }])),
    );
    expect(Object.keys(none.files).filter((f) => f.startsWith('word/media/'))).toEqual([]);
  });
});
