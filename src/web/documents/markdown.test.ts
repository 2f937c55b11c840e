import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { Markdown, safeHref, splitConfidential } from './markdown.js';

// A .ts file (createElement, no JSX): the test runner collects `*.test.ts` only.
const html = (text: string) => renderToStaticMarkup(createElement(Markdown, { text }));

/** Every element name and attribute name in the markup. */
function tagsAndAttributes(markup: string) {
  const tags = new Set<string>();
  const attrs = new Set<string>();
  for (const m of markup.matchAll(/<([a-z0-9]+)([^>]*)>/gi)) {
    tags.add(m[1]!.toLowerCase());
    for (const a of m[2]!.matchAll(/\s([a-z-]+)=/gi)) attrs.add(a[1]!.toLowerCase());
  }
  return { tags, attrs };
}

describe('safe Markdown rendering', () => {
  it('renders ordinary Markdown as elements', () => {
    const out = html(
      '# Purpose\n\nWe **protect** *information*.\n\n- one\n- two\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n[Policy](https://example.com/p) and [home](/o/alpha) and [mail](mailto:ciso@example.com)',
    );
    expect(out).toContain('<h4 class="md__heading">Purpose</h4>');
    expect(out).toContain('<strong>protect</strong>');
    expect(out).toContain('<em>information</em>');
    expect(out).toContain('<li>one</li>');
    expect(out).toContain('<td>2</td>');
    expect(out).toContain('<a href="https://example.com/p" rel="noopener noreferrer nofollow">Policy</a>');
    expect(out).toContain('href="/o/alpha"');
    expect(out).toContain('href="mailto:ciso@example.com"');
  });

  it.each([
    ['a script element', '<script>alert(1)</script>', 'script'],
    ['an image with an error handler', '<img src=x onerror="alert(1)">', 'img'],
    ['an inline image with a handler', 'Look: <img src=x onerror=alert(1)> here', 'img'],
    ['an HTML link to javascript:', '<a href="javascript:alert(1)">click</a>', 'a'],
    ['an iframe', '<iframe src="https://evil.example"></iframe>', 'iframe'],
    ['an svg with onload', '<svg onload=alert(1)></svg>', 'svg'],
    ['a style element', '<style>body{display:none}</style>', 'style'],
  ])('shows %s as text, never as an element', (_name, input, tag) => {
    const out = html(input);
    const { tags, attrs } = tagsAndAttributes(out);
    expect(tags.has(tag)).toBe(false);
    expect([...attrs].filter((a) => a.startsWith('on'))).toEqual([]);
    expect(attrs.has('src')).toBe(false);
    // the words written are still there, escaped
    expect(out).toContain('&lt;');
  });

  it.each([
    ['javascript:', '[x](javascript:alert(1))'],
    ['JavaScript: in capitals', '[x](JavaScript:alert(1))'],
    ['javascript: inside an autolink', '<javascript:alert(1)>'],
    ['javascript: behind an entity', '[x](javascript&#58;alert(1))'],
    ['vbscript:', '[x](vbscript:msgbox(1))'],
    ['data: URL', '[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)'],
    ['file: URL', '[x](file:///etc/passwd)'],
    ['reference-style javascript:', '[x][1]\n\n[1]: javascript:alert(1)'],
  ])('keeps a %s link as plain text', (_name, input) => {
    const out = html(input);
    const { tags, attrs } = tagsAndAttributes(out);
    expect(tags.has('a')).toBe(false);
    expect(attrs.has('href')).toBe(false);
    expect(out).toContain('md__blocked-link');
  });

  it('never loads an image: its description and address are text', () => {
    const out = html('![tracking pixel](https://evil.example/p.png?who=me) and ![x](data:image/png;base64,AAAA)');
    const { tags, attrs } = tagsAndAttributes(out);
    expect(tags.has('img')).toBe(false);
    expect(attrs.has('src')).toBe(false);
    expect(out).toContain('[tracking pixel]');
    expect(out).toContain('https://evil.example/p.png?who=me');
  });

  it('keeps code as code, and entities as their characters', () => {
    const out = html('`<b>bold?</b>` and AT&amp;T\n\n```\n<script>x</script>\n```');
    expect(out).toContain('<code>&lt;b&gt;bold?&lt;/b&gt;</code>');
    expect(out).toContain('AT&amp;T');
    expect(out).not.toContain('AT&amp;amp;T');
    expect(tagsAndAttributes(out).tags.has('script')).toBe(false);
  });

  it('shows a confidential container in a marked box', () => {
    const out = html('Public part.\n\n::: confidential\nThe alarm code is 1234.\n:::\n\nAfter.');
    expect(out).toMatch(
      /<div class="md-confidential" role="group" aria-label="Confidential — not shared externally">.*The alarm code is 1234\..*<\/div>/s,
    );
    expect(out.indexOf('Public part.')).toBeLessThan(out.indexOf('md-confidential'));
    expect(out.lastIndexOf('After.')).toBeGreaterThan(out.indexOf('1234'));
  });

  it('splits confidential containers like the server: fences are content, an open container runs to the end', () => {
    expect(splitConfidential('a\n```\n::: confidential\n```\nb')).toEqual([
      { text: 'a\n```\n::: confidential\n```\nb', confidential: false },
    ]);
    expect(splitConfidential('a\n::: confidential\nsecret')).toEqual([
      { text: 'a', confidential: false },
      { text: 'secret', confidential: true },
    ]);
  });

  it('allows only http(s), mailto and relative addresses', () => {
    expect(safeHref('https://example.com')).toBe('https://example.com');
    expect(safeHref('HTTP://example.com')).toBe('HTTP://example.com');
    expect(safeHref('mailto:a@example.com')).toBe('mailto:a@example.com');
    expect(safeHref('/o/alpha/documents')).toBe('/o/alpha/documents');
    expect(safeHref('#scope')).toBe('#scope');
    expect(safeHref(' javascript:alert(1)')).toBeNull();
    expect(safeHref('jav\nascript:alert(1)')).toBeNull();
    expect(safeHref('&#106;avascript:alert(1)')).toBeNull();
    expect(safeHref('data:text/html,x')).toBeNull();
    expect(safeHref('')).toBeNull();
  });
});
