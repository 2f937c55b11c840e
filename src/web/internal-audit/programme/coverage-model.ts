import type { CoverageMatrix } from '../../../schema/internal-audit/audit-programme.register.js';

/**
 * The coverage matrix as the page shows it (pure, tested beside): rows in groups (the clauses 4–10, then the
 * controls by theme), what is left uncovered counted by kind, and the filter to uncovered rows only.
 */
export type CoverageRow = CoverageMatrix['rows'][number];

export interface CoverageGroup {
  /** `clauses`, or the controls' theme (`organizational`…, `''` when unknown) */
  id: string;
  kind: 'clause' | 'control';
  rows: CoverageRow[];
  uncovered: number;
}

/**
 * Rows grouped: every clause row in one group, then control rows by the theme `themeOf` gives their reference
 * (the matrix names controls by reference; the controls list knows their theme), themes in first-seen order.
 * With `uncoveredOnly` a group keeps only its uncovered rows and an emptied group is left out.
 */
export function groupCoverage(
  rows: readonly CoverageRow[],
  themeOf: (ref: string) => string | undefined,
  uncoveredOnly = false,
): CoverageGroup[] {
  const groups = new Map<string, CoverageGroup>();
  for (const row of rows) {
    const id = row.kind === 'clause' ? 'clauses' : (themeOf(row.key) ?? '');
    const key = `${row.kind}:${id}`;
    let group = groups.get(key);
    if (!group) {
      group = { id, kind: row.kind, rows: [], uncovered: 0 };
      groups.set(key, group);
    }
    if (row.state === 'uncovered') group.uncovered += 1;
    if (!uncoveredOnly || row.state === 'uncovered') group.rows.push(row);
  }
  return [...groups.values()].filter((g) => g.rows.length > 0);
}

/** How many clauses and controls are uncovered, planned and done. */
export function coverageCounts(rows: readonly CoverageRow[]) {
  const out = {
    clauses: { total: 0, uncovered: 0, planned: 0, done: 0 },
    controls: { total: 0, uncovered: 0, planned: 0, done: 0 },
  };
  for (const r of rows) {
    const c = r.kind === 'clause' ? out.clauses : out.controls;
    c.total += 1;
    c[r.state] += 1;
  }
  return out;
}

/** A cell of the matrix: the row against one planned audit. */
export function cellState(row: CoverageRow, auditKey: string): 'done' | 'planned' | 'none' {
  if (row.doneBy.includes(auditKey)) return 'done';
  if (row.plannedBy.includes(auditKey)) return 'planned';
  return 'none';
}
