import type { Db } from '../../db/connect.js';
import type { OrgContext } from '../context.js';
import { ValidationError } from '../errors.js';
import { untypedDb } from '../register/untyped-db.js';

/** Record types that links and action sources can point at: every register, by its entity name. */
export const linkableTypes = (ctx: OrgContext): string[] => ctx.registers.all.map((m) => m.def.entity);

export interface RecordSummary {
  id: string;
  ref: string;
  title: string;
}

export async function assertRecordExists(
  ctx: OrgContext,
  trx: Db,
  type: string,
  id: string,
  field: string,
): Promise<RecordSummary> {
  const mod = ctx.registers.byEntity(type);
  if (!mod)
    throw new ValidationError([
      {
        field: field.replace(/Id$/, 'Type'),
        message: `Unknown record type; use one of: ${linkableTypes(ctx).join(', ')}`,
      },
    ]);
  let q = untypedDb(trx)
    .selectFrom(mod.def.table)
    .select(['id', 'ref', `${mod.def.titleField} as title`])
    .where('id', '=', id)
    .where('orgId', '=', ctx.org.id);
  if (mod.readScope) q = mod.readScope(ctx, q);
  const row = await q.executeTakeFirst();
  if (!row) throw new ValidationError([{ field, message: `No ${type} with this id in this organization` }]);
  return row;
}

/** Summaries of many records of mixed types: one query per type, however many records. */
export async function summarize(
  ctx: OrgContext,
  refs: { type: string; id: string }[],
): Promise<Map<string, RecordSummary>> {
  const byType = new Map<string, string[]>();
  for (const r of refs) byType.set(r.type, [...(byType.get(r.type) ?? []), r.id]);
  const out = new Map<string, RecordSummary>();
  for (const [type, ids] of byType) {
    const mod = ctx.registers.byEntity(type);
    if (!mod) continue;
    let q = untypedDb(ctx.db)
      .selectFrom(mod.def.table)
      .select(['id', 'ref', `${mod.def.titleField} as title`])
      .where('orgId', '=', ctx.org.id)
      .where('id', 'in', [...new Set(ids)]);
    // a record the caller may not read is left out, and so are links to it (see listLinks)
    if (mod.readScope) q = mod.readScope(ctx, q);
    const rows = await q.execute();
    for (const row of rows) out.set(`${type}:${row.id}`, row);
  }
  return out;
}
