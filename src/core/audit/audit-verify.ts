import type { Db } from '../../db/connect.js';
import { GENESIS_HASH, chainKeyFor, hashEvent } from './audit-hash.js';

export interface VerifyResult {
  ok: boolean;
  checked: number;
  firstBroken: null | { seq: number; eventId: string | null; reason: string };
}

const BATCH = 1000;

/**
 * Walks one chain in order and reports the first event whose sequence, link or hash does not hold, and whether
 * the chain ends where its head says (which catches events deleted from the end).
 */
export async function verifyChain(db: Db, orgId: string | null): Promise<VerifyResult> {
  const chainKey = chainKeyFor(orgId);
  let expectedSeq = 1;
  let prevHash = GENESIS_HASH;
  let checked = 0;
  for (;;) {
    const rows = await db
      .selectFrom('auditEvents')
      .selectAll()
      .where('chainKey', '=', chainKey)
      .where('seq', '>=', expectedSeq)
      .orderBy('seq')
      .limit(BATCH)
      .execute();
    for (const row of rows) {
      const broken = (reason: string): VerifyResult => ({ ok: false, checked, firstBroken: { seq: row.seq, eventId: row.id, reason } });
      if (row.seq !== expectedSeq) return broken(`event ${expectedSeq} is missing (next found is ${row.seq})`);
      if (row.prevHash !== prevHash) return broken('does not link to the event before it');
      if (hashEvent(row) !== row.hash) return broken('content does not match its hash (the event was altered)');
      prevHash = row.hash;
      expectedSeq += 1;
      checked += 1;
    }
    if (rows.length < BATCH) break;
  }
  const head = await db.selectFrom('auditHeads').selectAll().where('chainKey', '=', chainKey).executeTakeFirst();
  const headSeq = head?.seq ?? 0;
  if (headSeq !== checked || (head && head.hash !== prevHash)) {
    return {
      ok: false,
      checked,
      firstBroken: {
        seq: checked + 1,
        eventId: null,
        reason: `the chain ends at event ${checked} but its head records ${headSeq} events (events were removed)`,
      },
    };
  }
  return { ok: true, checked, firstBroken: null };
}
