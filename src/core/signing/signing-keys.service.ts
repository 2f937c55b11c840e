import type { Db } from '../../db/connect.js';
import { nowIso } from '../util/ids.js';
import type { PublicKeyInfo } from './instance-key.js';

/**
 * The public keys this installation has signed with, oldest first. Only public halves are stored, so that after a
 * key is replaced the fingerprints of former keys can still be shown next to what they signed.
 */
export async function rememberSigningKey(db: Db, key: PublicKeyInfo): Promise<void> {
  await db
    .insertInto('instanceSigningKeys')
    .values({ fingerprint: key.fingerprint, algorithm: key.algorithm, publicKey: key.publicKey, firstUsedAt: nowIso() })
    .onConflict((oc) => oc.column('fingerprint').doNothing())
    .execute();
}

export async function listSigningKeys(db: Db) {
  return db
    .selectFrom('instanceSigningKeys')
    .select(['fingerprint', 'algorithm', 'publicKey', 'firstUsedAt'])
    .orderBy('firstUsedAt')
    .orderBy('fingerprint')
    .execute();
}

/** What `GET /instance/signing-key` and `rampart key show` print: the current key and the former ones. */
export async function describeSigningKeys(db: Db, current: PublicKeyInfo) {
  const all = await listSigningKeys(db);
  return {
    algorithm: current.algorithm,
    publicKey: current.publicKey,
    fingerprint: current.fingerprint,
    formerKeys: all
      .filter((k) => k.fingerprint !== current.fingerprint)
      .map((k) => ({ fingerprint: k.fingerprint, publicKey: k.publicKey, firstUsedAt: k.firstUsedAt })),
  };
}
