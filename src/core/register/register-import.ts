import type { FieldDef, FieldMap } from '../../schema/register/fields.js';
import type { FieldValue } from '../../schema/register/define-register.js';
import type { OrgContext } from '../context.js';
import { recordAudit } from '../audit/audit.service.js';
import { ConflictError, ValidationError } from '../errors.js';
import { humanize } from './register-export.js';
import { registerByEntity } from './registry.js';
import { presentRecord } from './register.service.js';
import { writeRows, type PlannedRow } from './register-import-write.js';
import type { ChangesOf, RegisterModule, Values } from './register-module.js';
import { inOrgTransaction } from '../transaction.js';
import { untypedDb } from './untyped-db.js';

export interface ImportTable {
  headers: string[];
  rows: { line: number; cells: string[] }[];
}

export interface ImportIssue {
  line: number;
  field: string;
  message: string;
}

export interface ImportReport {
  dryRun: boolean;
  applied: boolean;
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  errors: ImportIssue[];
  /** columns that were not used (unknown, or set by the server) */
  ignoredColumns: string[];
}

const MAX_REPORTED_ERRORS = 500;
const NUL = '\u0000';
const norm = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, '');

/** Column header → field name: accepts the field name or the export's header ("Due date"); "Reference" is the key. */
function mapColumns(mod: RegisterModule, headers: string[]) {
  const byName = new Map<string, string>([
    ['ref', 'ref'],
    ['reference', 'ref'],
  ]);
  for (const [name, def] of Object.entries(mod.def.fields)) {
    if (def.readOnly) continue;
    byName.set(norm(name), name);
    byName.set(norm(humanize(name)), name);
  }
  const columns = headers.map((h) => byName.get(norm(h)) ?? null);
  return { columns, ignored: headers.filter((h, i) => h && !columns[i]) };
}

function cellValue(
  def: FieldDef,
  raw: string,
  people: Map<string, string>,
  refs: Map<string, string>,
): { value?: FieldValue<FieldDef> | null; error?: string } {
  if (raw === '') return { value: null };
  switch (def.kind) {
    case 'integer':
      return /^-?\d+$/.test(raw) ? { value: Number(raw) } : { error: 'Must be a whole number' };
    case 'boolean': {
      const v = raw.toLowerCase();
      if (['yes', 'true', '1', 'y'].includes(v)) return { value: true };
      if (['no', 'false', '0', 'n'].includes(v)) return { value: false };
      return { error: 'Use yes or no' };
    }
    case 'member': {
      const email = (/<([^>]+)>/.exec(raw)?.[1] ?? raw).trim().toLowerCase();
      const id = people.get(email);
      return id ? { value: id } : { error: `${raw} is not a member of this organization` };
    }
    case 'record': {
      // "PARTY-003 — Regulator" (as exported), "PARTY-003", or the record's id (which the write path checks)
      const ref = raw.split(' — ')[0]!.trim();
      const id = refs.get(`${def.target}:${ref}`) ?? (/^[0-9a-f-]{36}$/i.test(raw) ? raw : undefined);
      return id ? { value: id } : { error: `No ${def.target} ${ref} in this organization` };
    }
    case 'enum': {
      // another tool's export says "Very high" or "In use" where the option is very_high / in_use
      const options = def.options ?? [];
      const option = options.includes(raw) ? raw : options.find((o) => o === raw.toLowerCase().replace(/[\s-]+/g, '_'));
      return { value: option ?? raw };
    }
    default:
      return { value: raw };
  }
}

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
    const targetMod = registerByEntity(target);
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

/**
 * Imports rows into a register. A row whose Reference matches an existing record updates it (only what differs);
 * a row without one creates a record, so importing the same file twice changes nothing the second time. A
 * register with `importMatch` (assets: the name) first looks for the current record whose match fields equal the
 * row's, case-insensitively, and updates it: a file exported from another tool, with no Reference at all, can be
 * imported again without duplicating anything. A match on more than one record, or two rows describing the same
 * record, is an error on the line. Every row is checked first, then run through the real write path and rolled
 * back (register-import-write.ts); rows are written only when none has an error, in chunks of a few hundred.
 */
