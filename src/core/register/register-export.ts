import { setImmediate } from 'node:timers/promises';
import { recordAuditAlone } from '../audit/audit.service.js';
import type { OrgContext } from '../context.js';
import { filteredQuery, sortedQuery } from './register-query.js';
import { presentRecord, relatedOf } from './register.service.js';
import { answerRecords } from './register-derived.js';
import type { RegisterModule, Values } from './register-module.js';

/** An export is for reading, not a backup: it stops at this many rows. */
export const EXPORT_ROW_LIMIT = 50_000;

export type ColumnKind = 'text' | 'date' | 'datetime' | 'number' | 'boolean';

/** A register's filtered list as a plain table, ready for any renderer (CSV, XLSX…). */
export interface ExportTable {
  title: string;
  filenameBase: string;
  columns: { key: string; header: string; kind: ColumnKind }[];
  rows: (string | number | boolean | null)[][];
  /** a version's approval record: an "Approval" sheet in XLSX, trailing columns of every row in CSV */
  approval?: TableApproval;
}

export interface TableApproval {
  heading: string;
  /** reference, version, state, content hash */
  facts: [string, string][];
  columns: string[];
  rows: string[][];
  /** "This version is not approved." for a draft */
  note: string | null;
  /** the same record as columns repeated on every row (CSV: header rows or comments would break CSV readers) */
  columnsForEachRow: { header: string; value: string }[];
}

/** "dueDate" → "Due date", "ownerId" → "Owner". */
export function humanize(name: string): string {
  const words = name
    .replace(/Id$/, '')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** Rows read per statement: each read keeps SQLite's (synchronous) connection for a few tens of milliseconds. */
const EXPORT_CHUNK = 1000;

/**
 * The filtered, sorted rows in full, read in chunks so that no statement holds the thread that answers every
 * other request for long (20,000 wide rows in one read took over half a second on SQLite). The set and its order
 * are fixed by one read of the ids; the chunks then fetch those rows by id (a row archived in between is left out,
 * one changed in between is exported as it now stands).
 */
export async function exportRows(
  ctx: OrgContext,
  mod: RegisterModule,
  query: Values,
  chunkSize = EXPORT_CHUNK,
): Promise<Record<string, unknown>[]> {
  const ordered = (await sortedQuery(mod, filteredQuery(ctx, mod, query).select('id'), query)
    .limit(EXPORT_ROW_LIMIT)
    .execute()) as { id: string }[];
  const rows: Record<string, unknown>[] = [];
  for (let i = 0; i < ordered.length; i += chunkSize) {
    const ids = ordered.slice(i, i + chunkSize).map((r) => r.id);
    const chunk = (await filteredQuery(ctx, mod, { archived: query.archived })
      .selectAll()
      .where('id', 'in', ids)
      .execute()) as Record<string, unknown>[];
    const byId = new Map(chunk.map((r) => [r.id, r]));
    for (const id of ids) {
      const row = byId.get(id);
      if (row) rows.push(row);
    }
    // other requests get their turn between two chunks
    await setImmediate();
  }
  return rows;
}

/**
 * The rows of a register's filtered, sorted list with member fields shown as "Name <email>". Records the export
 * in the audit trail (who exported what, with which filters, how many rows).
 */
export async function exportTable(
  ctx: OrgContext,
  mod: RegisterModule,
  query: Values,
  format: string,
): Promise<ExportTable> {
  const rows = await exportRows(ctx, mod, query);
  const members = await ctx.db
    .selectFrom('memberships')
    .innerJoin('users', 'users.id', 'memberships.userId')
    .select(['users.id', 'users.name', 'users.email'])
    .where('memberships.orgId', '=', ctx.org.id)
    .execute();
  const people = new Map(members.map((m) => [m.id, `${m.name} <${m.email}>`]));
  const fields = Object.entries(mod.def.fields);
  const kindOf = (kind: string): ColumnKind =>
    kind === 'date'
      ? 'date'
      : kind === 'integer' || kind === 'number'
        ? 'number'
        : kind === 'boolean'
          ? 'boolean'
          : 'text';
  const columns = [
    { key: 'ref', header: 'Reference', kind: 'text' as const },
    ...fields.map(([name, f]) => ({
      key: name,
      header: humanize(name),
      kind: name.endsWith('At') ? ('datetime' as const) : kindOf(f.kind),
    })),
    // values the register derives (a risk's level label) follow its fields
    ...Object.keys(mod.def.derived ?? {}).map((key) => ({ key, header: humanize(key), kind: 'text' as const })),
    { key: 'createdAt', header: 'Created', kind: 'datetime' as const },
    { key: 'updatedAt', header: 'Updated', kind: 'datetime' as const },
  ];
  const records = await answerRecords(
    ctx,
    ctx.db,
    mod,
    rows.map((raw) => presentRecord(mod, raw)),
  );
  const related = await relatedOf(ctx, mod, records);
  const table = records.map((r) => {
    return columns.map(({ key }) => {
      const v = r[key];
      if (v === null || v === undefined) return null;
      if (mod.def.fields[key]?.kind === 'member') return people.get(v as string) ?? String(v);
      if (mod.def.fields[key]?.kind === 'record')
        return related[v as string] ? `${related[v as string]!.ref} — ${related[v as string]!.title}` : String(v);
      return v;
    });
  });
  const filters = Object.fromEntries(
    Object.entries(query).filter(([k, v]) => v !== undefined && k !== 'page' && k !== 'pageSize'),
  );
  await recordAuditAlone(ctx.db, {
    orgId: ctx.org.id,
    actor: ctx.actor,
    ip: ctx.ip,
    entityType: mod.def.entity,
    event: { type: 'export.generated', payload: { format, rows: table.length, filters } },
  });
  return {
    title: humanize(mod.def.collection),
    filenameBase: `${ctx.org.slug}-${mod.def.collection}-${new Date().toISOString().slice(0, 10)}`,
    columns,
    rows: table,
  };
}
