import type { Kysely, SelectQueryBuilder } from 'kysely';
import { containsText } from '../../db/dialect.js';
import type { OrgContext } from '../context.js';
import type { RegisterModule, Values } from './register-module.js';

type AnyQuery = SelectQueryBuilder<any, any, any>;

/** The filtered (not yet sorted or paged) query of a register list; shared by the list, its count and exports. */
export function filteredQuery(ctx: OrgContext, mod: RegisterModule, query: Values): AnyQuery {
  const db = ctx.db as unknown as Kysely<any>;
  const { def } = mod;
  let qb: AnyQuery = db.selectFrom(def.table).where('orgId', '=', ctx.org.id);
  qb = query.archived === true ? qb.where('archivedAt', 'is not', null) : qb.where('archivedAt', 'is', null);

  const q = typeof query.q === 'string' ? query.q.trim() : '';
  if (q) {
    const searchable = ['ref', ...Object.entries(def.fields).filter(([, f]) => f.searchable).map(([n]) => n)];
    qb = qb.where((eb) => eb.or(searchable.map((name) => containsText(name, q))));
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
  const kind = mod.def.fields[sort]?.kind;
  const isText = kind === 'text' || kind === 'longtext' || sort === 'ref';
  // Empty values last whatever the direction. Text sorts case-insensitively (SQLite compares bytes, PostgreSQL
  // uses its collation: lower() makes both put "alpha" beside "Alpha"). Then a stable tie-breaker so pages never
  // overlap.
  return qb
    .orderBy((eb) => eb.case().when(eb.ref(sort), 'is', null).then(1).else(0).end())
    .orderBy((eb) => (isText ? eb.fn('lower', [eb.ref(sort)]) : eb.ref(sort)), order)
    .orderBy('id', 'asc');
}
