import { z } from 'zod';
import { isoDateSchema } from '../common/primitives.js';

/**
 * The certification pack (27001 7.5, everything mandatory in one verifiable ZIP): its index lists every mandatory
 * documented-information item of ISO/IEC 27001:2022 with what Rampart holds for it as of a date.
 */
export const PACK_ITEM_STATUSES = [
  /** an approved version in force on the date is in the pack */
  'included',
  /** generated from the records for the pack (not an approved document: a register, a periodic report) */
  'generated',
  /** the record exists but no version of it was approved on the date */
  'not_approved',
  /** Rampart's module exists but the organization holds no such record */
  'missing',
  /** the module that would hold it is not built in Rampart yet */
  'not_built',
] as const;
export type PackItemStatus = (typeof PACK_ITEM_STATUSES)[number];

export const packItemSchema = z.object({
  /**
   * stable key of the requirement ("scope", "policy", "soa", "assessment-results"…); unique in the index: where a
   * requirement has several records (audit reports, documents) each is an item keyed `<requirement>:<record ref>`
   */
  key: z.string(),
  /** the 27001:2022 clause that requires it ("4.3", "6.1.3 d") */
  clause: z.string(),
  /** what 27001 requires, in words */
  requirement: z.string(),
  status: z.enum(PACK_ITEM_STATUSES),
  /** the record the item comes from (null when missing or not built) */
  record: z.object({ entity: z.string(), id: z.string(), ref: z.string(), title: z.string() }).nullable(),
  version: z
    .object({
      versionNo: z.number().int(),
      approvedAt: z.string().nullable(),
      contentHash: z.string(),
      approvals: z.array(z.object({ signer: z.string(), role: z.string(), signedAt: z.string() })),
    })
    .nullable(),
  /** the files of this item inside the ZIP */
  files: z.array(z.string()),
  /** why it is missing, not approved or generated; what to do */
  note: z.string().nullable(),
});
export type PackItem = z.infer<typeof packItemSchema>;

export const packIndexSchema = z.object({
  organization: z.object({ slug: z.string(), name: z.string() }),
  /** the date the pack stands as of (the versions in force at the end of that day, UTC) */
  asOf: z.string(),
  generatedAt: z.string(),
  items: z.array(packItemSchema),
});
export type PackIndex = z.infer<typeof packIndexSchema>;

/**
 * A pack's date: from 1900 on (records start in modern times; year-0 arithmetic has no calendar to land on) and not
 * after today (UTC): the versions in force on a day that has not ended are not known yet.
 */
export const packDateSchema = isoDateSchema
  .refine((d) => d >= '1900-01-01', 'A date from 1900 on')
  .refine((d) => d <= new Date().toISOString().slice(0, 10), 'A date not after today (UTC)');

/** `?date=YYYY-MM-DD` (default today): the pack as it stood that day */
export const packQuerySchema = z.strictObject({ date: packDateSchema.optional() });
/** the ZIP's body: `{ date? }` like the index's query */
export const packBodySchema = z.strictObject({ date: packDateSchema.optional() });
