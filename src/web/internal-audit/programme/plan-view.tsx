import { auditProgrammeVersioned } from '../../../schema/internal-audit/audit-programme.register.js';
import { useT } from '../../i18n/i18n.js';
import { DataTable } from '../../ui/data-table.js';
import { registerDataSection, type DataViewProps } from '../../versioning/data-sections.js';
import { PlanEditor } from './plan-editor.js';
import { clausesText, describePlanChanges } from './plan-changes.js';
import { readPlan } from './plan-model.js';
import { useApplicableControls } from './programme-api.js';
import './programme.css';

/** How many control references a cell names before "and N more". */
const SHOWN = 20;

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

/** The programme's coverage plan in the generic document UI: edited, read and compared in words. */
registerDataSection(auditProgrammeVersioned.entity, 'plan', {
  Editor: PlanEditor,
  View: PlanView,
  describeChanges: describePlanChanges,
});
