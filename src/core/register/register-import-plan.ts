import type { ImportIssue, ImportTable } from './register-import.js';
import { cellValue, NUL } from './register-import-cells.js';
import type { ImportLookups } from './register-import-lookup.js';
import type { PlannedRow } from './register-import-write.js';
import { presentRecord } from './register.service.js';
import type { FieldMap } from '../../schema/register/fields.js';
import type { ChangesOf, RegisterModule, Values } from './register-module.js';

/** What the rows seen so far claimed: references, records (id → line) and match keys of records to create. */
interface Seen {
  refs: Set<string>;
  ids: Map<string, number>;
  keys: Map<string, number>;
}

/** The values of a row's mapped cells (and its Reference), with an issue for each cell that is not a valid value. */
function rowValues(
  mod: RegisterModule,
  { line, cells }: ImportTable['rows'][number],
  columns: (string | null)[],
  lookups: ImportLookups,
  errors: ImportIssue[],
) {
  const values: ChangesOf<FieldMap> = {};
  let ref = '';
  columns.forEach((field, i) => {
    if (!field) return;
    const raw = (cells[i] ?? '').trim();
    if (raw.includes(NUL)) return void errors.push({ line, field, message: 'Must not contain NUL characters' });
    if (field === 'ref') return void (ref = raw);
    const { value, error } = cellValue(mod.def.fields[field]!, raw, lookups.people, lookups.refsByTarget);
    if (error) errors.push({ line, field, message: error });
    else values[field] = value;
  });
  return { values, ref };
}

/**
 * The stored record a row describes: by its Reference, else by the register's match fields; none for a new record.
 * A Reference that names nothing (or an archived record), a key matching several records, and two rows describing
 * the same record are issues on the line.
 */
function describedRecord(
  mod: RegisterModule,
  { line, cells }: ImportTable['rows'][number],
  ref: string,
  lookups: ImportLookups,
  seen: Seen,
  errors: ImportIssue[],
): Values | undefined {
  const { matchFields } = lookups;
  let current = ref ? lookups.existing.get(ref) : undefined;
  const repeatedRef = !!ref && seen.refs.has(ref);
  if (ref && !current)
    errors.push({
      line,
      field: 'ref',
      message: `No ${mod.def.entity} ${ref} in this organization (leave Reference empty to create one)`,
    });
  if (repeatedRef) errors.push({ line, field: 'ref', message: `${ref} appears on more than one row` });
  if (ref) seen.refs.add(ref);
  if (current?.archivedAt) errors.push({ line, field: 'ref', message: `${ref} is archived` });
  const key = ref ? null : lookups.rowKey(cells);
  if (key !== null) {
    const what = matchFields.join(' and ');
    const found = lookups.byKey.get(key) ?? [];
    if (found.length > 1) {
      errors.push({
        line,
        field: matchFields[0]!,
        message: `Matches ${found.length} current records by ${what} (${found.map((f) => f.ref).join(', ')}); add a Reference column to say which`,
      });
    } else if (found.length === 1) {
      current = lookups.matchedRows.get(found[0]!.id);
    } else if (seen.keys.has(key)) {
      errors.push({
        line,
        field: matchFields[0]!,
        message: `Same ${what} as line ${seen.keys.get(key)}: each row must describe a different record`,
      });
    } else {
      seen.keys.set(key, line);
    }
  }
  const earlier = current ? seen.ids.get(current.id as string) : undefined;
  if (earlier !== undefined && !repeatedRef)
    errors.push({
      line,
      field: ref ? 'ref' : matchFields[0]!,
      message: `${current!.ref} is already described on line ${earlier}`,
    });
  if (current && earlier === undefined) seen.ids.set(current.id as string, line);
  return current;
}

/**
 * Checks every row and plans the writes: a row describing a stored record updates it (only when something differs),
 * any other creates one. Rows are validated with the register's own create or update schema. Nothing is written.
 */
export function planImport(
  mod: RegisterModule,
  table: ImportTable,
  columns: (string | null)[],
  lookups: ImportLookups,
): { plan: PlannedRow[]; errors: ImportIssue[]; unchanged: number } {
  const errors: ImportIssue[] = [];
  const plan: PlannedRow[] = [];
  const seen: Seen = { refs: new Set(), ids: new Map(), keys: new Map() };
  let unchanged = 0;
  for (const row of table.rows) {
    const { line } = row;
    const { values, ref } = rowValues(mod, row, columns, lookups, errors);
    const current = describedRecord(mod, row, ref, lookups, seen, errors);

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
  return { plan, errors, unchanged };
}
