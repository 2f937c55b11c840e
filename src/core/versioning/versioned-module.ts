import type { Db } from '../../db/connect.js';
import type { ChartSpec } from '../../schema/common/chart-spec.js';
import type { OrgContext } from '../context.js';
import type { VersionedDef } from '../../schema/versioning/versioned.js';
import type { ExportTable } from '../register/register-export.js';
import type { RegisterModule } from '../register/register-module.js';

/** A part of a controlled document as exports lay it out (see reports/document-model.ts). */
export type DocumentBlock =
  | { kind: 'text'; heading: string; paragraphs: string[]; subheading?: boolean }
  | {
      kind: 'table';
      heading: string;
      columns: string[];
      rows: string[][];
      subheading?: boolean;
      /** background colour per body cell (`#RRGGBB` or null), e.g. a risk matrix coloured by level */
      fills?: (string | null)[][];
      /** the first column holds row headings (shaded like the header row) */
      rowHeadings?: boolean;
      /** relative column widths (one per column); without them the columns share the width equally */
      widths?: number[];
      /** too many columns for a portrait page: the document is laid out in landscape */
      wide?: boolean;
    }
  /** a chart as data (schema/common/chart-spec.ts): the renderers draw it (SVG in the PDF; in Word see document-docx) */
  | { kind: 'chart'; heading: string; chart: ChartSpec; subheading?: boolean };

/** A controlled document, independent of its file format: what the DOCX and PDF renderers lay out. */
export interface DocumentModel {
  title: string;
  subtitle: string;
  footer: string;
  control: [string, string][];
  approvalHeading: string;
  approvalColumns: string[];
  approvals: string[][];
  approvalNote: string | null;
  sections: DocumentBlock[];
  /** said under a heading with nothing below it; '' says nothing (a document leaves empty sections out) */
  emptyText: string;
  filenameBase: string;
  /** a line under the title, e.g. "External copy: parts marked confidential are left out" */
  notice?: string;
}

export interface ApprovalRule {
  /** user ids; empty: no one is named */
  signers: string[];
  /** roles a signer must hold (in addition to the approve permission) */
  roles?: readonly string[];
  /** why those roles, said when someone else tries to sign */
  rolesReason?: string;
  /** how many signatures, when no signer is named (overrides the module's `requiredApprovals`) */
  required?: number;
}

/** A register whose records carry versioned, approvable content (scope, policies, methodology, SoA…). */
export interface VersionedModule {
  register: RegisterModule;
  versioned: VersionedDef;
  /** how many distinct approvals make a version approved (default 1) */
  requiredApprovals?: number;
  /**
   * Who may sign this record's versions beyond the approve permission: named signers (a document's approvers; then
   * only they may, and a version is approved once every one of them has) and/or the roles a signer must hold (the
   * information security policy: top management). Neither: anyone with the permission, `requiredApprovals` times.
   */
  approvalRule?: (ctx: OrgContext, trx: Db, recordId: string) => Promise<ApprovalRule>;
  /** four eyes: whoever last saved a draft may not sign it (documents) */
  fourEyes?: boolean;
  /**
   * After any change of the record's versions (draft saved, approved), in the same transaction, once the summary
   * columns are in step: a module keeps derived state there (a document's status).
   */
  onVersionsChanged?: (ctx: OrgContext, trx: Db, recordId: string) => Promise<void>;
  /** adjusts the document model of an export (administrative block, which sections, Markdown layout) */
  documentModel?: (
    ctx: OrgContext,
    record: Record<string, unknown>,
    version: { versionNo: number; state: string; content: Record<string, unknown> },
    model: DocumentModel,
  ) => Promise<DocumentModel>;
  /** how a `data` section appears in DOCX/PDF exports (required when the content has one) */
  renderData?: (sectionKey: string, value: unknown) => DocumentBlock[];
  /**
   * Fills sections the server owns before a draft is saved and hashed (inside the save's transaction): the SoA's
   * lines are taken from the controls as they stand, whatever the client sent for them.
   */
  prepareDraft?: (
    ctx: OrgContext,
    trx: Db,
    recordId: string,
    content: Record<string, unknown>,
  ) => Promise<Record<string, unknown>>;
  /**
   * A version as one table (XLSX/CSV export of the version: the SoA's lines, the treatment plan's risks). Given the
   * version's content, its number and state; the export route audits and renders it.
   */
  exportTable?: (
    ctx: OrgContext,
    content: Record<string, unknown>,
    version: { versionNo: number; state: string },
  ) => ExportTable;
  /**
   * Work that must happen in the same transaction as an approval that makes a version approved (e.g. re-scoring
   * every risk on a newly approved methodology); throwing rolls the approval back.
   */
  onApproved?: (
    ctx: OrgContext,
    trx: Db,
    recordId: string,
    versionNo: number,
    content: Record<string, unknown>,
  ) => Promise<void>;
}
