import { sql } from 'kysely';
import type { NcSimilar } from '../../schema/improvement/nonconformity-steps.schema.js';
import type { OrgContext } from '../context.js';
import { getRecord } from '../register/register.service.js';
import { todayIso } from '../util/ids.js';
import { nonconformitiesModule } from './nonconformities.module.js';

const LINKED_TYPES = { control: 'control', isms_process: 'process' } as const;
type LinkedType = keyof typeof LINKED_TYPES;

/** The date 24 months before today: closed nonconformities older than that are history, not a pattern. */
export function monthsAgo(months: number, today = todayIso()): string {
  const d = new Date(`${today}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() - months);
  return d.toISOString().slice(0, 10);
}

/**
 * Nonconformities Rampart proposes as similar (10.2 b 3), for the analyst to confirm: the same 27001 requirement,
 * the same linked control or the same linked process; current, or closed in the last 24 months. Three queries,
 * whatever the numbers (links are read both ways: a nonconformity may be the link's either end).
 */
export async function similarNonconformities(ctx: OrgContext, id: string): Promise<{ items: NcSimilar[] }> {
  const nc = await getRecord(ctx, nonconformitiesModule, id);
  const ends = await linkedEnds(ctx, [id]);
  const mine = ends.get(id) ?? [];
  const reasons = new Map<string, Set<NcSimilar['reasons'][number]>>();
  const add = (ncId: string, reason: NcSimilar['reasons'][number]) => {
    if (ncId === id) return;
    const set = reasons.get(ncId) ?? new Set();
    set.add(reason);
    reasons.set(ncId, set);
  };
  if (mine.length) {
    const others = await ctx.db
      .selectFrom('links')
      .select(['fromType', 'fromId', 'toType', 'toId'])
      .where('orgId', '=', ctx.org.id)
      .where((eb) =>
        eb.or(
          mine.flatMap((m) => [
            eb.and([eb('fromType', '=', 'nonconformity'), eb('toType', '=', m.type), eb('toId', '=', m.id)]),
            eb.and([eb('toType', '=', 'nonconformity'), eb('fromType', '=', m.type), eb('fromId', '=', m.id)]),
          ]),
        ),
      )
      .limit(2000)
      .execute();
    for (const l of others) {
      const [ncId, type] = l.fromType === 'nonconformity' ? [l.fromId, l.toType] : [l.toId, l.fromType];
      add(ncId, LINKED_TYPES[type as LinkedType]);
    }
  }
  const since = monthsAgo(24);
  const candidates = await ctx.db
    .selectFrom('nonconformities')
    .select(['id', 'ref', 'title', 'status', 'requirementKey'])
    .where('orgId', '=', ctx.org.id)
    .where('archivedAt', 'is', null)
    .where('id', '!=', id)
    .where((eb) => eb.or([eb('closedOn', 'is', null), eb('closedOn', '>=', since)]))
    .where((eb) => {
      const byId = [...reasons.keys()];
      const conds = [];
      if (nc.requirementKey) conds.push(eb('requirementKey', '=', nc.requirementKey));
      if (byId.length) conds.push(eb('id', 'in', byId));
      return conds.length ? eb.or(conds) : sql<boolean>`1 = 0`;
    })
    .orderBy('ref')
    .limit(200)
    .execute();
  return {
    items: candidates.map((c) => {
      if (nc.requirementKey && c.requirementKey === nc.requirementKey) add(c.id, 'requirement');
      return { id: c.id, ref: c.ref, title: c.title, status: c.status, reasons: [...(reasons.get(c.id) ?? [])].sort() };
    }),
  };
}

/** The controls and processes each nonconformity is linked to (either end of the link). */
async function linkedEnds(ctx: OrgContext, ids: string[]) {
  const types = Object.keys(LINKED_TYPES);
  const rows = await ctx.db
    .selectFrom('links')
    .select(['fromType', 'fromId', 'toType', 'toId'])
    .where('orgId', '=', ctx.org.id)
    .where((eb) =>
      eb.or([
        eb.and([eb('fromType', '=', 'nonconformity'), eb('fromId', 'in', ids), eb('toType', 'in', types)]),
        eb.and([eb('toType', '=', 'nonconformity'), eb('toId', 'in', ids), eb('fromType', 'in', types)]),
      ]),
    )
    .execute();
  const out = new Map<string, { type: string; id: string }[]>();
  for (const l of rows) {
    const [ncId, end] =
      l.fromType === 'nonconformity'
        ? [l.fromId, { type: l.toType, id: l.toId }]
        : [l.toId, { type: l.fromType, id: l.fromId }];
    out.set(ncId, [...(out.get(ncId) ?? []), end]);
  }
  return out;
}
