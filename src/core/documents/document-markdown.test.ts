import { describe, expect, it } from 'vitest';
import { markdownToBlocks, splitConfidential, stripConfidential } from './document-markdown.js';

const texts = (md: string, external = false) =>
  markdownToBlocks(md, { external }).flatMap((b) =>
    b.kind === 'text'
      ? [b.heading, ...b.paragraphs]
      : b.kind === 'table'
        ? [b.heading, ...b.columns, ...b.rows.flat()]
        : [b.heading],
  );

describe('document Markdown to export blocks', () => {
  it('turns headings into sub-headings holding the paragraphs below them', () => {
    const blocks = markdownToBlocks(
      'Opening words.\n\n## Rules\n\nFirst rule *really* **matters**.\n\n### Detail\n\nMore.',
    );
    expect(blocks).toEqual([
      { kind: 'text', heading: '', paragraphs: ['Opening words.'] },
      { kind: 'text', heading: 'Rules', paragraphs: ['First rule really matters.'], subheading: true },
      { kind: 'text', heading: 'Detail', paragraphs: ['More.'], subheading: true },
    ]);
  });

  it('writes lists with bullets and numbers, nested lists indented', () => {
    const [block] = markdownToBlocks('- one\n- two\n  1. nested\n\n3. three\n4. four');
    expect(block).toMatchObject({
      kind: 'text',
      paragraphs: ['• one\n• two\n\u00a0\u00a0\u00a0\u00a01. nested', '3. three\n4. four'],
    });
  });

  it('makes tables table blocks, taking the heading right above them', () => {
    const blocks = markdownToBlocks(
      '## Owners\n\n| Asset | Owner |\n|---|---|\n| CRM | **Sales** |\n\nAfter the table.',
    );
    expect(blocks[0]).toEqual({
      kind: 'table',
      heading: 'Owners',
      columns: ['Asset', 'Owner'],
      rows: [['CRM', 'Sales']],
      subheading: true,
    });
    expect(blocks[1]).toEqual({ kind: 'text', heading: '', paragraphs: ['After the table.'] });
  });

  it('keeps code as plain text and decodes entities in prose only', () => {
    expect(texts('```sh\nrm -rf <dir> &amp;\n```\n\nTom &amp; Jerry `a &amp; b`')).toEqual([
      '',
      'rm -rf <dir> &amp;',
      'Tom & Jerry a &amp; b',
    ]);
  });

  it('prints raw HTML, scripts and javascript: links as inert text', () => {
    const out = texts(
      '<script>alert(1)</script>\n\nHi <img src=x onerror="alert(2)"> and [click](javascript:alert(3)) or ![pic](javascript:alert(4))',
    );
    expect(out).toEqual([
      '',
      '<script>alert(1)</script>',
      'Hi <img src=x onerror="alert(2)"> and click (javascript:alert(3)) or pic (javascript:alert(4))',
    ]);
  });

  it('shows a link with its target, and a bare URL once', () => {
    expect(texts('See [the site](https://example.test/a) or https://example.test/b')).toEqual([
      '',
      'See the site (https://example.test/a) or https://example.test/b',
    ]);
  });
});

describe('confidential containers', () => {
  const md = 'Public intro.\n\n::: confidential\nThe root password hint.\n:::\n\nPublic end.';

  it('keeps them behind a marker in internal exports', () => {
    expect(texts(md)).toEqual([
      '',
      'Public intro.',
      '[Confidential — not for external distribution]',
      'The root password hint.',
      '[End of confidential part]',
      'Public end.',
    ]);
  });

  it('drops them from external copies and from stripConfidential', () => {
    expect(texts(md, true)).toEqual(['', 'Public intro.', 'Public end.']);
    expect(stripConfidential(md)).not.toContain('password');
    expect(stripConfidential(md)).toContain('Public end.');
  });

  it('treats a container left open as confidential to the end', () => {
    expect(stripConfidential('A\n::: Confidential\nsecret\nmore secret')).toBe('A');
  });

  it('does not take marker lines inside fenced code as markers', () => {
    const segments = splitConfidential('```\n::: confidential\n```\nafter');
    expect(segments).toEqual([{ text: '```\n::: confidential\n```\nafter', confidential: false }]);
  });

  it('keeps a heading inside a container with its text', () => {
    expect(texts('::: confidential\n## Keys\n\nWhere they are\n:::', true)).toEqual([]);
    expect(markdownToBlocks('::: confidential\n## Keys\n\nWhere they are\n:::').map((b) => b.heading)).toEqual([
      '',
      'Keys',
    ]);
  });
});
