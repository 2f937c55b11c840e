import { z } from 'zod';
import { versionNoInput } from '../common/primitives.js';

/**
 * Versioned documented information (scope statement, policies, methodology, SoA…): a register record whose
 * content lives in numbered versions. A version is a draft until approved; an approved version never changes
 * (the database refuses), and editing makes the next draft. Content is a fixed list of sections.
 */
export const VERSION_STATES = ['draft', 'approved', 'superseded'] as const;
/** Documents' versions can also be `disposed`: text destroyed by an approved disposal (the hash is kept). */
export const DISPOSABLE_VERSION_STATES = [...VERSION_STATES, 'disposed'] as const;
export type VersionState = (typeof DISPOSABLE_VERSION_STATES)[number];

export interface TextSection {
  kind: 'text';
  key: string;
  /** message-catalog key; `help` explains what to write */
  label: string;
  help?: string;
  maxLength?: number;
}

export interface TableSection {
  kind: 'table';
  key: string;
  label: string;
  help?: string;
  columns: { key: string; label: string; required?: boolean; maxLength?: number }[];
  maxRows?: number;
}

/**
 * Structured content validated by its own schema (a risk methodology's scales and matrix, for instance). The
 * module supplies how it is edited (web), laid out in documents (core) and compared (generic: changed values by path).
 */
export interface DataSection {
  kind: 'data';
  key: string;
  label: string;
  help?: string;
  schema: z.ZodType;
  /** the value a new record starts from (must satisfy `schema`) */
  initial: unknown;
  /**
   * Filled by the server on every draft save (the module's `prepareDraft`): the editor shows it read-only and
   * sends `initial` back, whatever it holds.
   */
  serverFilled?: boolean;
}

export type Section = TextSection | TableSection | DataSection;

export interface VersionedConfig {
  /** the register entity this content belongs to (permission entity too) */
  entity: string;
  /** document title used in exports, e.g. "ISMS scope statement" */
  documentTitle: string;
  sections: Section[];
  /** optional stages a draft moves through before approval (27003 4.3: preliminary → refined → final) */
  stages?: readonly string[];
  /** stages in which a draft may be approved (default: any) */
  approvableStages?: readonly string[];
  /** what an approval signifies, recorded with each signature */
  approvalMeaning: string;
}

function sectionSchema(section: Section): z.ZodType {
  if (section.kind === 'text')
    return z
      .string()
      .max(section.maxLength ?? 20_000)
      .default('');
  if (section.kind === 'data') return section.schema.default(section.initial);
  const row: Record<string, z.ZodType> = {};
  for (const c of section.columns) {
    const s = z
      .string()
      .trim()
      .max(c.maxLength ?? 2000);
    row[c.key] = c.required ? s.min(1, 'Required') : s.default('');
  }
  return z
    .array(z.strictObject(row))
    .max(section.maxRows ?? 200)
    .default([]);
}

export function defineVersioned<C extends VersionedConfig>(config: C) {
  const shape: Record<string, z.ZodType> = {};
  for (const section of config.sections) shape[section.key] = sectionSchema(section);
  const contentSchema = z.strictObject(shape);
  const stageSchema = config.stages ? z.enum(config.stages as [string, ...string[]]) : z.null();
  return {
    ...config,
    contentSchema,
    draftSchema: z.strictObject({
      content: contentSchema,
      // a document without stages has no stage field at all
      ...(config.stages ? { stage: stageSchema.optional() } : {}),
      changeNote: z.string().trim().max(2000).optional(),
      /** the version the editor started from; a newer draft by someone else answers 409 */
      baseVersion: versionNoInput().optional(),
      /** the content hash the editor loaded, to detect concurrent edits of the same draft */
      baseContentHash: z.string().length(64).optional(),
    }),
    approveSchema: z.strictObject({
      /** the hash of the exact content the approver read; approval fails if the draft changed since */
      contentHash: z.string().regex(/^[0-9a-f]{64}$/, 'A SHA-256 hex digest'),
      comment: z.string().trim().max(2000).optional(),
    }),
  };
}

export type VersionedDef = ReturnType<typeof defineVersioned<VersionedConfig>>;
