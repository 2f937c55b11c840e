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
  const event = auditEventSchema.parse(input.event);
  const chainKey = chainKeyFor(input.orgId);
  const head = await lockChainHead(trx, input.orgId);

  const fields = {
    chainKey,
    seq: head.seq + 1,
    orgId: input.orgId,
    type: event.type,
    actorKind: input.actor.kind,
    actorId: input.actor.userId,
    actorLabel: input.actor.label,
    entityType: input.entityType ?? null,
    entityId: input.entityId ?? null,
    payload: canonicalJson(event.payload),
    ip: input.ip ?? null,
    createdAt: nowIso(),
    prevHash: head.hash,
  };
  const hash = hashEvent(fields);
  await trx
    .insertInto('auditEvents')
    .values({ id: newId(), ...fields, hash })
    .execute();
  await trx.updateTable('auditHeads').set({ seq: fields.seq, hash }).where('chainKey', '=', chainKey).execute();
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
