import type { OrgContext } from '../context.js';
import { getRecord } from './register.service.js';
import type { RegisterModule } from './register-module.js';

const HISTORY_LIMIT = 500;

/**
 * A record's history from the audit trail: created, each change with its before and after values, archived —
 * who, when. Readable by whoever may read the record (the whole trail needs `audit.read`).
 */
export async function recordHistory(ctx: OrgContext, mod: RegisterModule, id: string) {
  await getRecord(ctx, mod, id); // 404 for a record of another organization
  const rows = await ctx.db
    .selectFrom('auditEvents')
    .select(['id', 'seq', 'type', 'actorId', 'actorLabel', 'actorKind', 'payload', 'createdAt'])
    .where('orgId', '=', ctx.org.id)
    .where('entityType', '=', mod.def.entity)
    .where('entityId', '=', id)
    .orderBy('seq', 'desc')
    .limit(HISTORY_LIMIT)
    .execute();
  return { items: rows.map((r) => ({ ...r, payload: JSON.parse(r.payload) as Record<string, unknown> })) };
}
