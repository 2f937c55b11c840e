import { sql } from 'kysely';
import type { Db } from '../../db/connect.js';
import type { AuditListQuery } from '../../schema/audit/audit-query.js';
import type { OrgContext } from '../context.js';
import { untypedDb } from '../register/untyped-db.js';
import { chainKeyFor } from './audit-hash.js';

/**
 * A filtered count stops here: counting the matches of a filter over a trail of 200,000 events would read them
 * all on every page. Beyond it the answer says "at least" (`totalIsLowerBound`) and the reader pages on.
 */
export const AUDIT_COUNT_CAP = 10_000;

/**
 * The organization's trail, newest first. Events about records the reader may not see (a register's `readScope`:
 * restricted documents, evidence attached only to them) are left out of the list, and so are link events naming
 * such a record; they stay in the chain, which `verify` checks whole.
 */
export async function listAuditEvents(db: Db, orgId: string, q: AuditListQuery, reader?: OrgContext) {
  const chainKey = chainKeyFor(orgId);
  // the chain key names the organization's chain: its (chain_key, seq) index serves the newest-first order
  let base = db.selectFrom('auditEvents').where('chainKey', '=', chainKey).where('orgId', '=', orgId);
  let narrowed = false;
  for (const mod of reader ? reader.registers.all.filter((m) => m.readScope) : []) {
    const t = mod.def.table;
    const all = untypedDb(db).selectFrom(t).select(`${t}.id`).where(`${t}.orgId`, '=', orgId);
    // the register hides nothing from this reader (an administrator): nothing to leave out
    if (mod.readScope!(reader!, all) === all) continue;
    narrowed = true;
    const readable = () => mod.readScope!(reader!, all);
    base = base.where((eb) =>
      eb.or([
        eb('entityType', 'is', null),
        eb('entityType', '!=', mod.def.entity),
        eb('entityId', 'is', null),
        eb('entityId', 'in', readable() as never),
      ]),
    );
    // Link events (link.created / link.deleted, evidence attachments among them) name both ends by reference in
    // their payload, and outlive the link: one naming a hidden record is left out too. Matched on read, as a JSON
    // string value ("REF"), so events written before this rule are covered as well.
    const hiddenNamed = untypedDb(db)
      .selectFrom(`${t} as hidden`)
      .select('hidden.id')
      .where('hidden.orgId', '=', orgId)
      .where('hidden.id', 'not in', readable())
      .where(sql<boolean>`${sql.ref('auditEvents.payload')} like '%"' || ${sql.ref('hidden.ref')} || '"%'`);
    base = base.where((eb) =>
      eb.or([eb('entityType', 'is', null), eb('entityType', '!=', 'link'), eb.not(eb.exists(hiddenNamed as never))]),
    );
  }
  if (q.type) base = base.where('type', '=', q.type);
  if (q.actor) base = base.where('actorId', '=', q.actor);
  if (q.entityType) base = base.where('entityType', '=', q.entityType);
  if (q.entityId) base = base.where('entityId', '=', q.entityId);
  if (q.from) base = base.where('createdAt', '>=', q.from);
  // `to` is inclusive of the whole day: compare with the next day's start.
  if (q.to) base = base.where('createdAt', '<', nextDay(q.to));
  narrowed ||= Boolean(q.type || q.actor || q.entityType || q.entityId || q.from || q.to);
  const { total, totalIsLowerBound } = narrowed
    ? cappedCount(
        await db
          .selectFrom(
            base
              .select('auditEvents.id')
              .limit(AUDIT_COUNT_CAP + 1)
              .as('capped'),
          )
          .select((eb) => eb.fn.countAll<number | string>().as('n'))
          .executeTakeFirstOrThrow(),
      )
    : await chainLength(db, chainKey);
  const rows = await base
    .selectAll()
    .orderBy('seq', 'desc')
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize)
    .execute();
  // the people who acted, by name (the label keeps the e-mail as it was when they acted): one query per page
  const actorIds = [...new Set(rows.flatMap((r) => (r.actorId ? [r.actorId] : [])))];
  const names = new Map(
    actorIds.length
      ? (await db.selectFrom('users').select(['id', 'name']).where('id', 'in', actorIds).execute()).map((u) => [
          u.id,
          u.name,
        ])
      : [],
  );
  return {
    items: rows.map((r) => ({
      ...r,
      actorName: (r.actorId && names.get(r.actorId)) || null,
      payload: JSON.parse(r.payload) as Record<string, unknown>,
    })),
    page: q.page,
    pageSize: q.pageSize,
    total,
    totalIsLowerBound,
  };
}

/** The whole trail of an organization: its chain head's sequence number is its length, one row to read. */
async function chainLength(db: Db, chainKey: string) {
  const head = await db.selectFrom('auditHeads').select('seq').where('chainKey', '=', chainKey).executeTakeFirst();
  return { total: Number(head?.seq ?? 0), totalIsLowerBound: false };
}

/** The matches of a filter, counted up to the cap: one row more than the cap says there are more. */
function cappedCount({ n }: { n: number | string }) {
  const count = Number(n);
  return count > AUDIT_COUNT_CAP
    ? { total: AUDIT_COUNT_CAP, totalIsLowerBound: true }
    : { total: count, totalIsLowerBound: false };
}

function nextDay(date: string): string {
  const d = new Date(`${date}T00:00:00.000Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString();
}
