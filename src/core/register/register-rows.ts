import { columnOf } from '../../db/column-names.js';
import type { RawRows } from '../../db/raw-rows.js';
import type { FieldMap } from '../../schema/register/fields.js';
import type { RecordOf } from '../../schema/register/define-register.js';
import type { RegisterModule, Values } from './register-module.js';

/** Columns every register record has, whatever its fields, in the order the record schema lists them. */
export const RECORD_BASE_COLUMNS = [
  'id',
  'ref',
  'version',
  'createdAt',
  'createdBy',
  'updatedAt',
  'updatedBy',
  'archivedAt',
] as const;

/**
 * Builds API records straight from rows read as arrays (`readRawRows`), the way `presentRecord` builds them from
 * row objects: base columns and declared fields only, in the record schema's order, booleans as booleans. The
 * positions are worked out once per read from the columns the database named, so each row costs one object.
 */
export function compileRowBuilder<F extends FieldMap>(
  mod: RegisterModule<F>,
  columns: readonly string[],
): (row: unknown[]) => RecordOf<F> {
  const position = new Map(columns.map((c, i) => [c, i]));
  const plan = [...RECORD_BASE_COLUMNS, ...Object.keys(mod.def.fields)].map((name) => ({
    name,
    index: position.get(columnOf(name)) ?? -1,
    boolean: mod.def.fields[name]?.kind === 'boolean',
  }));
  const missing = plan.filter((p) => p.index < 0).map((p) => p.name);
  if (missing.length) throw new Error(`${mod.def.table} read without ${missing.join(', ')}`);
  return (row) => {
    const out: Values = {};
    for (const { name, index, boolean } of plan) {
      const v = row[index] ?? null;
      out[name] = boolean && v !== null ? v === 1 || v === true : v;
    }
    // the columns were checked against the definition above; the record's type follows from it (as presentRecord)
    return out as RecordOf<F>;
  };
}

/** Every row as its record (none when there are no rows: a read through Kysely then names no columns). */
export function recordsFromRows<F extends FieldMap>(mod: RegisterModule<F>, { columns, rows }: RawRows): RecordOf<F>[] {
  if (!rows.length) return [];
  return rows.map(compileRowBuilder(mod, columns));
}
