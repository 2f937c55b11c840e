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
  await trx
    .insertInto('auditHeads')
    .values({ chainKey, seq: 0, hash: GENESIS_HASH })
    .onConflict((oc) => oc.column('chainKey').doNothing())
    .execute();
  const head = await forUpdate(trx, trx.selectFrom('auditHeads').selectAll().where('chainKey', '=', chainKey))
    .executeTakeFirstOrThrow();

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
  await trx.insertInto('auditEvents').values({ id: newId(), ...fields, hash }).execute();
  await trx.updateTable('auditHeads').set({ seq: fields.seq, hash }).where('chainKey', '=', chainKey).execute();
}

/** Record an event in a transaction of its own (for events that accompany no other change: logins, denials). */
export async function recordAuditAlone(db: Db, input: AuditInput): Promise<void> {
  await db.transaction().execute((trx) => recordAudit(trx, input));
}
