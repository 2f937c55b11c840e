import fs from 'node:fs';
import { sql } from 'kysely';
import type { Db } from '../../db/connect.js';
import type { InstanceKey } from '../signing/instance-key.js';
import { rememberSigningKey } from '../signing/signing-keys.service.js';
import { nowIso } from '../util/ids.js';

/**
 * Signed checkpoints of audit chain heads. A hash chain alone proves only that it is consistent: whoever can write
 * the database can cut its end and rewind the head, or rewrite an event and re-hash everything after it. A
 * checkpoint signs (chain, seq, hash) with the instance key, which lives outside the database, so such a rewrite
 * no longer matches a signature nobody else can make. Checkpoints are also appended to a log file outside the
 * database, so deleting checkpoint rows shows too.
 */
export interface Checkpoint {
  chainKey: string;
  seq: number;
  hash: string;
  signedAt: string;
  keyFingerprint: string;
  signature: string;
}

export const CHECKPOINT_LOG_NAME = 'audit-checkpoints.log';

/** The exact text a checkpoint's signature covers. */
export function checkpointMessage(c: Omit<Checkpoint, 'signature'>): string {
  return ['rampart-audit-checkpoint/1', c.chainKey, String(c.seq), c.hash, c.signedAt, c.keyFingerprint].join('\n');
}

export function signCheckpoint(
  key: InstanceKey,
  head: { chainKey: string; seq: number; hash: string },
  signedAt = nowIso(),
): Checkpoint {
  const unsigned = {
    chainKey: head.chainKey,
    seq: head.seq,
    hash: head.hash,
    signedAt,
    keyFingerprint: key.fingerprint,
  };
  return { ...unsigned, signature: key.sign(checkpointMessage(unsigned)) };
}

/**
 * Signs the head of every chain that moved since this key's last checkpoint of it (so after a key change, the new
 * key signs every head once). Safe to run from several instances at once: a checkpoint is keyed by (chain, seq,
 * key), so a second writer of the same head inserts nothing, and only rows this call inserted go to its log file.
 */
export async function writeCheckpoints(
  db: Db,
  key: InstanceKey,
  opts: { logFile?: string } = {},
): Promise<Checkpoint[]> {
  await rememberSigningKey(db, key);
  const moved = await db
    .selectFrom('auditHeads as h')
    .select(['h.chainKey', 'h.seq', 'h.hash'])
    .where('h.seq', '>', 0)
    .where(({ eb, selectFrom }) =>
      eb(
        'h.seq',
        '>',
        selectFrom('auditCheckpoints as c')
          .select(sql<number>`coalesce(max(c.seq), 0)`.as('last'))
          .whereRef('c.chainKey', '=', 'h.chainKey')
          .where('c.keyFingerprint', '=', key.fingerprint),
      ),
    )
    .execute();
  const written: Checkpoint[] = [];
  for (const head of moved) {
    const cp = signCheckpoint(key, head);
    const inserted = await db
      .insertInto('auditCheckpoints')
      .values(cp)
      .onConflict((oc) => oc.columns(['chainKey', 'seq', 'keyFingerprint']).doNothing())
      .returning('seq')
      .executeTakeFirst();
    if (inserted) written.push(cp);
  }
  if (opts.logFile && written.length)
    fs.appendFileSync(opts.logFile, written.map((c) => `${JSON.stringify(c)}\n`).join(''), { mode: 0o600 });
  return written;
}

/** The checkpoint lines of a log file; a line that is not one is reported, not skipped silently. */
export function readCheckpointLog(file: string): { checkpoints: Checkpoint[]; badLines: number[] } {
  const checkpoints: Checkpoint[] = [];
  const badLines: number[] = [];
  fs.readFileSync(file, 'utf8')
    .split('\n')
    .forEach((line, i) => {
      if (!line.trim()) return;
      try {
        const c = JSON.parse(line) as Checkpoint;
        const fields = [c.chainKey, c.hash, c.signedAt, c.keyFingerprint, c.signature];
        if (!Number.isInteger(c.seq) || fields.some((f) => typeof f !== 'string')) throw new Error('not a checkpoint');
        checkpoints.push({
          chainKey: c.chainKey,
          seq: c.seq,
          hash: c.hash,
          signedAt: c.signedAt,
          keyFingerprint: c.keyFingerprint,
          signature: c.signature,
        });
      } catch {
        badLines.push(i + 1);
      }
    });
  return { checkpoints, badLines };
}

/** Every chain in the installation, instance chain first. */
export async function listChains(db: Db): Promise<{ chainKey: string; orgId: string | null }[]> {
  const heads = await db.selectFrom('auditHeads').select('chainKey').orderBy('chainKey').execute();
  return heads
    .map((h) => ({ chainKey: h.chainKey, orgId: h.chainKey.startsWith('org:') ? h.chainKey.slice(4) : null }))
    .sort((a, b) => Number(a.orgId !== null) - Number(b.orgId !== null));
}
