import type { OrgContext } from '../context.js';
import type { ImportTable } from './register-import.js';
import { NUL } from './register-import-cells.js';
import type { RegisterModule, Values } from './register-module.js';
import { untypedDb } from './untyped-db.js';

/** Rows of a register this caller may see (a register's `readScope`: an import must not reveal hidden records). */
function visibleRows(ctx: OrgContext, mod: RegisterModule) {
  const q = untypedDb(ctx.db).selectFrom(mod.def.table).where('orgId', '=', ctx.org.id);
  return mod.readScope ? mod.readScope(ctx, q) : q;
}

/** Reference → id for every register that `record` fields point at (one query per target). */
async function targetRefs(ctx: OrgContext, mod: RegisterModule): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const targets = [
    ...new Set(
      Object.values(mod.def.fields)
        .filter((f) => f.kind === 'record' && f.target)
        .map((f) => f.target!),
    ),
  ];
  for (const target of targets) {
    const targetMod = ctx.registers.byEntity(target);
    if (!targetMod) continue;
    const rows = await visibleRows(ctx, targetMod).select(['id', 'ref']).execute();
    for (const r of rows) out.set(`${target}:${r.ref}`, r.id as string);
  }
  return out;
}

const matchKey = (parts: unknown[]) =>
  parts
    .map((p) =>
      String(p ?? '')
        .trim()
        .toLowerCase(),
    )
    .join(NUL);

/**
 * The register's current records by their `importMatch` key (lower-cased in JavaScript, not SQL: SQLite's lower()
 * leaves non-ASCII letters alone, so "Éclair" must not be compared there). Reads only the id and the match fields.
 */
async function currentByMatchKey(
  ctx: OrgContext,
  mod: RegisterModule,
  fields: readonly string[],
): Promise<Map<string, { id: string; ref: string }[]>> {
  const rows = await visibleRows(ctx, mod)
    .select(['id', 'ref', ...fields])
    .where('archivedAt', 'is', null)
    .execute();
  const out = new Map<string, { id: string; ref: string }[]>();
  for (const r of rows) {
    const key = matchKey(fields.map((f) => r[f]));
    out.set(key, [...(out.get(key) ?? []), { id: r.id as string, ref: r.ref as string }]);
  }
  return out;
}

async function rowsById(ctx: OrgContext, mod: RegisterModule, ids: string[]): Promise<Map<string, Values>> {
  const out = new Map<string, Values>();
  for (let i = 0; i < ids.length; i += 500) {
    const found = await visibleRows(ctx, mod)
      .selectAll()
      .where('id', 'in', ids.slice(i, i + 500))
      .execute();
    for (const row of found) out.set(row.id as string, row as Values);
  }
  return out;
}

/** What the rows are checked against: members by e-mail, referenced records, and the records rows may describe. */
export interface ImportLookups {
  people: Map<string, string>;
  refsByTarget: Map<string, string>;
  /** column index of Reference (-1 without one) */
  refIndex: number;
  /** current records named by a Reference in the file */
  existing: Map<string, Values>;
  /** the register's `importMatch` fields, and its current records by match key (id and ref) */
  matchFields: readonly string[];
  byKey: Map<string, { id: string; ref: string }[]>;
  /** the stored rows of records matched by exactly one key of the file */
  matchedRows: Map<string, Values>;
  /** a row's match key, null when the register has none or the row leaves a match field empty */
  rowKey(cells: string[]): string | null;
}

/** Reads everything the rows are checked against, in a fixed number of queries (chunks of 500 for long files). */
export async function loadLookups(
  ctx: OrgContext,
  mod: RegisterModule,
  table: ImportTable,
  columns: (string | null)[],
): Promise<ImportLookups> {
  const members = await ctx.db
    .selectFrom('memberships')
    .innerJoin('users', 'users.id', 'memberships.userId')
    .select(['users.id', 'users.email'])
    .where('memberships.orgId', '=', ctx.org.id)
    .execute();
  const people = new Map(members.map((m) => [m.email, m.id]));
  const refsByTarget = await targetRefs(ctx, mod);

  const refIndex = columns.indexOf('ref');
  const refs =
    refIndex < 0
      ? []
      : [...new Set(table.rows.map((r) => r.cells[refIndex] ?? '').filter((r) => r && !r.includes(NUL)))];
  const existing = new Map<string, Values>();
  for (let i = 0; i < refs.length; i += 500) {
    const found = await visibleRows(ctx, mod)
      .selectAll()
      .where('ref', 'in', refs.slice(i, i + 500))
      .execute();
    for (const row of found) existing.set(row.ref as string, row as Values);
  }

  const matchFields = mod.def.importMatch ?? [];
  const matchColumns = matchFields.map((f) => columns.indexOf(f));
  const canMatch = matchFields.length > 0 && matchColumns.every((i) => i >= 0);
  const rowKey = (cells: string[]) =>
    canMatch && matchColumns.every((i) => (cells[i] ?? '').trim()) ? matchKey(matchColumns.map((i) => cells[i])) : null;
  const fileKeys = new Set(
    table.rows
      .filter((r) => !(refIndex >= 0 && r.cells[refIndex]?.trim()))
      .map((r) => rowKey(r.cells))
      .filter((k): k is string => k !== null),
  );
  const byKey = fileKeys.size
    ? await currentByMatchKey(ctx, mod, matchFields)
    : new Map<string, { id: string; ref: string }[]>();
  const matchedRows = await rowsById(
    ctx,
    mod,
    [...fileKeys]
      .map((k) => byKey.get(k))
      .filter((m) => m?.length === 1)
      .map((m) => m![0]!.id),
  );
  return { people, refsByTarget, refIndex, existing, matchFields, byKey, matchedRows, rowKey };
}
