import { sha256Hex } from '../util/ids.js';
import { canonicalJson } from './canonical-json.js';

export const GENESIS_HASH = '0'.repeat(64);

/** The columns of an audit event that its hash covers (everything but the id and the hash itself). */
export interface HashedEventFields {
  chainKey: string;
  seq: number;
  orgId: string | null;
  type: string;
  actorKind: string;
  actorId: string | null;
  actorLabel: string;
  entityType: string | null;
  entityId: string | null;
  /** the stored JSON text, hashed as stored */
  payload: string;
  ip: string | null;
  createdAt: string;
  prevHash: string;
}

export function hashEvent(e: HashedEventFields): string {
  return sha256Hex(
    canonicalJson({
      chainKey: e.chainKey,
      seq: e.seq,
      orgId: e.orgId,
      type: e.type,
      actorKind: e.actorKind,
      actorId: e.actorId,
      actorLabel: e.actorLabel,
      entityType: e.entityType,
      entityId: e.entityId,
      payload: e.payload,
      ip: e.ip,
      createdAt: e.createdAt,
      prevHash: e.prevHash,
    }),
  );
}

export const chainKeyFor = (orgId: string | null): string => (orgId ? `org:${orgId}` : 'instance');
