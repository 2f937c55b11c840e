import type { FieldValue } from '../../schema/register/define-register.js';
import type { FieldDef } from '../../schema/register/fields.js';
import { humanize } from './register-export.js';
import type { RegisterModule } from './register-module.js';

/** PostgreSQL text cannot hold NUL (SQLite can): cells with it are refused on both, before any query sees them. */
export const NUL = '\u0000';
const norm = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, '');

/** Column header → field name: accepts the field name or the export's header ("Due date"); "Reference" is the key. */
export function mapColumns(mod: RegisterModule, headers: string[]) {
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

/** A cell as the field's value: people by e-mail, records by reference, options by their label. */
export function cellValue(
  def: FieldDef,
  raw: string,
  people: Map<string, string>,
  refs: Map<string, string>,
): { value?: FieldValue<FieldDef> | null; error?: string } {
  if (raw === '') return { value: null };
  switch (def.kind) {
    case 'integer':
      return /^-?\d+$/.test(raw) ? { value: Number(raw) } : { error: 'Must be a whole number' };
    case 'number':
      // a spreadsheet cell gives 99.5; a CSV may give "99,5" in a decimal-comma locale
      return /^-?\d+([.,]\d+)?$/.test(raw) ? { value: Number(raw.replace(',', '.')) } : { error: 'Must be a number' };
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
