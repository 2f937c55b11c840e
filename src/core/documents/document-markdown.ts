import { Lexer, type Token, type Tokens } from 'marked';
import { translate as t } from '../../schema/i18n/translate.js';
import type { DocumentBlock } from '../versioning/versioned-module.js';

/**
 * Document Markdown → the blocks DOCX/PDF exports lay out. Only marked's lexer is used, never its HTML renderer:
 * every token ends up as plain text, so raw HTML, scripts and `javascript:` links are printed, never interpreted.
 */

export { splitConfidential, type MarkdownSegment } from '../../schema/documents/confidential-markdown.js';
import { splitConfidential } from '../../schema/documents/confidential-markdown.js';

/** The text without its confidential containers (what an external copy may show). */
export function stripConfidential(markdown: string): string {
  return splitConfidential(markdown)
    .filter((s) => !s.confidential)
    .map((s) => s.text)
    .join('\n');
}

type Item =
  | { kind: 'heading'; text: string }
  | { kind: 'para'; text: string }
  | { kind: 'table'; columns: string[]; rows: string[][] };

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** Markdown text may carry HTML entities (`&amp;`); as plain text they mean their character. */
function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]{1,6}|#[0-9]{1,7}|[a-z]+);/gi, (m, name: string) => {
    if (name[0] !== '#') return ENTITIES[name.toLowerCase()] ?? m;
    const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
    return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : m;
  });
}

/** Inline formatting reduced to its words; a link keeps its target visible (as text, never clickable). */
function inline(tokens: Token[] | undefined): string {
  return (tokens ?? []).map(inlineToken).join('');
}

function inlineToken(token: Token): string {
  switch (token.type) {
    case 'text':
      return 'tokens' in token && token.tokens?.length ? inline(token.tokens) : decodeEntities(token.text);
    case 'escape':
      return decodeEntities(token.text);
    case 'strong':
    case 'em':
    case 'del':
      return inline(token.tokens);
    case 'codespan':
      return token.text;
    case 'br':
      return '\n';
    case 'checkbox':
      return '';
    case 'link': {
      const label = inline(token.tokens).trim();
      const href = String(token.href ?? '');
      return !label || label === href || `mailto:${label}` === href ? href : `${label} (${href})`;
    }
    case 'image':
      return `${token.text || 'image'} (${String(token.href ?? '')})`;
    case 'html':
      return token.text; // shown as written: never markup
    default:
      return 'text' in token && typeof token.text === 'string' ? token.text : token.raw;
  }
}

/** A list as lines, "• " or "1. " in front of each item, nested lists indented. */
function listLines(list: Tokens.List, depth: number): string[] {
  const start = typeof list.start === 'number' ? list.start : 1;
  return list.items.flatMap((item, i) => {
    // non-breaking spaces: renderers trim ordinary leading spaces, and the indent shows the nesting
    const bullet = `${'\u00a0'.repeat(4 * depth)}${list.ordered ? `${start + i}. ` : '• '}${item.task ? (item.checked ? '[x] ' : '[ ] ') : ''}`;
    const own: string[] = [];
    const nested: string[] = [];
    for (const tok of item.tokens) {
      if (tok.type === 'list') nested.push(...listLines(tok as Tokens.List, depth + 1));
      else if (tok.type !== 'space' && tok.type !== 'checkbox')
        own.push(...blockItems([tok]).flatMap((it) => (it.kind === 'table' ? tableAsLines(it) : [it.text])));
    }
    return [`${bullet}${own.join(' ')}`, ...nested];
  });
}

const tableAsLines = (t: { columns: string[]; rows: string[][] }) => [
  t.columns.join(' | '),
  ...t.rows.map((r) => r.join(' | ')),
];

function blockItems(tokens: Token[]): Item[] {
  const items: Item[] = [];
  const para = (text: string) => {
    if (text.trim()) items.push({ kind: 'para', text: text.trim() });
  };
  for (const token of tokens) {
    switch (token.type) {
      case 'space':
      case 'hr':
      case 'def':
        break;
      case 'heading':
        items.push({ kind: 'heading', text: inline(token.tokens).trim() });
        break;
      case 'paragraph':
        para(inline(token.tokens));
        break;
      case 'text':
        para('tokens' in token && token.tokens?.length ? inline(token.tokens) : decodeEntities(token.text));
        break;
      case 'list':
        para(listLines(token as Tokens.List, 0).join('\n'));
        break;
      case 'table': {
        const table = token as Tokens.Table;
        items.push({
          kind: 'table',
          columns: table.header.map((c) => inline(c.tokens).trim()),
          rows: table.rows.map((r) => r.map((c) => inline(c.tokens).trim())),
        });
        break;
      }
      case 'code':
        para(token.text);
        break;
      case 'blockquote':
        items.push(...blockItems(token.tokens ?? []));
        break;
      case 'html':
        para(token.text); // literal: a <script> block is printed, not run
        break;
      default:
        para('text' in token && typeof token.text === 'string' ? token.text : token.raw);
    }
  }
  return items;
}

/**
 * Markdown → blocks: a heading opens a sub-heading block holding the paragraphs after it; text before the first
 * heading is a block with an empty heading (renderers print no heading for it); a table right under a heading
 * takes that heading. Confidential containers: kept behind a marker in internal exports, dropped from external ones.
 */
export function markdownToBlocks(markdown: string, opts: { external?: boolean } = {}): DocumentBlock[] {
  const items: Item[] = [];
  for (const segment of splitConfidential(markdown)) {
    if (segment.confidential && opts.external) continue;
    const inner = blockItems(new Lexer({ gfm: true }).lex(segment.text));
    if (segment.confidential && inner.length) {
      items.push({ kind: 'para', text: t('documents.export.confidentialStart') }, ...inner, {
        kind: 'para',
        text: t('documents.export.confidentialEnd'),
      });
    } else {
      items.push(...inner);
    }
  }
  const blocks: DocumentBlock[] = [];
  let current: Extract<DocumentBlock, { kind: 'text' }> | null = null;
  for (const item of items) {
    if (item.kind === 'heading') {
      current = { kind: 'text', heading: item.text, paragraphs: [], subheading: true };
      blocks.push(current);
    } else if (item.kind === 'para') {
      if (!current) {
        current = { kind: 'text', heading: '', paragraphs: [] };
        blocks.push(current);
      }
      current.paragraphs.push(item.text);
    } else {
      const table: DocumentBlock = {
        kind: 'table',
        heading: '',
        columns: item.columns,
        rows: item.rows,
        subheading: true,
      };
      if (current && current.heading && !current.paragraphs.length) {
        table.heading = current.heading;
        blocks.pop();
      }
      blocks.push(table);
      current = null;
    }
  }
  return blocks;
}
