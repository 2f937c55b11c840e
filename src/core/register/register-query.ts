import { sql } from 'kysely';
import { containsText } from '../../db/dialect.js';
import type { OrgContext } from '../context.js';
import type { AnyRegisterModule as RegisterModule, Values } from './register-module.js';
import { untypedDb, type RegisterQuery as AnyQuery } from './untyped-db.js';
const MAX_SEARCH_WORDS = 6;

/** The filtered (not yet sorted or paged) query of a register list; shared by the list, its count and exports. */
export function filteredQuery(ctx: OrgContext, mod: RegisterModule, query: Values): AnyQuery {
  const db = untypedDb(ctx.db);
  const { def } = mod;
  let qb: AnyQuery = db.selectFrom(def.table).where('orgId', '=', ctx.org.id);
  if (mod.readScope) qb = mod.readScope(ctx, qb);
  qb = query.archived === true ? qb.where('archivedAt', 'is not', null) : qb.where('archivedAt', 'is', null);

  // Every word must appear in one of the searchable fields, in any order: "leeds net" finds "Leeds office network"
  // (what a typeahead needs). A handful of words at most keeps the cost bounded.
  const words =
    typeof query.q === 'string' ? query.q.trim().split(/\s+/).filter(Boolean).slice(0, MAX_SEARCH_WORDS) : [];
  if (words.length) {
    const searchable = [
      'ref',
      ...Object.entries(def.fields)
        .filter(([, f]) => f.searchable)
        .map(([n]) => n),
    ];
    for (const word of words) qb = qb.where((eb) => eb.or(searchable.map((name) => containsText(name, word))));
  }

  // Exact references, case-insensitively: lower() on both sides (references are ASCII, where SQLite's and
  // PostgreSQL's lower() agree with JavaScript's).
  if (Array.isArray(query.ref) && query.ref.length) {
    const refs = [...new Set(query.ref.map((r) => String(r).toLowerCase()))];
    qb = qb.where((eb) => eb(eb.fn('lower', [eb.ref('ref')]), 'in', refs));
  }

  for (const [name, field] of Object.entries(def.fields)) {
    if (!field.filterable) continue;
    if (field.kind === 'date') {
      const from = query[`${name}From`];
      const to = query[`${name}To`];
      if (typeof from === 'string') qb = qb.where(name, '>=', from);
      if (typeof to === 'string') qb = qb.where(name, '<=', to);
      continue;
    }
    const value = query[name];
    if (value === undefined) continue;
    if (field.kind === 'enum' && Array.isArray(value)) {
      if (value.length) qb = qb.where(name, 'in', value);
    } else if (field.kind === 'member') {
      qb = qb.where(name, '=', value === 'me' ? (ctx.actor.userId ?? '') : value);
    } else if (field.kind === 'boolean') {
      qb = qb.where(name, '=', value ? 1 : 0);
    } else {
      qb = qb.where(name, '=', value);
    }
  }
  return mod.applyFilters ? mod.applyFilters(ctx, qb, query) : qb;
}

export function sortedQuery(mod: RegisterModule, qb: AnyQuery, query: Values): AnyQuery {
  const sort = typeof query.sort === 'string' ? query.sort : mod.def.defaultSort.field;
  const order = query.order === 'asc' || query.order === 'desc' ? query.order : mod.def.defaultSort.order;
  // Then a stable tie-breaker so pages never overlap.
  let sorted = orderBy(mod, qb, sort, order);
  for (const then of mod.def.thenBy ?? []) {
    if (then.field !== sort) sorted = orderBy(mod, sorted, then.field, then.order);
  }
  return sorted.orderBy('id', 'asc');
}

const NEVER_EMPTY = new Set(['ref', 'createdAt', 'updatedAt']);

/**
 * One sort key. Empty values last whatever the direction (skipped where a value is always present, so an index on
 * the column can serve the order). Text sorts case-insensitively (SQLite compares bytes, PostgreSQL uses its
 * collation: lower() makes both put "alpha" beside "Alpha"); references by number (ACT-999 before ACT-1000: they
 * share a prefix, so the shorter is the smaller); an ordered enum by its place on the scale.
 */
function orderBy(mod: RegisterModule, qb: AnyQuery, field: string, order: 'asc' | 'desc'): AnyQuery {
  const def = mod.def.fields[field];
  const alwaysSet = NEVER_EMPTY.has(field) || (!!def?.required && !def.readOnly) || def?.default !== undefined;
  const out = alwaysSet ? qb : qb.orderBy((eb) => eb.case().when(eb.ref(field), 'is', null).then(1).else(0).end());
  if (field === 'ref') return out.orderBy((eb) => eb.fn('length', [eb.ref('ref')]), order).orderBy('ref', order);
  if (def?.kind === 'text' || def?.kind === 'longtext')
    return out.orderBy((eb) => eb.fn('lower', [eb.ref(field)]), order);
  if (def?.kind === 'enum' && def.ordered) {
    // literals, not parameters: the list index (migration 0017) holds this very expression, and an index can only
    // serve an ORDER BY whose text it matches (the options are the definition's own, never user input)
    const whens = (def.options ?? []).map((o, i) => sql`when ${sql.lit(o)} then ${sql.lit(i)}`);
    return out.orderBy((eb) => sql`case ${eb.ref(field)} ${sql.join(whens, sql` `)} end`, order);
  }
  return out.orderBy(field, order);
}
