import {
  auditPlanSchema,
  type AuditPlan,
  type PlannedAudit,
} from '../../../schema/internal-audit/audit-programme.register.js';
import { ISMS_CLAUSES } from '../../../schema/internal-audit/isms-requirements.js';
import { ISO27001_CLAUSES } from '../../../schema/leadership/isms-clauses.js';
import type { DraftErrors } from '../../versioning/draft-form.js';

/**
 * The coverage plan's working model for the editor (pure, tested beside): reading a stored value, where each
 * message of a failed save goes, and the conveniences of the pickers (a whole clause, a whole theme).
 */

/** The stored value as a plan; a value that is not one (never expected: the server validates) reads as empty. */
export function readPlan(value: unknown): AuditPlan {
  const parsed = auditPlanSchema.safeParse(value ?? {});
  return parsed.success ? parsed.data : auditPlanSchema.parse({});
}

/** The key the next planned audit gets: `A1`, `A2`… the first not taken. */
export function nextAuditKey(audits: readonly PlannedAudit[]): string {
  const taken = new Set(audits.map((a) => a.key));
  let n = audits.length + 1;
  for (let i = 1; i <= n; i++) if (!taken.has(`A${i}`)) return `A${i}`;
  while (taken.has(`A${n}`)) n++;
  return `A${n}`;
}

/**
 * Where the messages of the plan section go: a planned audit's field (`audit.1.controlIds` for any of its
 * controls), a plan field (`periodTo`, `keyControlIds`, `competence.2`), or the list at the top of the section.
 * `sources` keeps every original path under its control, to clear them all when that control is edited.
 */
export interface PlacedPlanErrors {
  at: Record<string, string>;
  sources: Record<string, string[]>;
  general: { path: string; message: string }[];
}

const AUDIT_FIELDS = new Set(['key', 'title', 'plannedFrom', 'plannedTo', 'clauses', 'controlIds']);

export function placePlanError(path: string, plan: AuditPlan): string | null {
  const [head, a, b] = path.split('.');
  if (head === 'periodFrom' || head === 'periodTo') return head;
  if (head === 'keyControlIds') return 'keyControlIds';
  if (head === 'competence') {
    return a !== undefined && /^\d+$/.test(a) && Number(a) < plan.competence.length ? `competence.${a}` : 'competence';
  }
  if (head === 'plannedAudits' && a !== undefined && /^\d+$/.test(a) && Number(a) < plan.plannedAudits.length)
    return b !== undefined && AUDIT_FIELDS.has(b) ? `audit.${a}.${b}` : `audit.${a}`;
  return null;
}

export function placePlanErrors(errors: DraftErrors, plan: AuditPlan): PlacedPlanErrors {
  const out: PlacedPlanErrors = { at: {}, sources: {}, general: [] };
  for (const [path, message] of Object.entries(errors)) {
    const key = placePlanError(path, plan);
    if (key === null) {
      out.general.push({ path, message });
      continue;
    }
    out.at[key] ??= message;
    (out.sources[key] ??= []).push(path);
  }
  return out;
}

type PlanClause = PlannedAudit['clauses'][number];
const PLAN_CLAUSES = new Set<string>(ISO27001_CLAUSES);
/** The clause numbers a planned audit may name, from a picker's strings. */
export const planClauses = (chosen: readonly string[]): PlanClause[] =>
  chosen.filter((c): c is PlanClause => PLAN_CLAUSES.has(c));

/** The top clause of a clause number: `6.1.2` → `6`. */
export const topClause = (clause: string) => clause.split('.')[0]!;

/** ISMS_CLAUSES by their top clause, 4 to 10, in order. */
export function clauseGroups(): { top: string; clauses: string[] }[] {
  const groups: { top: string; clauses: string[] }[] = [];
  for (const c of ISMS_CLAUSES) {
    const top = topClause(c);
    const group = groups.find((g) => g.top === top);
    if (group) group.clauses.push(c);
    else groups.push({ top, clauses: [c] });
  }
  return groups;
}

/** `chosen` with every one of `some` added (`on`) or removed, in the order of `order`. */
export function toggleAll(chosen: readonly string[], some: readonly string[], on: boolean, order: readonly string[]) {
  const set = new Set(chosen);
  for (const x of some) {
    if (on) set.add(x);
    else set.delete(x);
  }
  const rank = new Map(order.map((x, i) => [x, i]));
  return [...set].sort((x, y) => (rank.get(x) ?? Infinity) - (rank.get(y) ?? Infinity));
}

export interface PickableControl {
  id: string;
  ref: string;
  title: string;
  theme: string | null;
}

/** Controls by theme, in the order they come (the catalog's), themes in the order they first appear. */
export function controlsByTheme<C extends PickableControl>(controls: readonly C[]): { theme: string; controls: C[] }[] {
  const groups = new Map<string, C[]>();
  for (const c of controls) {
    const theme = c.theme ?? '';
    const list = groups.get(theme);
    if (list) list.push(c);
    else groups.set(theme, [c]);
  }
  return [...groups].map(([theme, list]) => ({ theme, controls: list }));
}

/** The controls whose reference or title contain every word typed. */
export function matchControls<C extends PickableControl>(controls: readonly C[], text: string): C[] {
  const words = text.toLowerCase().split(/\s+/).filter(Boolean);
  if (!words.length) return [...controls];
  return controls.filter((c) => {
    const hay = `${c.ref} ${c.title}`.toLowerCase();
    return words.every((w) => hay.includes(w));
  });
}

/**
 * A planned audit's clauses shortly: a clause whose sub-clauses are all chosen reads as the whole clause
 * (`{ whole: '7' }`), the others one by one, in clause order.
 */
export function compactClauses(chosen: readonly string[]): ({ whole: string } | { clause: string })[] {
  const set = new Set(chosen);
  const out: ({ whole: string } | { clause: string })[] = [];
  for (const g of clauseGroups()) {
    if (g.clauses.every((c) => set.has(c))) out.push({ whole: g.top });
    else for (const c of g.clauses) if (set.has(c)) out.push({ clause: c });
  }
  // a whole clause named as such (`6`) or a sub-clause group (`6.1`), which the schema also accepts
  for (const c of chosen) if (!ISMS_CLAUSES.includes(c)) out.push({ clause: c });
  return out;
}
