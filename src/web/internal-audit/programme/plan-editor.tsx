import { useRef, useState } from 'react';
import type { AuditPlan, PlannedAudit } from '../../../schema/internal-audit/audit-programme.register.js';
import { useT } from '../../i18n/i18n.js';
import { Button } from '../../ui/button.js';
import { DateField, TextField } from '../../ui/fields.js';
import { QueryState } from '../../ui/query-state.js';
import type { DataEditorProps } from '../../versioning/data-sections.js';
import { ClausePicker, ControlPicker } from './pickers.js';
import { nextAuditKey, placePlanErrors, planClauses, readPlan, type PickableControl } from './plan-model.js';
import { useApplicableControls } from './programme-api.js';
import './programme.css';

/** What every part of the plan editor gets: the working copy, a way to change it, its messages. */
interface Kit {
  plan: AuditPlan;
  update: (change: (p: AuditPlan) => AuditPlan, edited?: string) => void;
  err: (key: string) => string | undefined;
  /** every message at or under a path goes (a list entry removed: the indexes after it move) */
  clearUnder: (prefix: string) => void;
  controls: readonly PickableControl[];
}

/**
 * The coverage plan's editor inside the generic draft editor (9.2.2): the period, the key controls every audit
 * looks at, the competence auditors need, and the planned audits with the clauses and controls each covers. It
 * works on its own copy and hands the whole plan up at each change; the server's messages (and the draft schema's)
 * land next to their control through plan-model.ts, the rest in the list at the top.
 */
