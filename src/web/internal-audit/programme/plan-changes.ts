import { clauseLabel } from '../../../schema/internal-audit/isms-requirements.js';
import type { I18n } from '../../i18n/i18n.js';
import type { DataChange, DescribedChange } from '../../versioning/data-sections.js';
import { compactClauses, readPlan } from './plan-model.js';

/** A planned audit's clauses in words: "all of clause 7, 9.1, 10.2 (2013: 10.1)". */
export const clausesText = (t: I18n['t'], clauses: readonly string[]) =>
  compactClauses(clauses)
    .map((c) => ('whole' in c ? t('auditProgramme.view.wholeClause', { no: c.whole }) : clauseLabel(c.clause)))
    .join(', ');

/**
 * Two versions' plans in words: the period, the key controls, the competence list, and each planned audit
 * added, removed or changed (by key). Read from the whole values; the changed paths only say whether to look.
 */
export function describePlanChanges(
  i18n: I18n,
  changes: DataChange[],
  values: { before: unknown; after: unknown },
): DescribedChange[] {
  const { t } = i18n;
  if (!changes.length) return [];
  const b = readPlan(values.before);
  const a = readPlan(values.after);
  const out: DescribedChange[] = [];
  const text = (v: string | null | undefined) => (v ? v : null);
  const push = (where: string, before: string | null, after: string | null) => {
    if (before !== after) out.push({ where, before, after });
  };
  const period = (p: typeof b) => (p.periodFrom || p.periodTo ? `${p.periodFrom ?? '…'} – ${p.periodTo ?? '…'}` : null);
  push(t('auditProgramme.editor.period'), period(b), period(a));
  // controls are compared as sets: the same number of different controls still reads as a change
  const sameSet = (x: readonly string[], y: readonly string[]) =>
    x.length === y.length && x.every((id) => y.includes(id));
  const count = (ids: readonly string[], changed: boolean) =>
    ids.length || changed
      ? `${t('auditProgramme.view.controlCount', { count: ids.length })}${changed ? ` (${t('auditProgramme.view.otherControls')})` : ''}`
      : null;
  const keysChanged = !sameSet(b.keyControlIds, a.keyControlIds);
  push(t('auditProgramme.editor.keyControls'), count(b.keyControlIds, false), count(a.keyControlIds, keysChanged));
  push(t('auditProgramme.editor.competence'), text(b.competence.join('; ')), text(a.competence.join('; ')));
  const summary = (x: (typeof b.plannedAudits)[number] | undefined, changed = false) =>
    x
      ? `${x.title} (${x.plannedFrom} – ${x.plannedTo}); ${clausesText(t, x.clauses) || '—'}; ${count(x.controlIds, changed)}`
      : null;
  const keys = [...new Set([...b.plannedAudits, ...a.plannedAudits].map((x) => x.key))];
  for (const key of keys) {
    const before = b.plannedAudits.find((x) => x.key === key);
    const after = a.plannedAudits.find((x) => x.key === key);
    const changed = !!before && !!after && !sameSet(before.controlIds, after.controlIds);
    push(t('auditProgramme.view.plannedAudit', { key }), summary(before), summary(after, changed));
  }
  return out;
}
