import { clauseLabel, ISMS_CLAUSE_TITLES } from '../../../schema/internal-audit/isms-requirements.js';
import type { ChecklistItem } from '../../../schema/internal-audit/internal-audit.register.js';

/** Items shown per page: ~400 items (all clauses and 293 controls) render a page at a time, never all at once. */
export const CHECKLIST_PAGE_SIZE = 40;

export interface ChecklistGroup {
  /** `clause:6.1.2`, `control`, `added` */
  id: string;
  /** the clause's number as Rampart shows it ("10.2 (2013: 10.1)") and title; empty for the other groups */
  clause: string | null;
  title: string | null;
  kind: 'clause' | 'control' | 'added';
  items: ChecklistItem[];
}

export const isAssessed = (item: Pick<ChecklistItem, 'conclusion'>) => item.conclusion !== 'not_assessed';

/** "37 of 128 assessed": how far the checklist is. */
export function progressOf(items: readonly Pick<ChecklistItem, 'conclusion'>[]): { assessed: number; total: number } {
  return { assessed: items.filter(isAssessed).length, total: items.length };
}

/**
 * Items grouped the way an auditor reads the standard: each clause 4–10 (2022 number, the 2013 one beside it),
 * then Annex A controls, then the items the auditor added without a requirement or control. The checklist's own
 * order (seq) is kept inside each group.
 */
export function groupChecklist(items: readonly ChecklistItem[]): ChecklistGroup[] {
  const groups = new Map<string, ChecklistGroup>();
  const put = (id: string, make: () => Omit<ChecklistGroup, 'items'>, item: ChecklistItem) => {
    const g = groups.get(id) ?? { ...make(), items: [] };
    g.items.push(item);
    groups.set(id, g);
  };
  for (const item of items) {
    if (item.clause)
      put(
        `clause:${item.clause}`,
        () => ({
          id: `clause:${item.clause}`,
          kind: 'clause',
          clause: clauseLabel(item.clause ?? ''),
          title: ISMS_CLAUSE_TITLES[item.clause ?? ''] ?? null,
        }),
        item,
      );
    else if (item.controlId)
      put('control', () => ({ id: 'control', kind: 'control', clause: null, title: null }), item);
    else put('added', () => ({ id: 'added', kind: 'added', clause: null, title: null }), item);
  }
  const order = (g: ChecklistGroup) =>
    g.kind === 'clause' ? clauseOrder(g.id.slice('clause:'.length)) : g.kind === 'control' ? 10_000 : 20_000;
  const out = [...groups.values()].sort((a, b) => order(a) - order(b));
  for (const g of out) if (g.kind === 'control') g.items.sort((a, b) => compareRefs(a.controlRef, b.controlRef));
  return out;
}

const CLAUSE_INDEX = new Map(Object.keys(ISMS_CLAUSE_TITLES).map((c, i) => [c, i]));
const clauseOrder = (clause: string) => CLAUSE_INDEX.get(clause) ?? 5_000;

/** Control references in number order ("A.5.2" before "A.5.10"). */
function compareRefs(a: string | null, b: string | null): number {
  return (a ?? '').localeCompare(b ?? '', 'en', { numeric: true });
}

/**
 * One page of the grouped checklist: the groups cut to the items of page `page` (1-based), so a heading shows
 * above its items on every page they continue on.
 */
export function pageOfGroups(groups: readonly ChecklistGroup[], page: number, size = CHECKLIST_PAGE_SIZE) {
  const from = (page - 1) * size;
  const to = from + size;
  const out: ChecklistGroup[] = [];
  let at = 0;
  for (const g of groups) {
    const start = Math.max(from - at, 0);
    const end = Math.min(to - at, g.items.length);
    if (start < end) out.push({ ...g, items: g.items.slice(start, end) });
    at += g.items.length;
  }
  return out;
}
