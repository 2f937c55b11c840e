import type { RegisterDef } from '../../schema/register/define-register.js';

/**
 * A register list's whole state — page, size, sort, search, filters — lives in the URL query string as plain
 * strings, named exactly as the API's list query (register.listQuerySchema), so the URL is the API query.
 */
export type RegisterSearch = Record<string, string | undefined>;

export function registerQueryKeys(register: RegisterDef): string[] {
  return Object.keys(register.listQuerySchema.shape);
}

/** Keep only the keys this register's list understands, as strings. */
export function parseRegisterSearch(register: RegisterDef, raw: Record<string, unknown>): RegisterSearch {
  const out: RegisterSearch = {};
  for (const key of registerQueryKeys(register)) {
    const v = raw[key];
    if (v === undefined || v === null || v === '') continue;
    out[key] = String(v);
  }
  return out;
}

/** Filters only (no paging): used for the CSV export and for "is anything filtered". */
export function filterParams(search: RegisterSearch): RegisterSearch {
  const { page: _page, pageSize: _pageSize, ...rest } = search;
  return rest;
}

export function hasActiveFilters(search: RegisterSearch): boolean {
  const { sort: _s, order: _o, ...filters } = filterParams(search);
  return Object.values(filters).some((v) => v !== undefined && v !== '');
}

export function toQuery(search: RegisterSearch): string {
  const usp = new URLSearchParams();
  for (const [k, v] of Object.entries(search)) if (v !== undefined && v !== '') usp.set(k, v);
  const s = usp.toString();
  return s ? `?${s}` : '';
}

/** The next sort when a column header is activated: asc → desc → asc. */
export function nextSort(register: RegisterDef, search: RegisterSearch, field: string): RegisterSearch {
  const current = currentSort(register, search);
  const order = current.field === field && current.order === 'asc' ? 'desc' : 'asc';
  return { ...search, sort: field, order, page: undefined };
}

export function currentSort(register: RegisterDef, search: RegisterSearch): { field: string; order: 'asc' | 'desc' } {
  if (search.sort) return { field: search.sort, order: search.order === 'desc' ? 'desc' : 'asc' };
  return register.defaultSort;
}
