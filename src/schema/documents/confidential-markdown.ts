/**
 * Confidential parts of document Markdown: a block between a line `::: confidential` and a line `:::`. Shared by
 * the web (shows it in a marked box) and the exports (keep it marked, or drop it from external copies), so both
 * read the same text the same way.
 */

/** A run of the text inside (`confidential`) or outside a `::: confidential` … `:::` container. */
export interface MarkdownSegment {
  text: string;
  confidential: boolean;
}

const OPEN = /^ {0,3}:::\s*confidential\s*$/i;
const CLOSE = /^ {0,3}:::\s*$/;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;

/**
 * Splits the text at container lines. Lines inside fenced code are content, not markers (a code sample may show
 * the syntax). A container left open runs to the end: when in doubt, a part stays out of external copies.
 */
export function splitConfidential(markdown: string): MarkdownSegment[] {
  const segments: MarkdownSegment[] = [];
  let lines: string[] = [];
  let confidential = false;
  let fence: string | null = null;
  const flush = () => {
    if (lines.length) segments.push({ text: lines.join('\n'), confidential });
    lines = [];
  };
  for (const line of markdown.split(/\r?\n/)) {
    const f = FENCE.exec(line)?.[1];
    if (fence) {
      if (f && f[0] === fence[0] && f.length >= fence.length) fence = null;
    } else if (f) {
      fence = f;
    } else if (!confidential && OPEN.test(line)) {
      flush();
      confidential = true;
      continue;
    } else if (confidential && CLOSE.test(line)) {
      flush();
      confidential = false;
      continue;
    }
    lines.push(line);
  }
  flush();
  return segments;
}
