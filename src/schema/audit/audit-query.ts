import { z } from 'zod';
import { intParam } from '../common/primitives.js';
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
