import { z } from 'zod';
import { evidenceRegister, recordTypeSchema } from './evidence.register.js';
import { EVIDENCE_FILE_TYPE_KEYS } from './evidence-types.js';

/** The multipart part that carries the file. */
export const EVIDENCE_FILE_FIELD = 'file';

/**
 * The text fields of an upload (multipart/form-data, beside the `file` part). Empty fields count as not given,
 * as browsers send every input of a form.
 */
export const evidenceUploadFieldsSchema = z.strictObject({
  title: z.string().trim().min(1, 'Required').max(200),
  description: z.string().max(20_000).optional(),
  collectedOn: z.iso.date().optional(),
  validFrom: z.iso.date().optional(),
  validUntil: z.iso.date().optional(),
  ownerId: z.uuid().optional(),
  /** attach the new evidence to this record in the same transaction */
  attachToType: recordTypeSchema.optional(),
  attachToId: z.uuid().optional(),
  /** the evidence this file replaces: it stays, marked as superseded, and its attachments carry over */
  supersedes: z.uuid().optional(),
});
export type EvidenceUploadFields = z.infer<typeof evidenceUploadFieldsSchema>;
export const EVIDENCE_UPLOAD_FIELDS = Object.keys(evidenceUploadFieldsSchema.shape) as (keyof EvidenceUploadFields)[];

const summarySchema = z.object({ id: z.string(), ref: z.string(), title: z.string() });
const attachedSchema = summarySchema.extend({ type: z.string(), linkId: z.string() });

const uploadOutcomeSchema = z.object({
  /** the same content was already stored in this organization: no second copy was written */
  blobReused: z.boolean(),
  /** other current evidence of this organization with exactly this content */
  sameContent: z.array(summarySchema),
  /** records the evidence was attached to (the one asked for, and those of the evidence it supersedes) */
  attachedTo: z.array(attachedSchema),
});
export type EvidenceUploadOutcome = z.infer<typeof uploadOutcomeSchema>;

/** The answer to an upload: the new record, and what happened to the file and the links. */
export const evidenceUploadResultSchema = evidenceRegister.recordSchema.extend({ upload: uploadOutcomeSchema });
export type EvidenceUploadResult = z.infer<typeof evidenceUploadResultSchema>;

/** What the server accepts, so that a client can check a file before sending it. */
export const evidenceUploadPolicySchema = z.object({
  maxBytes: z.number().int(),
  fileTypes: z.array(
    z.object({ key: z.enum(EVIDENCE_FILE_TYPE_KEYS), mediaType: z.string(), extensions: z.array(z.string()) }),
  ),
});
export type EvidenceUploadPolicy = z.infer<typeof evidenceUploadPolicySchema>;
