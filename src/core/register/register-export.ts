import { stringify } from 'csv-stringify/sync';
import { recordAuditAlone } from '../audit/audit.service.js';
import type { OrgContext } from '../context.js';
import { filteredQuery, sortedQuery } from './register-query.js';
import { presentRecord } from './register.service.js';
import type { RegisterModule, Values } from './register-module.js';

/** An export is for reading, not a backup: it stops at this many rows and says so in its audit event. */
export const EXPORT_ROW_LIMIT = 50_000;

/**
 * CSV of a register's filtered list: reference, every field, member fields as "Name <email>", dates as stored.
 * Starts with a UTF-8 byte order mark so that Excel opens accented text correctly.
 */
export async function exportCsv(ctx: OrgContext, mod: RegisterModule, query: Values): Promise<{ filename: string; body: string; rows: number }> {
  const rows = await sortedQuery(mod, filteredQuery(ctx, mod, query).selectAll(), query).limit(EXPORT_ROW_LIMIT).execute();
  const members = await ctx.db
    .selectFrom('memberships')
    .innerJoin('users', 'users.id', 'memberships.userId')
    .select(['users.id', 'users.name', 'users.email'])
    .where('memberships.orgId', '=', ctx.org.id)
    .execute();
  const people = new Map(members.map((m) => [m.id, `${m.name} <${m.email}>`]));
  const fieldNames = Object.keys(mod.def.fields);
  const header = ['ref', ...fieldNames, 'createdAt', 'updatedAt'];
  const lines = rows.map((raw) => {
    const r = presentRecord(mod, raw as Values);
    return [
      r.ref,
      ...fieldNames.map((name) => {
        const v = r[name];
        if (v === null || v === undefined) return '';
        if (mod.def.fields[name]?.kind === 'member') return people.get(v as string) ?? v;
        return typeof v === 'string' ? neutralizeFormula(v) : v;
      }),
      r.createdAt,
      r.updatedAt,
    ];
  });
  const body = '\uFEFF' + stringify([header, ...lines], { cast: { boolean: (b) => (b ? 'yes' : 'no') } });
  const filters = Object.fromEntries(Object.entries(query).filter(([k, v]) => v !== undefined && k !== 'page' && k !== 'pageSize'));
  await recordAuditAlone(ctx.db, { orgId: ctx.org.id, actor: ctx.actor, ip: ctx.ip, entityType: mod.def.entity, event: { type: 'export.generated', payload: { format: 'csv', rows: lines.length, filters } } });
  return { filename: `${ctx.org.slug}-${mod.def.collection}-${new Date().toISOString().slice(0, 10)}.csv`, body, rows: lines.length };
}

/** A cell starting with = + - @ (or a tab/CR) would run as a formula in a spreadsheet; prefix it with a quote. */
export function neutralizeFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}