export async function importRecords(
  ctx: OrgContext,
  mod: RegisterModule,
  table: ImportTable,
  opts: { dryRun: boolean },
): Promise<ImportReport> {
  const { columns, ignored } = mapColumns(mod, table.headers);
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

  const errors: ImportIssue[] = [];
  const plan: PlannedRow[] = [];
  const seenRefs = new Set<string>();
  /** record id → the line that already describes it; match key → the line that will create it */
  const seenIds = new Map<string, number>();
  const seenKeys = new Map<string, number>();
  let unchanged = 0;
  for (const { line, cells } of table.rows) {
    const values: ChangesOf<FieldMap> = {};
    let ref = '';
    columns.forEach((field, i) => {
      if (!field) return;
      const raw = (cells[i] ?? '').trim();
      // PostgreSQL text cannot hold NUL (SQLite can): refuse it on both, before any query sees it.
      if (raw.includes(NUL)) return void errors.push({ line, field, message: 'Must not contain NUL characters' });
      if (field === 'ref') return void (ref = raw);
      const { value, error } = cellValue(mod.def.fields[field]!, raw, people, refsByTarget);
      if (error) errors.push({ line, field, message: error });
      else values[field] = value;
    });
    let current = ref ? existing.get(ref) : undefined;
    const repeatedRef = !!ref && seenRefs.has(ref);
    if (ref && !current)
      errors.push({
        line,
        field: 'ref',
        message: `No ${mod.def.entity} ${ref} in this organization (leave Reference empty to create one)`,
      });
    if (repeatedRef) errors.push({ line, field: 'ref', message: `${ref} appears on more than one row` });
    if (ref) seenRefs.add(ref);
    if (current?.archivedAt) errors.push({ line, field: 'ref', message: `${ref} is archived` });
    const key = ref ? null : rowKey(cells);
    if (key !== null) {
      const what = matchFields.join(' and ');
      const found = byKey.get(key) ?? [];
      if (found.length > 1) {
        errors.push({
          line,
          field: matchFields[0]!,
          message: `Matches ${found.length} current records by ${what} (${found.map((f) => f.ref).join(', ')}); add a Reference column to say which`,
        });
      } else if (found.length === 1) {
        current = matchedRows.get(found[0]!.id);
      } else if (seenKeys.has(key)) {
        errors.push({
          line,
          field: matchFields[0]!,
          message: `Same ${what} as line ${seenKeys.get(key)}: each row must describe a different record`,
        });
      } else {
        seenKeys.set(key, line);
      }
    }
    const earlier = current ? seenIds.get(current.id as string) : undefined;
    if (earlier !== undefined && !repeatedRef)
      errors.push({
        line,
        field: ref ? 'ref' : matchFields[0]!,
        message: `${current!.ref} is already described on line ${earlier}`,
      });
    if (current && earlier === undefined) seenIds.set(current.id as string, line);

    const schema = current ? mod.def.updateSchema : mod.def.createSchema;
    // Empty cells clear optional fields; on creation they are simply not set.
    const given = current ? values : Object.fromEntries(Object.entries(values).filter(([, v]) => v !== null));
    const shown = current && presentRecord(mod, current);
    const input = mod.normalizeImport ? mod.normalizeImport(given, shown) : given;
    const parsed = schema.safeParse(input);
    if (!parsed.success) {
      for (const issue of parsed.error.issues)
        errors.push({ line, field: String(issue.path[0] ?? 'row'), message: issue.message });
      continue;
    }
    if (shown) {
      const changed = Object.entries(parsed.data).some(([k, v]) => (v ?? null) !== (shown[k] ?? null));
      if (!changed) {
        unchanged++;
        continue;
      }
    }
    plan.push({ line, id: current?.id as string | undefined, values: parsed.data });
  }

  // The real write path, rolled back: a dry run refuses exactly what the import would (checks that run only on
  // write, such as a record reference of another organization, included).
  const failedLines = new Set(errors.map((e) => e.line));
  const checked = await writeRows(
    ctx,
    mod,
    plan.filter((p) => !failedLines.has(p.line)),
    { commit: false, maxIssues: MAX_REPORTED_ERRORS },
  );
  errors.push(...checked.issues);
  errors.sort((a, b) => a.line - b.line);

  const report: ImportReport = {
    dryRun: opts.dryRun,
    applied: false,
    rows: table.rows.length,
    created: plan.filter((p) => !p.id).length,
    updated: plan.filter((p) => p.id).length,
    unchanged,
    errors: errors.slice(0, MAX_REPORTED_ERRORS),
    ignoredColumns: ignored,
  };
  if (opts.dryRun) return report;
  if (errors.length) {
    throw new ValidationError(
      report.errors.map((e) => ({ field: `rows[${e.line}].${e.field}`, message: e.message })),
      `${errors.length} problem${errors.length === 1 ? '' : 's'} in the file; nothing was imported (try a dry run to see them all)`,
    );
  }
  const written = await writeRows(ctx, mod, plan, { commit: true, maxIssues: 1 });
  // An import that changes nothing writes nothing, not even its run.
  if (plan.length)
    await recordImportRun(ctx, mod, {
      rows: table.rows.length,
      created: written.created,
      updated: written.updated,
      unchanged,
      stoppedAtLine: written.stoppedAt ?? null,
    });
  if (written.stoppedAt !== undefined) {
    // Only a change made by someone else since the check gets here; what was written stays written, and says so.
    throw new ConflictError(
      `Line ${written.issues[0]!.line}: ${written.issues[0]!.message}. The rows before line ${written.stoppedAt} were imported (${written.created} created, ${written.updated} updated); the rest were not`,
      written.issues.map((e) => ({ field: `rows[${e.line}].${e.field}`, message: e.message })),
    );
  }
  return { ...report, applied: true };
}

/** One audit event for the whole run, besides each record's own: who imported how much, and whether it finished. */
async function recordImportRun(
  ctx: OrgContext,
  mod: RegisterModule,
  run: { rows: number; created: number; updated: number; unchanged: number; stoppedAtLine: number | null },
) {
  const payload = {
    register: mod.def.entity,
    ...run,
    status: run.stoppedAtLine === null ? 'completed' : 'stopped',
  } as const;
  await inOrgTransaction(ctx, (trx) =>
    recordAudit(trx, {
      orgId: ctx.org.id,
      actor: ctx.actor,
      ip: ctx.ip,
      entityType: mod.def.entity,
      entityId: null,
      event: { type: 'records.imported', payload },
    }),
  );
}
