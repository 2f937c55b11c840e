import type { Db } from '../../db/connect.js';
import { forUpdate } from '../../db/dialect.js';
import { auditEventSchema, type AuditEvent } from '../../schema/audit/audit-events.js';
import type { Actor } from '../context.js';
import { newId, nowIso } from '../util/ids.js';
import { canonicalJson } from './canonical-json.js';
import { GENESIS_HASH, chainKeyFor, hashEvent } from './audit-hash.js';

export interface AuditInput {
  orgId: string | null;
  actor: Actor;
  event: AuditEvent;
  entityType?: string | null;
  entityId?: string | null;
  ip?: string | null;
}

/**
 * Appends one event to its organization's hash chain. Call it with the transaction that makes the change, so the
 * change and its event are written together or not at all. The chain head row is locked (PostgreSQL) so that
 * concurrent writers of one organization queue instead of forking the chain.
 */
export async function recordAudit(trx: Db, input: AuditInput): Promise<void> {
  await recordAuditBatch(trx, [input]);
}

// Rows per INSERT: 13 columns each keeps a statement well under SQLite's and PostgreSQL's bound-parameter limits.
const INSERT_CHUNK = 500;

/**
 * Appends several events of one organization (or of the installation) to its chain in the order given, as
 * `recordAudit` would one by one, but locking the head once, chaining in memory, inserting in chunks and moving
 * the head once: the events of a bulk change (an import, a re-score) cost a few statements instead of four each.
 * Every event is validated before anything is written, so a bad one writes none.
 */
export async function recordAuditBatch(trx: Db, inputs: readonly AuditInput[]): Promise<void> {
  if (inputs.length === 0) return;
  const orgId = inputs[0]!.orgId;
  if (inputs.some((i) => i.orgId !== orgId)) throw new Error('recordAuditBatch: events of one chain only');
  const events = inputs.map((i) => auditEventSchema.parse(i.event));
  const chainKey = chainKeyFor(orgId);
  const head = await lockChainHead(trx, orgId);

  const createdAt = nowIso();
  let prev = { seq: head.seq, hash: head.hash };
  const rows = inputs.map((input, i) => {
    const event = events[i]!;
    const fields = {
      chainKey,
      seq: prev.seq + 1,
      orgId,
      type: event.type,
      actorKind: input.actor.kind,
      actorId: input.actor.userId,
      actorLabel: input.actor.label,
      entityType: input.entityType ?? null,
      entityId: input.entityId ?? null,
      payload: canonicalJson(event.payload),
      ip: input.ip ?? null,
      createdAt,
      prevHash: prev.hash,
    };
    const hash = hashEvent(fields);
    prev = { seq: fields.seq, hash };
    return { id: newId(), ...fields, hash };
  });
  for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
    await trx
      .insertInto('auditEvents')
      .values(rows.slice(i, i + INSERT_CHUNK))
      .execute();
  }
  await trx.updateTable('auditHeads').set(prev).where('chainKey', '=', chainKey).execute();
}

/**
 * Locks the chain head of an organization (or of the installation, for null) until the transaction ends, creating
 * it on first use. Taking a lock twice in one transaction is harmless, so writers lock it first
 * (`inOrgTransaction`) and `recordAudit` locks it again.
 */
export async function lockChainHead(trx: Db, orgId: string | null) {
  const chainKey = chainKeyFor(orgId);
  await trx
    .insertInto('auditHeads')
    .values({ chainKey, seq: 0, hash: GENESIS_HASH })
    .onConflict((oc) => oc.column('chainKey').doNothing())
    .execute();
  return forUpdate(
    trx,
    trx.selectFrom('auditHeads').selectAll().where('chainKey', '=', chainKey),
  ).executeTakeFirstOrThrow();
}

/** Record an event in a transaction of its own (for events that accompany no other change: logins, denials). */
export async function recordAuditAlone(db: Db, input: AuditInput): Promise<void> {
  await db.transaction().execute((trx) => recordAudit(trx, input));
}
