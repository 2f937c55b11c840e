import type { Db } from '../../db/connect.js';
import { publicKeyFromPem, verifySignature, type PublicKeyInfo } from '../signing/instance-key.js';
import { checkpointMessage, type Checkpoint } from './audit-checkpoint.js';

export interface CheckpointProblem {
  seq: number;
  reason: string;
}

/**
 * The checkpoints of one chain that hold: each signature checked (by the trusted key, or by a former key of this
 * installation whose public half is stored), and every checkpoint in the log file also present in the database.
 * Returns them by seq, with the first problem found, if any.
 */
export async function checkedCheckpoints(db: Db, chainKey: string, opts: { trustedKey?: PublicKeyInfo; logCheckpoints?: Checkpoint[] }) {
  const rows = await db.selectFrom('auditCheckpoints').selectAll().where('chainKey', '=', chainKey).orderBy('seq').execute();
  const stored = await db.selectFrom('instanceSigningKeys').select(['fingerprint', 'publicKey']).execute();
  const keys = new Map<string, { publicKey: string; trusted: boolean }>();
  for (const k of stored) {
    // a stored key row counts only when its public key really has the fingerprint it is filed under
    try {
      if (publicKeyFromPem(k.publicKey).fingerprint === k.fingerprint) keys.set(k.fingerprint, { publicKey: k.publicKey, trusted: false });
    } catch {
      // not a key: its checkpoints are reported as signed by an unknown key
    }
  }
  if (opts.trustedKey) keys.set(opts.trustedKey.fingerprint, { publicKey: opts.trustedKey.publicKey, trusted: true });

  const problems: CheckpointProblem[] = [];
  const bySeq = new Map<number, Checkpoint>();
  const formerKeys = new Set<string>();
  for (const cp of rows) {
    const key = keys.get(cp.keyFingerprint);
    if (!key) {
      problems.push({ seq: cp.seq, reason: `the checkpoint of event ${cp.seq} is signed by key ${cp.keyFingerprint}, which is not a key of this installation` });
    } else if (!verifySignature(key.publicKey, checkpointMessage(cp), cp.signature)) {
      problems.push({ seq: cp.seq, reason: `the checkpoint of event ${cp.seq} (signed at ${cp.signedAt}) has an invalid signature (a forged or altered checkpoint)` });
    } else {
      if (!key.trusted) formerKeys.add(cp.keyFingerprint);
      bySeq.set(cp.seq, cp);
    }
  }
  for (const logged of (opts.logCheckpoints ?? []).filter((c) => c.chainKey === chainKey)) {
    const row = rows.find((r) => r.seq === logged.seq);
    if (!row) problems.push({ seq: logged.seq, reason: `the checkpoint of event ${logged.seq} signed at ${logged.signedAt} is in the checkpoint log but missing from the database (checkpoints were deleted)` });
    else if (row.hash !== logged.hash || row.signature !== logged.signature) problems.push({ seq: logged.seq, reason: `the checkpoint of event ${logged.seq} in the database differs from the one in the checkpoint log` });
  }
  problems.sort((a, b) => a.seq - b.seq);
  return { bySeq, firstProblem: problems[0] ?? null, formerKeys: [...formerKeys] };
}
