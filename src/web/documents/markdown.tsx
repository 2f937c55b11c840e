import { Fragment, type ReactNode } from 'react';
import { Lexer, type MarkedToken, type Token, type Tokens } from 'marked';
import { useT } from '../i18n/i18n.js';

/**
 * Document Markdown as React elements. Only marked's lexer runs — never its HTML renderer and never
 * `dangerouslySetInnerHTML` — so every piece of text reaches the page through React's escaping:
 * - raw HTML (`<script>`, `<img onerror=…>`, `<a href=javascript:…>`) is shown as the literal text it is;
 * - a link is clickable only to http(s), mailto or a relative address; any other scheme stays plain text;
 * - images are never loaded (a document must not call out when opened): their description and address are text;
 * - a block between a line `::: confidential` and a line `:::` is shown in a marked box (external copies drop it).
 */

export { splitConfidential, type MarkdownSegment } from '../../schema/documents/confidential-markdown.js';
import { splitConfidential } from '../../schema/documents/confidential-markdown.js';

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** The lexer leaves entities (`&amp;`) in text; shown as text, they mean their character. */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]{1,6}|#[0-9]{1,7}|[a-z]+);/gi, (m, name: string) => {
    if (name[0] !== '#') return ENTITIES[name.toLowerCase()] ?? m;
    const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
    return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : m;
  });
}

/**
 * The address a link may point at, or null. Browsers ignore control characters and spaces inside a scheme
 * (`java\tscript:`), so they are removed before the scheme is read; entities are decoded first for the same reason.
 */
export function safeHref(href: string | null | undefined): string | null {
  if (!href) return null;
  // eslint-disable-next-line no-control-regex -- control characters are exactly what a hostile link hides behind
  const cleaned = decodeEntities(href).replace(/[\u0000-\u0020\u007f-\u009f]/g, '');
  if (!cleaned) return null;
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(cleaned)?.[1]?.toLowerCase();
  // No scheme: an address relative to this page (`/o/alpha/documents/…`, `#scope`, `other.md`).
  if (scheme === undefined) return cleaned;
  return scheme === 'http' || scheme === 'https' || scheme === 'mailto' ? cleaned : null;
}

interface Props {
  text: string;
  /** the level of the document's own headings (`#`): a section heading is h3, so they start at h4 */
  headingLevel?: number;
}

/** Renders Markdown text safely (see the file comment). Empty text renders nothing. */
export function Markdown({ text, headingLevel = 4 }: Props) {
  const { t } = useT();
  const segments = splitConfidential(text);
  return (
    <div className="md">
      {segments.map((s, i) =>
        s.confidential ? (
          <div key={i} className="md-confidential" role="group" aria-label={t('documents.md.confidential')}>
            <p className="md-confidential__label">
              <span aria-hidden="true">🔒 </span>
              {t('documents.md.confidential')}
            </p>
            <Blocks tokens={lex(s.text)} level={headingLevel} />
          </div>
        ) : (
          <Blocks key={i} tokens={lex(s.text)} level={headingLevel} />
        ),
      )}
    </div>
  );
}

function lex(text: string): Token[] {
  return new Lexer({ gfm: true, breaks: false }).lex(text);
}

function Blocks({ tokens, level }: { tokens: Token[]; level: number }) {
  return (
    <>
      {tokens.map((token, i) => (
        <Fragment key={i}>{block(token, level)}</Fragment>
      ))}
    </>
  );
}

function heading(depth: number, level: number, children: ReactNode): ReactNode {
  const n = Math.min(6, level + depth - 1);
  switch (n) {
    case 1:
      return <h1 className="md__heading">{children}</h1>;
    case 2:
      return <h2 className="md__heading">{children}</h2>;
    case 3:
      return <h3 className="md__heading">{children}</h3>;
    case 4:
      return <h4 className="md__heading">{children}</h4>;
    case 5:
      return <h5 className="md__heading">{children}</h5>;
    default:
      return <h6 className="md__heading">{children}</h6>;
  }
}

/**
 * The token types marked's own grammar makes (`MarkedToken`); anything else would be an extension's token, shown
 * through its children or as the text written. Checking the type here lets each case read its token's own fields.
 */
const MARKED_TYPES: ReadonlySet<string> = new Set<MarkedToken['type']>([
  'blockquote',
  'br',
  'checkbox',
  'code',
  'codespan',
  'def',
  'del',
  'em',
  'escape',
  'heading',
  'hr',
  'html',
  'image',
  'link',
  'list',
  'list_item',
  'paragraph',
  'space',
  'strong',
  'table',
  'text',
]);
const isMarked = (token: Token): token is MarkedToken => MARKED_TYPES.has(token.type);

