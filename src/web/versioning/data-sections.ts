import type { ComponentType } from 'react';
import type { DataSection } from '../../schema/versioning/versioned.js';
import type { I18n } from '../i18n/i18n.js';
import type { DraftErrors } from './draft-form.js';

/**
 * How a module's `data` sections (structured JSON with their own schema) are edited, read and compared in the
 * generic document UI. A module registers its components once, at import, for its entity and section key; a data
 * section nobody registered falls back to a read-only view and a list of changed paths (data-section-fallback.tsx).
 */
export interface DataEditorProps {
  /** the organization's slug, for lookups of the module's own (members, starting points…) */
  org: string;
  section: DataSection;
  /** the section's value when the editor opened (the latest version's, or the section's initial value) */
  value: unknown;
  onChange: (value: unknown) => void;
  /**
   * Messages for this section, keyed by path inside it (`likelihood.levels.2.label`; `''` is the section itself).
   * The editor shows every one: next to its control, or listed at the top of the section when it has none.
   */
  errors: DraftErrors;
  /** a control was edited: its message (path inside the section) no longer applies */
  onEdited: (path: string) => void;
}

export interface DataViewProps {
  org: string;
  section: DataSection;
  value: unknown;
  /** the whole version's content, for a view that shows other sections in place (see `shownWithin`) */
  content?: Record<string, unknown>;
}

/** One changed value as the compare route reports it (`path` inside the section). */
export interface DataChange {
  path: string;
  before: unknown;
  after: unknown;
}

/** A change put in words: where, and the old and new value as text (`null` when there was none). */
export interface DescribedChange {
  where: string;
  before: string | null;
  after: string | null;
}

export interface DataSectionUi {
  Editor: ComponentType<DataEditorProps>;
  View: ComponentType<DataViewProps>;
  /**
   * The changes between two versions in readable words. `values` are the section's whole value in each version,
   * for names the changed leaves refer to (a cell's row and column labels, a level's label).
   */
  describeChanges?: (
    i18n: I18n,
    changes: DataChange[],
    values: { before: unknown; after: unknown },
  ) => DescribedChange[];
}

const registry = new Map<string, DataSectionUi>();
const id = (entity: string, key: string) => `${entity}\u0000${key}`;

export function registerDataSection(entity: string, key: string, ui: DataSectionUi): void {
  registry.set(id(entity, key), ui);
}

export function dataSectionUi(entity: string, key: string): DataSectionUi | undefined {
  return registry.get(id(entity, key));
}

/** The messages of one data section, with paths relative to it (`content.methodology.rule.cells.1.2` → `rule.cells.1.2`). */
export function sectionErrors(errors: DraftErrors, key: string): DraftErrors {
  const prefix = `content.${key}`;
  const out: DraftErrors = {};
  for (const [path, message] of Object.entries(errors)) {
    if (path === prefix) out[''] = message;
    else if (path.startsWith(`${prefix}.`)) out[path.slice(prefix.length + 1)] = message;
  }
  return out;
}
