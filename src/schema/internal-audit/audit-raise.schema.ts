import { z } from 'zod';
import { versionNoInput } from '../common/primitives.js';
import { followUpInputSchema, RAISED_TYPES } from './audit-follow-up.schema.js';
import { checklistItemSchema } from './internal-audit.register.js';

/**
 * Raising a finding in one step (POST …/checklist/{itemId}/raise). A major or minor nonconformity needs its owner
 * (usually the auditee) and the follow-up plan agreed with the lead auditor; an observation or an opportunity for
 * improvement needs neither (an owner may be named). Which applies depends on the item's conclusion, so the server
 * names the missing or misplaced field (`body.ownerId`, `body.followUp`).
 */
export const raiseFindingBodySchema = z.strictObject({
  /** the item's version the caller read */
  expectedVersion: versionNoInput(),
  /** the member responsible for handling it (required for a nonconformity) */
  ownerId: z.uuid().optional(),
  /** default: the item's title */
  title: z.string().trim().min(1).max(200).optional(),
  followUp: followUpInputSchema.optional(),
});
export type RaiseFindingBody = z.infer<typeof raiseFindingBodySchema>;

export const raiseFindingResponseSchema = z.object({
  kind: z.enum(RAISED_TYPES),
  id: z.string(),
  ref: z.string(),
  item: checklistItemSchema,
});

/** The auditees of an audit who are members (the free-text `auditees` field keeps the others). */
export const auditeesBodySchema = z.strictObject({ memberIds: z.array(z.uuid()).max(100) });
export const auditeesResponseSchema = z.object({
  members: z.array(z.object({ userId: z.string(), name: z.string() })),
  /** the free-text auditees of the audit record (people outside Rampart, functions, sites) */
  text: z.string().nullable(),
});

/**
 * Criteria beyond the clauses and the SoA (27003 9.2: policies, procedures, legal and contractual requirements):
 * documents and requirements of 4.2 (the `requirement` register), kept as links of kind `criterion`.
 */
export const criteriaBodySchema = z.strictObject({
  documentIds: z.array(z.uuid()).max(200),
  requirementIds: z.array(z.uuid()).max(200),
});
const recordRef = z.object({ id: z.string(), ref: z.string(), title: z.string() });
export const criteriaResponseSchema = z.object({
  documents: z.array(recordRef),
  requirements: z.array(recordRef),
});
