import type { Kysely } from 'kysely';
import { makeAppendOnly } from './helpers.js';

/**
 * The instance signing key's public halves (the private key stays in a file outside the database) and the signed
 * checkpoints of every audit chain head. Both are append-only.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('instance_signing_keys')
    .addColumn('fingerprint', 'text', (c) => c.primaryKey())
    .addColumn('algorithm', 'text', (c) => c.notNull())
    .addColumn('public_key', 'text', (c) => c.notNull())
    .addColumn('first_used_at', 'text', (c) => c.notNull())
    .execute();
  await makeAppendOnly(db, 'instance_signing_keys');

  await db.schema
    .createTable('audit_checkpoints')
    .addColumn('chain_key', 'text', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .addColumn('signed_at', 'text', (c) => c.notNull())
    .addColumn('key_fingerprint', 'text', (c) => c.notNull())
    .addColumn('signature', 'text', (c) => c.notNull())
    // one checkpoint of a head per key: after the key is replaced, the new key signs the heads again
    .addPrimaryKeyConstraint('audit_checkpoints_pk', ['chain_key', 'seq', 'key_fingerprint'])
    .execute();
  await makeAppendOnly(db, 'audit_checkpoints');
}

export async function down(): Promise<void> {
  throw new Error('Audit checkpoints cannot be undone');
}
