import { z } from 'zod';
import { intParam, paginated } from '../common/primitives.js';
import { AUDIT_EVENT_TYPES } from './audit-events.js';

export const auditListQuerySchema = z.strictObject({
  page: intParam(1, 1_000_000).default(1),
  pageSize: intParam(1, 200).default(50),
  type: z.enum(AUDIT_EVENT_TYPES as [string, ...string[]]).optional(),
  actor: z.uuid().optional(),
  entityType: z.string().max(40).optional(),
  entityId: z.string().max(64).optional(),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
});
export type AuditListQuery = z.infer<typeof auditListQuerySchema>;

/**
 * One event of the trail as the API shows it: the stored row (its chain fields included, so a reader can check the
 * hashes), the payload parsed, and the name of the person who acted (null for the system and unknown actors).
 */
export const auditEventSchema = z.object({
  id: z.string(),
  chainKey: z.string(),
  seq: z.number().int(),
  orgId: z.string().nullable(),
  type: z.string(),
  actorKind: z.string(),
  actorId: z.string().nullable(),
  actorLabel: z.string(),
  actorName: z.string().nullable(),
  entityType: z.string().nullable(),
  entityId: z.string().nullable(),
  payload: z.record(z.string(), z.unknown()),
  ip: z.string().nullable(),
  createdAt: z.string(),
  prevHash: z.string(),
  hash: z.string(),
});
export type AuditEventItem = z.infer<typeof auditEventSchema>;
/**
 * A page of the trail. `total` is exact for the whole trail; for a filter it is counted up to a cap, and
 * `totalIsLowerBound` says there are at least that many.
 */
export const auditEventPageSchema = paginated(auditEventSchema).extend({ totalIsLowerBound: z.boolean() });
