/** The query strings of the programme's pages (kept apart from the pages, which load with their route). */

/** `/audit-programme/coverage?uncovered=1`: the matrix's rows left uncovered only. */
export interface CoverageSearch {
  uncovered?: string;
}

export const parseCoverageSearch = (s: Record<string, unknown>): CoverageSearch =>
  s.uncovered === '1' || s.uncovered === 'true' || s.uncovered === 1 ? { uncovered: '1' } : {};

/** `/isms-requirements?q=…`: the search typed. */
export const parseRequirementsSearch = (s: Record<string, unknown>): { q?: string } =>
  typeof s.q === 'string' && s.q.trim() ? { q: s.q } : {};
