import { z } from 'zod';
import { defineRegister, queryBoolean } from '../register/define-register.js';
import { EVIDENCE_FILE_TYPE_KEYS } from './evidence-types.js';

/** Record types (entity names) as they appear in links and filters: `risk`, `isms_risk`. */
export const recordTypeSchema = z.string().regex(/^[a-z][a-z_]{0,39}$/, 'A record type such as risk or action');

/**
 * Evidence (27001 7.5.3, and whatever clause the evidenced record belongs to): a file kept as proof that something
 * was done or is so, with how long it proves it. The file itself is immutable and stored once per organization by
 * the SHA-256 of its content (`file_blobs`); the record carries what people say about it. A new file is a new
 * evidence record that supersedes the old one, so an auditor can always see what was shown for which period.
 * Records are made by uploading (`POST /evidence/upload`), never by the generic create or import.
 */
export const evidenceRegister = defineRegister({
  entity: 'evidence',
  collection: 'evidence',
  refPrefix: 'EV',
  title: 'evidence.title',
  titleField: 'title',
  fields: {
    title: {
      kind: 'text',
      label: 'evidence.field.title',
      required: true,
      inList: true,
      sortable: true,
      searchable: true,
      help: 'evidence.help.title',
    },
    description: {
      kind: 'longtext',
      label: 'evidence.field.description',
      searchable: true,
      help: 'evidence.help.description',
    },
    fileName: {
      kind: 'text',
      label: 'evidence.field.fileName',
      readOnly: true,
      inList: true,
      sortable: true,
      searchable: true,
      maxLength: 255,
    },
    fileType: {
      kind: 'enum',
      label: 'evidence.field.fileType',
      options: EVIDENCE_FILE_TYPE_KEYS,
      readOnly: true,
      filterable: true,
      sortable: true,
    },
    mediaType: { kind: 'text', label: 'evidence.field.mediaType', readOnly: true },
    size: { kind: 'integer', label: 'evidence.field.size', readOnly: true, inList: true, sortable: true, min: 0 },
    sha256: { kind: 'text', label: 'evidence.field.sha256', readOnly: true, filterable: true, maxLength: 64 },
    collectedOn: {
      kind: 'date',
      label: 'evidence.field.collectedOn',
      filterable: true,
      sortable: true,
      help: 'evidence.help.collectedOn',
    },
    validFrom: { kind: 'date', label: 'evidence.field.validFrom', sortable: true, help: 'evidence.help.validFrom' },
    validUntil: {
      kind: 'date',
      label: 'evidence.field.validUntil',
      inList: true,
      filterable: true,
      sortable: true,
      help: 'evidence.help.validUntil',
    },
    ownerId: {
      kind: 'member',
      label: 'evidence.field.owner',
      inList: true,
      filterable: true,
      help: 'evidence.help.owner',
    },
    supersedesId: { kind: 'record', target: 'evidence', label: 'evidence.field.supersedes', readOnly: true },
    supersededById: { kind: 'record', target: 'evidence', label: 'evidence.field.supersededBy', readOnly: true },
  },
  extraQuery: {
    // valid until a day before today
    expired: queryBoolean.optional(),
    // replaced by a newer file (false: the current evidence only)
    superseded: queryBoolean.optional(),
    // the evidence attached to one record (a link of kind `evidence`, either way round)
    attachedType: recordTypeSchema.optional(),
    attachedId: z.uuid().optional(),
  },
});

export type EvidenceRecord = z.infer<typeof evidenceRegister.recordSchema>;

/** The link kind that attaches evidence to a record (from the evidence to the record). */
export const EVIDENCE_LINK_KIND = 'evidence';

/** Whether evidence valid until `validUntil` has expired on `today` (both `YYYY-MM-DD`): the last day still counts. */
export function isExpired(validUntil: string | null | undefined, today: string): boolean {
  return !!validUntil && validUntil < today;
}
