import type { Db } from '../../db/connect.js';
import type { AuditListQuery } from '../../schema/audit/audit-query.js';

export async function listAuditEvents(db: Db, orgId: string, q: AuditListQuery) {
  let base = db.selectFrom('auditEvents').where('orgId', '=', orgId);
  if (q.type) base = base.where('type', '=', q.type);
  if (q.actor) base = base.where('actorId', '=', q.actor);
  if (q.entityType) base = base.where('entityType', '=', q.entityType);
  if (q.entityId) base = base.where('entityId', '=', q.entityId);
  if (q.from) base = base.where('createdAt', '>=', q.from);
  // `to` is inclusive of the whole day: compare with the next day's start.
  if (q.to) base = base.where('createdAt', '<', nextDay(q.to));
  const [{ total } = { total: 0 }] = await base.select((eb) => eb.fn.countAll<number>().as('total')).execute();
  const rows = await base
    .selectAll()
    .orderBy('seq', 'desc')
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize)
    .execute();
  return {
    items: rows.map((r) => ({ ...r, payload: JSON.parse(r.payload) as unknown })),
    page: q.page,
    pageSize: q.pageSize,
    total: Number(total),
  };
}

function nextDay(date: string): string {
  const d = new Date(`${date}T00:00:00.000Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString();
}
