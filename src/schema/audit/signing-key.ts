import { z } from 'zod';

/** The instance's public signing key (evidence packages and audit checkpoints), and the keys it replaced. */
export const signingKeySchema = z.object({
  algorithm: z.literal('Ed25519'),
  publicKey: z.string(),
  fingerprint: z.string(),
  formerKeys: z.array(z.object({ fingerprint: z.string(), publicKey: z.string(), firstUsedAt: z.string() })),
});
export type SigningKey = z.infer<typeof signingKeySchema>;

export const auditVerifyResultSchema = z.object({
  ok: z.boolean(),
  checked: z.number().int(),
  firstBroken: z.object({ seq: z.number().int(), eventId: z.string().nullable(), reason: z.string() }).nullable(),
  /**
   * The last signed checkpoint the chain matches: events up to its seq cannot have been rewritten or removed
   * without the signing key. Events after it are only checked for consistency (their hashes link up).
   */
  anchor: z.object({ seq: z.number().int(), signedAt: z.string(), keyFingerprint: z.string() }).nullable(),
  /** checkpoints by the trusted key that hold */
  checkpoints: z.number().int(),
  unanchoredEvents: z.number().int(),
  /** fingerprints of other keys of this installation (former keys) whose checkpoints hold but anchor nothing */
  formerKeys: z.array(z.string()),
});
export type AuditVerifyResult = z.infer<typeof auditVerifyResultSchema>;
