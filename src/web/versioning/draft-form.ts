import type { z } from 'zod';
import type { Section, VersionedDef } from '../../schema/versioning/versioned.js';
import type { I18n } from '../i18n/i18n.js';
import { isApiError } from '../lib/api-client.js';
import { issueMessage } from '../lib/form-errors.js';
import type { UseFormOptions } from '../ui/use-form.js';
import type { Content, DraftBody, TableRow, Version } from './versioned-api.js';

/**
 * The editor's state and its mapping to `PUT …/draft`. Errors are keyed by path without the `body.` prefix:
 * `content.statement`, `content.exclusions.0.reason`, `content.methodology.rule.cells.2.3`, `stage`, so a server
 * error lands on the control it names. A data section's value is the module's JSON, passed through as it is.
 */
export interface DraftValues {
  content: Record<string, unknown>;
  stage: string;
  changeNote: string;
}

export type DraftErrors = Record<string, string>;

function emptyRow(section: Extract<Section, { kind: 'table' }>): TableRow {
  return Object.fromEntries(section.columns.map((c) => [c.key, '']));
}

const isTableRow = (row: unknown): row is TableRow =>
  typeof row === 'object' &&
  row !== null &&
  !Array.isArray(row) &&
  Object.values(row).every((cell) => typeof cell === 'string');

/** A table section's rows from stored or edited content (the draft schema keeps every cell text). */
export function tableRowsOf(value: unknown): TableRow[] {
  return Array.isArray(value) ? value.filter(isTableRow) : [];
}

export function newRow(section: Extract<Section, { kind: 'table' }>): TableRow {
  return emptyRow(section);
}

/** What the editor starts from: the latest version's content (or empty sections), its stage, no change note. */
export function initialDraft(def: VersionedDef, latest: Version | undefined): DraftValues {
  const content: DraftValues['content'] = {};
  for (const section of def.sections) {
    const value = latest?.content[section.key];
    if (section.kind === 'text') content[section.key] = typeof value === 'string' ? value : '';
    else if (section.kind === 'data') content[section.key] = structuredClone(value ?? section.initial);
    else content[section.key] = tableRowsOf(value).map((r) => ({ ...emptyRow(section), ...r }));
  }
  return { content, stage: latest?.stage ?? def.stages?.[0] ?? '', changeNote: '' };
}

const isBlankRow = (row: TableRow) => Object.values(row).every((v) => v.trim() === '');

/** Rows left completely empty are dropped rather than reported: adding a row and not using it is no error. */
export function toDraftBody(def: VersionedDef, values: DraftValues, latest: Version | undefined): DraftBody {
  const content: Content = {};
  for (const section of def.sections) {
    const value = values.content[section.key];
    if (section.kind === 'text') content[section.key] = value ?? '';
    // a section the server fills on save (the SoA's lines) goes back empty: it can be large, and is replaced anyway
    else if (section.kind === 'data') content[section.key] = section.serverFilled ? section.initial : value;
    else content[section.key] = tableRowsOf(value).filter((r) => !isBlankRow(r));
  }
  const body: DraftBody = { content };
  if (def.stages && values.stage) body.stage = values.stage;
  if (values.changeNote.trim()) body.changeNote = values.changeNote.trim();
  if (latest) {
    body.baseVersion = latest.versionNo;
    if (latest.state === 'draft') body.baseContentHash = latest.contentHash;
  }
  return body;
}

/**
 * Blank rows are dropped before sending, so indexes in errors refer to the rows sent; map them back to the rows
 * on screen so the message appears next to the right cell.
 */
export function sentRowIndexes(rows: TableRow[]): number[] {
  const out: number[] = [];
  rows.forEach((r, i) => {
    if (!isBlankRow(r)) out.push(i);
  });
  return out;
}

function remapPath(def: VersionedDef, values: DraftValues, path: string): string {
  const m = /^content\.([^.]+)\.(\d+)\.(.+)$/.exec(path);
  if (!m) return path;
  const rows = values.content[m[1]!];
  if (!Array.isArray(rows) || def.sections.find((s) => s.key === m[1])?.kind !== 'table') return path;
  const screen = sentRowIndexes(rows)[Number(m[2])];
  return screen === undefined ? path : `content.${m[1]}.${screen}.${m[3]}`;
}

export function clientDraftErrors(i18n: I18n, def: VersionedDef, values: DraftValues, error: z.ZodError): DraftErrors {
  const out: DraftErrors = {};
  const dataKeys = new Set(def.sections.filter((s) => s.kind === 'data').map((s) => s.key));
  for (const issue of error.issues) {
    const path = remapPath(def, values, issue.path.map(String).join('.'));
    // A data section's schema words its own format rules ("A colour like #C0392B"); the generic wording is for slugs.
    const own = issue.code === 'invalid_format' && issue.path[0] === 'content' && dataKeys.has(String(issue.path[1]));
    if (out[path] === undefined) out[path] = own ? issue.message : issueMessage(i18n, issue);
  }
  return out;
}

export function serverDraftErrors(def: VersionedDef, values: DraftValues, error: unknown): DraftErrors {
  if (!isApiError(error)) return {};
  const out: DraftErrors = {};
  for (const e of error.errors) {
    const path = remapPath(def, values, e.field.replace(/^body\./, ''));
    if (out[path] === undefined) out[path] = e.message;
  }
  return out;
}

/** Paths the editor can show next to a control; anything else is reported for the whole form. */
export function editorPaths(def: VersionedDef, values: DraftValues): Set<string> {
  const paths = new Set(['stage', 'changeNote']);
  for (const section of def.sections) {
    paths.add(`content.${section.key}`);
    if (section.kind !== 'table') continue;
    const rows = tableRowsOf(values.content[section.key]);
    rows.forEach((_r, i) => section.columns.forEach((c) => paths.add(`content.${section.key}.${i}.${c.key}`)));
  }
  return paths;
}

/** Whether the editor shows a message for `path`: a known control, or anything inside a data section (its editor lists them all). */
export function isEditorPath(def: VersionedDef, values: DraftValues, path: string): boolean {
  if (editorPaths(def, values).has(path)) return true;
  return def.sections.some((s) => s.kind === 'data' && path.startsWith(`content.${s.key}.`));
}

/**
 * How the editor reads a failed save (the `useForm` options it passes): a draft sends the version it read, so a
 * bare 409 is a stale version, but a 409 naming a section is that section's message, not "someone else saved";
 * server messages land on any control the editor shows (`isEditorPath`), the rest above the save bar.
 */
export function draftErrorOptions(
  def: VersionedDef,
): Pick<UseFormOptions<DraftValues, DraftBody, Version>, 'versioned' | 'fields' | 'showsField' | 'serverErrors'> {
  return {
    versioned: true,
    fields: [],
    showsField: (name: string, values: DraftValues) => isEditorPath(def, values, name),
    serverErrors: (error: unknown, values: DraftValues) => serverDraftErrors(def, values, error),
  };
}