export function PlanEditor({ org, value, onChange, errors, onEdited }: DataEditorProps) {
  const { t } = useT();
  const controls = useApplicableControls(org);
  const [plan, setPlan] = useState<AuditPlan>(() => readPlan(value));
  // Several changes may come before React renders again: each builds on the latest copy.
  const latest = useRef(plan);
  const list = useRef<HTMLDivElement>(null);
  const placed = placePlanErrors(errors, plan);
  const update = (change: (p: AuditPlan) => AuditPlan, edited?: string) => {
    const next = change(latest.current);
    latest.current = next;
    setPlan(next);
    onChange(next);
    if (edited) placed.sources[edited]?.forEach(onEdited);
  };
  const clearUnder = (prefix: string) => {
    for (const path of Object.keys(errors)) if (path === prefix || path.startsWith(`${prefix}.`)) onEdited(path);
  };
  const kit = (all: readonly PickableControl[]): Kit => ({
    plan,
    update,
    err: (k) => placed.at[k],
    clearUnder,
    controls: all,
  });
  const setAudit = (i: number, change: Partial<PlannedAudit>, edited: string) =>
    update(
      (p) => ({ ...p, plannedAudits: p.plannedAudits.map((a, n) => (n === i ? { ...a, ...change } : a)) }),
      edited,
    );
  const addAudit = () => {
    update((p) => ({
      ...p,
      plannedAudits: [
        ...p.plannedAudits,
        {
          key: nextAuditKey(p.plannedAudits),
          title: '',
          plannedFrom: p.periodFrom ?? '',
          plannedTo: '',
          clauses: [],
          controlIds: [],
        },
      ],
    }));
    requestAnimationFrame(() =>
      list.current?.querySelector<HTMLElement>('.ap-audit:last-of-type input[name="title"]')?.focus(),
    );
  };
  const removeAudit = (i: number) => {
    // the messages of later audits name indexes that move: they go, the next save checks again
    clearUnder('plannedAudits');
    update((p) => ({ ...p, plannedAudits: p.plannedAudits.filter((_a, n) => n !== i) }));
  };

  return (
    <div className="ap-editor">
      {placed.general.length ? (
        <div className="alert alert--error">
          <p>{t('auditProgramme.editor.otherErrors')}</p>
          <ul>
            {placed.general.map((g) => (
              <li key={g.path}>
                {g.path ? <code>{g.path.split('.').join(' › ')}</code> : null} {g.message}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <QueryState query={controls} loadingLabel={t('auditProgramme.editor.loadingControls')}>
        {(all) => (
          <>
            <PeriodAndKeys kit={kit(all)} />
            <Competence kit={kit(all)} />
            <section className="ap-audits" aria-labelledby="ap-audits-title">
              <h4 id="ap-audits-title">{t('auditProgramme.editor.audits')}</h4>
              <p className="field__help">{t('auditProgramme.editor.auditsHelp')}</p>
              {plan.plannedAudits.length === 0 ? <p className="muted">{t('auditProgramme.editor.noAudits')}</p> : null}
              <div ref={list}>
                {plan.plannedAudits.map((a, i) => (
                  <AuditEditor
                    // the key is typed and may repeat while editing; rows are edited in place, never reordered
                    key={i}
                    kit={kit(all)}
                    audit={a}
                    index={i}
                    onChange={(change, edited) => setAudit(i, change, `audit.${i}.${edited}`)}
                    onRemove={() => removeAudit(i)}
                  />
                ))}
              </div>
              <Button onClick={addAudit}>{t('auditProgramme.editor.addAudit')}</Button>
            </section>
          </>
        )}
      </QueryState>
    </div>
  );
}

function PeriodAndKeys({ kit }: { kit: Kit }) {
  const { t } = useT();
  const { plan, update, err } = kit;
  return (
    <>
      <fieldset className="ap-fieldset">
        <legend>{t('auditProgramme.editor.period')}</legend>
        <p className="field__help">{t('auditProgramme.editor.periodHelp')}</p>
        <div className="form__grid">
          <DateField
            label={t('auditProgramme.editor.periodFrom')}
            name="periodFrom"
            value={plan.periodFrom ?? ''}
            error={err('periodFrom')}
            onChange={(e) => update((p) => ({ ...p, periodFrom: e.target.value || null }), 'periodFrom')}
          />
          <DateField
            label={t('auditProgramme.editor.periodTo')}
            name="periodTo"
            value={plan.periodTo ?? ''}
            error={err('periodTo')}
            onChange={(e) => update((p) => ({ ...p, periodTo: e.target.value || null }), 'periodTo')}
          />
        </div>
      </fieldset>
      <ControlPicker
        label={t('auditProgramme.editor.keyControls')}
        help={t('auditProgramme.editor.keyControlsHelp')}
        error={err('keyControlIds')}
        chosen={plan.keyControlIds}
        controls={kit.controls}
        onChange={(ids) => update((p) => ({ ...p, keyControlIds: ids }), 'keyControlIds')}
      />
    </>
  );
}

function Competence({ kit }: { kit: Kit }) {
  const { t } = useT();
  const { plan, update, err } = kit;
  // the messages of later entries name indexes that move: they go, the next save checks again
  const removeCompetence = (i: number) => {
    kit.clearUnder('competence');
    update((p) => ({ ...p, competence: p.competence.filter((_c, n) => n !== i) }));
  };
  const set = (i: number, text: string) =>
    update((p) => ({ ...p, competence: p.competence.map((c, n) => (n === i ? text : c)) }), `competence.${i}`);
  return (
    <fieldset className="ap-fieldset">
      <legend>{t('auditProgramme.editor.competence')}</legend>
      <p className="field__help">{t('auditProgramme.editor.competenceHelp')}</p>
      {err('competence') ? <p className="field__error">{err('competence')}</p> : null}
      <ol className="ap-competence">
        {plan.competence.map((c, i) => (
          <li key={i} className="ap-competence__item">
            <TextField
              label={t('auditProgramme.editor.competenceItem', { no: i + 1 })}
              value={c}
              maxLength={500}
              error={err(`competence.${i}`)}
              onChange={(e) => set(i, e.target.value)}
            />
            <Button
              size="small"
              variant="link"
              aria-label={t('auditProgramme.editor.removeCompetence', { no: i + 1 })}
              onClick={() => removeCompetence(i)}
            >
              {t('auditProgramme.editor.remove')}
            </Button>
          </li>
        ))}
      </ol>
      <Button size="small" onClick={() => update((p) => ({ ...p, competence: [...p.competence, ''] }))}>
        {t('auditProgramme.editor.addCompetence')}
      </Button>
    </fieldset>
  );
}

function AuditEditor({
  kit,
  audit,
  index,
  onChange,
  onRemove,
}: {
  kit: Kit;
  audit: PlannedAudit;
  index: number;
  onChange: (change: Partial<PlannedAudit>, edited: string) => void;
  onRemove: () => void;
}) {
  const { t } = useT();
  const err = (f: string) => kit.err(`audit.${index}.${f}`);
  const name = audit.title.trim() || t('auditProgramme.editor.untitled');
  return (
    <fieldset className="ap-audit" data-audit={index}>
      <legend>{t('auditProgramme.editor.auditLegend', { key: audit.key, title: name })}</legend>
      {kit.err(`audit.${index}`) ? <p className="field__error">{kit.err(`audit.${index}`)}</p> : null}
      <div className="form__grid">
        <TextField
          label={t('auditProgramme.editor.auditKey')}
          help={t('auditProgramme.editor.auditKeyHelp')}
          name="key"
          value={audit.key}
          maxLength={40}
          error={err('key')}
          onChange={(e) => onChange({ key: e.target.value }, 'key')}
        />
        <TextField
          label={t('auditProgramme.editor.auditTitle')}
          name="title"
          value={audit.title}
          maxLength={200}
          error={err('title')}
          onChange={(e) => onChange({ title: e.target.value }, 'title')}
        />
        <DateField
          label={t('auditProgramme.editor.plannedFrom')}
          name="plannedFrom"
          value={audit.plannedFrom}
          error={err('plannedFrom')}
          onChange={(e) => onChange({ plannedFrom: e.target.value }, 'plannedFrom')}
        />
        <DateField
          label={t('auditProgramme.editor.plannedTo')}
          name="plannedTo"
          value={audit.plannedTo}
          error={err('plannedTo')}
          onChange={(e) => onChange({ plannedTo: e.target.value }, 'plannedTo')}
        />
      </div>
      <ClausePicker
        label={t('auditProgramme.editor.auditClauses', { key: audit.key })}
        error={err('clauses')}
        chosen={audit.clauses}
        onChange={(clauses) => onChange({ clauses: planClauses(clauses) }, 'clauses')}
      />
      <ControlPicker
        label={t('auditProgramme.editor.auditControls', { key: audit.key })}
        help={t('auditProgramme.editor.auditControlsHelp')}
        error={err('controlIds')}
        chosen={audit.controlIds}
        controls={kit.controls}
        onChange={(controlIds) => onChange({ controlIds }, 'controlIds')}
      />
      <p>
        <Button size="small" variant="danger" onClick={onRemove}>
          {t('auditProgramme.editor.removeAudit', { key: audit.key })}
        </Button>
      </p>
    </fieldset>
  );
}
