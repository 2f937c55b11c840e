import { auditProgrammeVersioned } from '../../../schema/internal-audit/audit-programme.register.js';
import { clauseLabel } from '../../../schema/internal-audit/isms-requirements.js';
import type { I18n } from '../../i18n/i18n.js';
import { useT } from '../../i18n/i18n.js';
import { DataTable } from '../../ui/data-table.js';
import {
  registerDataSection,
  type DataChange,
  type DataViewProps,
  type DescribedChange,
} from '../../versioning/data-sections.js';
import { PlanEditor } from './plan-editor.js';
import { compactClauses, readPlan } from './plan-model.js';
import { useApplicableControls } from './programme-api.js';
import './programme.css';

/** How many control references a cell names before "and N more". */
const SHOWN = 20;

/** A planned audit's clauses in words: "all of clause 7, 9.1, 10.2 (2013: 10.1)". */
const clausesText = (t: I18n['t'], clauses: readonly string[]) =>
  compactClauses(clauses)
    .map((c) => ('whole' in c ? t('auditProgramme.view.wholeClause', { no: c.whole }) : clauseLabel(c.clause)))
    .join(', ');

/** A version's coverage plan, read-only: period, key controls, competence, and the planned audits as a table. */
function PlanView({ org, value }: DataViewProps) {
  const { t, formatDate, formatNumber } = useT();
  const plan = readPlan(value);
  const controls = useApplicableControls(org);
  const byId = new Map((controls.data ?? []).map((c) => [c.id, c]));
  const refs = (ids: readonly string[]) =>
    ids.map((id) => byId.get(id)?.ref ?? t('auditProgramme.picker.unknownControl'));
  const controlText = (ids: readonly string[]) => {
    if (!ids.length) return t('auditProgramme.view.none');
    const names = refs(ids);
    return names.length > SHOWN
      ? t('auditProgramme.picker.chosenMore', {
          names: names.slice(0, SHOWN).join(', '),
          more: formatNumber(names.length - SHOWN),
        })
      : names.join(', ');
  };
  const day = (d: string | null) => (d ? formatDate(d) : '…');
  return (
    <div className="ap-view">
      <dl className="ap-view__facts">
        <dt>{t('auditProgramme.editor.period')}</dt>
        <dd>
          {plan.periodFrom || plan.periodTo
            ? t('auditProgramme.view.period', { from: day(plan.periodFrom), to: day(plan.periodTo) })
            : t('auditProgramme.view.noPeriod')}
        </dd>
        <dt>{t('auditProgramme.editor.keyControls')}</dt>
        <dd>{controlText(plan.keyControlIds)}</dd>
        <dt>{t('auditProgramme.editor.competence')}</dt>
        <dd>
          {plan.competence.length ? (
            <ul>
              {plan.competence.map((c, i) => (
                <li key={i}>{c}</li>
              ))}
            </ul>
          ) : (
            t('auditProgramme.view.none')
          )}
        </dd>
      </dl>
      {plan.plannedAudits.length === 0 ? (
        <p className="doc__empty">{t('auditProgramme.editor.noAudits')}</p>
      ) : (
        <DataTable
          caption={t('auditProgramme.editor.audits')}
          rows={plan.plannedAudits}
          rowKey={(a) => a.key}
          columns={[
            {
              id: 'key',
              header: t('auditProgramme.editor.auditKey'),
              cell: (a) => <span className="ref">{a.key}</span>,
            },
            { id: 'title', header: t('auditProgramme.editor.auditTitle'), rowHeader: true, cell: (a) => a.title },
            {
              id: 'when',
              header: t('auditProgramme.view.when'),
              cell: (a) => t('auditProgramme.view.period', { from: day(a.plannedFrom), to: day(a.plannedTo) }),
            },
            {
              id: 'clauses',
              header: t('auditProgramme.view.clauses'),
              cell: (a) => clausesText(t, a.clauses) || t('auditProgramme.view.none'),
            },
            {
              id: 'controls',
              header: t('auditProgramme.view.controls'),
              className: 'ap-view__controls',
              cell: (a) => controlText(a.controlIds),
            },
          ]}
        />
      )}
      {plan.keyControlIds.length && plan.plannedAudits.length ? (
        <p className="field__help">{t('auditProgramme.view.keyInEvery')}</p>
      ) : null}
    </div>
  );
}

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

/** The programme's coverage plan in the generic document UI: edited, read and compared in words. */
registerDataSection(auditProgrammeVersioned.entity, 'plan', {
  Editor: PlanEditor,
  View: PlanView,
  describeChanges: describePlanChanges,
});
