import type { Db } from '../../db/connect.js';
import { publicKeyFromPem, verifySignature, type PublicKeyInfo } from '../signing/instance-key.js';
import { checkpointMessage, type Checkpoint } from './audit-checkpoint.js';

export interface CheckpointProblem {
  seq: number;
  reason: string;
}

/**
 * The checkpoints of one chain whose signatures hold, and the first problem found, if any. A checkpoint signed by
 * the trusted key (the instance's current one, read from its file) anchors the chain. One signed by another key of
 * this installation (a former key: only its public half is in the database, which an intruder could have added
 * to) is still checked against the events, but anchors nothing. Every checkpoint of the log file kept outside the
 * database must also be in the database.
 */
export async function checkedCheckpoints(
  db: Db,
  chainKey: string,
  opts: { trustedKey?: PublicKeyInfo; logCheckpoints?: Checkpoint[] },
) {
  const rows = await db
    .selectFrom('auditCheckpoints')
    .selectAll()
    .where('chainKey', '=', chainKey)
    .orderBy('seq')
    .execute();
  const stored = await db.selectFrom('instanceSigningKeys').select(['fingerprint', 'publicKey']).execute();
  const keys = new Map<string, string>();
  for (const k of stored) {
    // a stored key row counts only when its public key really has the fingerprint it is filed under
    try {
      if (publicKeyFromPem(k.publicKey).fingerprint === k.fingerprint) keys.set(k.fingerprint, k.publicKey);
    } catch {
      // not a key: its checkpoints are reported as signed by an unknown key
    }
  }
  if (opts.trustedKey) keys.set(opts.trustedKey.fingerprint, opts.trustedKey.publicKey);

  const problems: CheckpointProblem[] = [];
  const valid: (Checkpoint & { trusted: boolean })[] = [];
  const otherKeys = new Set<string>();
  for (const cp of rows) {
    const publicKey = keys.get(cp.keyFingerprint);
    if (!publicKey) {
      problems.push({
        seq: cp.seq,
        reason: `the checkpoint of event ${cp.seq} is signed by key ${cp.keyFingerprint}, which is not a key of this installation`,
      });
    } else if (!verifySignature(publicKey, checkpointMessage(cp), cp.signature)) {
      problems.push({
        seq: cp.seq,
        reason: `the checkpoint of event ${cp.seq} (signed at ${cp.signedAt}) has an invalid signature (a forged or altered checkpoint)`,
      });
    } else {
      const trusted = cp.keyFingerprint === opts.trustedKey?.fingerprint;
      if (!trusted) otherKeys.add(cp.keyFingerprint);
      valid.push({ ...cp, trusted });
    }
  }
  for (const logged of (opts.logCheckpoints ?? []).filter((c) => c.chainKey === chainKey)) {
    const row = rows.find((r) => r.seq === logged.seq && r.keyFingerprint === logged.keyFingerprint);
    if (!row)
      problems.push({
        seq: logged.seq,
        reason: `the checkpoint of event ${logged.seq} signed at ${logged.signedAt} is in the checkpoint log but missing from the database (checkpoints were deleted)`,
      });
    else if (row.hash !== logged.hash || row.signature !== logged.signature)
      problems.push({
        seq: logged.seq,
        reason: `the checkpoint of event ${logged.seq} in the database differs from the one in the checkpoint log`,
      });
  }
  problems.sort((a, b) => a.seq - b.seq);
  return { valid, firstProblem: problems[0] ?? null, otherKeys: [...otherKeys] };
}
