import type { ReactNode } from 'react';
import type { Section, VersionedDef } from '../../schema/versioning/versioned.js';

/**
 * How a module presents its document's text sections, beyond the definition: which sections this record uses
 * (a policy has the template's parts, a procedure one body) and how text is shown (e.g. as safe Markdown, with a
 * live preview while editing). Without it every section is shown, as plain text.
 */
export interface DocumentPresentation {
  /** keys of the sections this record uses, in any order (the definition's order is kept) */
  sections?: readonly string[];
  /**
   * keys of sections the read view does not show on their own because another section's view shows them in place
   * (the minutes show each input's commentary under that input); the editor still shows them
   */
  shownWithin?: readonly string[];
  /** a text section's value as read (and as previewed in the editor) */
  renderText?: (text: string) => ReactNode;
  /**
   * false: this member may not approve this record although their role holds the approve permission (the server
   * has a rule of its own, e.g. only top management signs the information security policy), so it is not offered
   */
  approvable?: boolean;
}

const hasContent = (value: unknown) =>
  typeof value === 'string'
    ? value.trim() !== ''
    : Array.isArray(value)
      ? value.length > 0
      : value !== undefined && value !== null;

/**
 * The sections shown: those the record uses, plus any other that holds something (text written before the record
 * changed type is never hidden, and can be cleared in the editor).
 */
export function visibleSections(
  def: VersionedDef,
  presentation: DocumentPresentation | undefined,
  content: Record<string, unknown> | undefined,
): Section[] {
  const keys = presentation?.sections;
  if (!keys) return def.sections;
  return def.sections.filter((s) => keys.includes(s.key) || hasContent(content?.[s.key]));
}
