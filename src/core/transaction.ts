import type { Db } from '../db/connect.js';
import { lockChainHead } from './audit/audit.service.js';
import type { OrgContext } from './context.js';

/**
 * Every write to an organization's data runs here: one transaction that first takes the organization's lock (the
 * row lock on its audit-chain head, which the transaction needs anyway to append its audit event), then reads,
 * checks and writes. On PostgreSQL (READ COMMITTED) this is what makes "check, then insert" and "read the version,
 * then write version + 1" safe with twenty writers at once: the second writer waits for the first to commit and
 * then reads what it wrote. Taking the same lock first in every transaction also fixes one lock order, so writers
 * of one organization queue instead of deadlocking. SQLite serializes writers already (BEGIN IMMEDIATE).
 *
 * The lock is held for the whole transaction, so keep transactions short: long work (large imports) runs in
 * chunks, each its own transaction.
 */
export async function inOrgTransaction<T>(
  ctx: Pick<OrgContext, 'db' | 'org'>,
  work: (trx: Db) => Promise<T>,
): Promise<T> {
  return ctx.db.transaction().execute(async (trx) => {
    await lockChainHead(trx, ctx.org.id);
    return work(trx);
  });
}

/**
 * The same for writes to the installation itself (first-run setup, users, organizations): the installation
 * chain's head is the lock.
 */
export async function inInstanceTransaction<T>(db: Db, work: (trx: Db) => Promise<T>): Promise<T> {
  return db.transaction().execute(async (trx) => {
    await lockChainHead(trx, null);
    return work(trx);
  });
}