/** An extension's token: its children when it has some, else the text as written. */
function unknownToken(token: Token, wrap: (text: string) => ReactNode): ReactNode {
  return 'tokens' in token && Array.isArray(token.tokens) ? <Inline tokens={token.tokens} /> : wrap(token.raw);
}

function block(token: Token, level: number): ReactNode {
  if (!isMarked(token)) return unknownToken(token, (raw) => <p>{raw}</p>);
  switch (token.type) {
    case 'space':
    case 'def':
      return null;
    case 'heading':
      return heading(token.depth, level, <Inline tokens={token.tokens} />);
    case 'paragraph':
      return (
        <p>
          <Inline tokens={token.tokens} />
        </p>
      );
    case 'text': {
      const tk = token;
      return tk.tokens ? <Inline tokens={tk.tokens} /> : decodeEntities(tk.text);
    }
    case 'code':
      return (
        <pre className="md__code">
          <code>{token.text}</code>
        </pre>
      );
    case 'blockquote':
      return (
        <blockquote>
          <Blocks tokens={token.tokens} level={level} />
        </blockquote>
      );
    case 'hr':
      return <hr />;
    case 'list': {
      const list = token;
      const items = list.items.map((item, i) => (
        <li key={i}>
          {item.task ? <span className="md__task">{item.checked ? '☑ ' : '☐ '}</span> : null}
          <Blocks tokens={item.tokens.filter((tk) => tk.type !== 'checkbox')} level={level} />
        </li>
      ));
      return list.ordered ? (
        <ol start={typeof list.start === 'number' && list.start !== 1 ? list.start : undefined}>{items}</ol>
      ) : (
        <ul>{items}</ul>
      );
    }
    case 'table': {
      const table = token;
      const align = (a: Tokens.TableCell['align']) => (a ? { textAlign: a } : undefined);
      return (
        <div className="table-wrap">
          <table className="table md__table">
            <thead>
              <tr>
                {table.header.map((cell, i) => (
                  <th key={i} scope="col" style={align(cell.align)}>
                    <Inline tokens={cell.tokens} />
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {table.rows.map((row, r) => (
                <tr key={r}>
                  {row.map((cell, c) => (
                    <td key={c} style={align(cell.align)}>
                      <Inline tokens={cell.tokens} />
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      );
    }
    case 'html':
      // Raw HTML is never interpreted: it is shown as the text that was written.
      return <pre className="md__html">{token.text}</pre>;
    default:
      return 'tokens' in token && Array.isArray(token.tokens) ? <Inline tokens={token.tokens} /> : <p>{token.raw}</p>;
  }
}

function Inline({ tokens }: { tokens: Token[] | undefined }) {
  return (
    <>
      {(tokens ?? []).map((token, i) => (
        <Fragment key={i}>{inline(token)}</Fragment>
      ))}
    </>
  );
}

function inline(token: Token): ReactNode {
  if (!isMarked(token)) return unknownToken(token, (raw) => raw);
  switch (token.type) {
    case 'text': {
      const tk = token;
      return tk.tokens ? <Inline tokens={tk.tokens} /> : decodeEntities(tk.text);
    }
    case 'escape':
      return token.text;
    case 'strong':
      return (
        <strong>
          <Inline tokens={token.tokens} />
        </strong>
      );
    case 'em':
      return (
        <em>
          <Inline tokens={token.tokens} />
        </em>
      );
    case 'del':
      return (
        <del>
          <Inline tokens={token.tokens} />
        </del>
      );
    case 'codespan':
      return <code>{decodeEntities(token.text)}</code>;
    case 'br':
      return <br />;
    case 'link': {
      const link = token;
      const href = safeHref(link.href);
      const content = <Inline tokens={link.tokens} />;
      if (!href) {
        // Not a destination a document may send its reader to: the words and the address, as text.
        return (
          <span className="md__blocked-link">
            {content} <span className="muted">({link.href})</span>
          </span>
        );
      }
      return (
        <a href={href} rel="noopener noreferrer nofollow" title={link.title ?? undefined}>
          {content}
        </a>
      );
    }
    case 'image': {
      const image = token;
      // Never loaded: an image from elsewhere would tell its server who opened the document, and when.
      return (
        <span className="md__image">
          [{decodeEntities(image.text) || '—'}] <span className="muted">({image.href})</span>
        </span>
      );
    }
    case 'html':
      return <code className="md__html">{token.text}</code>;
    case 'checkbox':
      return token.checked ? '☑ ' : '☐ ';
    default:
      return 'tokens' in token && Array.isArray(token.tokens) ? <Inline tokens={token.tokens} /> : token.raw;
  }
}
