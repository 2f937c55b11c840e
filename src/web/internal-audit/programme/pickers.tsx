import { useId, useState, type ReactNode } from 'react';
import { clauseLabel, ISMS_CLAUSES, ISMS_CLAUSE_TITLES } from '../../../schema/internal-audit/isms-requirements.js';
import { useT } from '../../i18n/i18n.js';
import { Button } from '../../ui/button.js';
import { Checkbox, TextField } from '../../ui/fields.js';
import { clauseGroups, controlsByTheme, matchControls, toggleAll, type PickableControl } from './plan-model.js';

/** How many chosen references the summary line names before "and N more". */
const NAMED = 12;

interface PickerProps {
  /** the picker's name (its group's legend) */
  label: string;
  help?: string | undefined;
  error?: string | undefined;
  chosen: readonly string[];
  onChange: (chosen: string[]) => void;
}

/** The closed picker's line: how many are chosen and which (the first few). */
function ChosenSummary({ names, none }: { names: string[]; none: string }) {
  const { t, formatNumber } = useT();
  if (!names.length) return <p className="ap-picker__chosen muted">{none}</p>;
  const shown = names.slice(0, NAMED).join(', ');
  return (
    <p className="ap-picker__chosen">
      {names.length > NAMED
        ? t('auditProgramme.picker.chosenMore', { names: shown, more: formatNumber(names.length - NAMED) })
        : shown}
    </p>
  );
}

/** A picker's frame: legend, help, message, the summary of the choice, and the list behind a disclosure. */
function PickerFrame({
  label,
  help,
  error,
  summary,
  openLabel,
  children,
}: {
  label: string;
  help?: string | undefined;
  error?: string | undefined;
  summary: ReactNode;
  openLabel: string;
  children: () => ReactNode;
}) {
  const id = useId();
  const [open, setOpen] = useState(false);
  return (
    <fieldset
      className={`ap-picker${error ? ' field--invalid' : ''}`}
      aria-describedby={[error ? `${id}-error` : '', help ? `${id}-help` : ''].filter(Boolean).join(' ') || undefined}
    >
      <legend className="ap-picker__legend">{label}</legend>
      {summary}
      {error ? (
        <p className="field__error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
      {help ? (
        <p className="field__help" id={`${id}-help`}>
          {help}
        </p>
      ) : null}
      <details className="ap-picker__details" onToggle={(e) => setOpen(e.currentTarget.open)}>
        <summary>{openLabel}</summary>
        {/* the lists render only while open: a plan with many audits stays light */}
        {open ? <div className="ap-picker__body">{children()}</div> : null}
      </details>
    </fieldset>
  );
}

/** Clauses 4–10 (the 2022 numbers, the 2013 one beside where it differs), grouped by clause with "all of clause 6". */
export function ClausePicker({ label, help, error, chosen, onChange }: PickerProps) {
  const { t, formatNumber } = useT();
  const set = new Set(chosen);
  return (
    <PickerFrame
      label={label}
      help={help}
      error={error}
      openLabel={t('auditProgramme.picker.chooseClauses', { count: formatNumber(chosen.length) })}
      summary={<ChosenSummary names={chosen.map((c) => clauseLabel(c))} none={t('auditProgramme.picker.noClauses')} />}
    >
      {() =>
        clauseGroups().map((group) => {
          const all = group.clauses.every((c) => set.has(c));
          return (
            <fieldset key={group.top} className="ap-picker__group">
              <legend>{t('auditProgramme.clauseGroup', { no: group.top, title: topClauseTitle(t, group.top) })}</legend>
              <Button
                size="small"
                variant="link"
                onClick={() => onChange(toggleAll(chosen, group.clauses, !all, ISMS_CLAUSES))}
              >
                {all
                  ? t('auditProgramme.picker.noneOfClause', { no: group.top })
                  : t('auditProgramme.picker.allOfClause', { no: group.top })}
              </Button>
              <div className="ap-picker__options">
                {group.clauses.map((c) => (
                  <Checkbox
                    key={c}
                    label={`${clauseLabel(c)} ${ISMS_CLAUSE_TITLES[c] ?? ''}`}
                    checked={set.has(c)}
                    onChange={(e) => onChange(toggleAll(chosen, [c], e.target.checked, ISMS_CLAUSES))}
                  />
                ))}
              </div>
            </fieldset>
          );
        })
      }
    </PickerFrame>
  );
}

type T = ReturnType<typeof useT>['t'];
const TOP_TITLES: Record<string, Parameters<T>[0]> = {
  '4': 'auditProgramme.clause.4',
  '5': 'auditProgramme.clause.5',
  '6': 'auditProgramme.clause.6',
  '7': 'auditProgramme.clause.7',
  '8': 'auditProgramme.clause.8',
  '9': 'auditProgramme.clause.9',
  '10': 'auditProgramme.clause.10',
};
export const topClauseTitle = (t: T, top: string) => (TOP_TITLES[top] ? t(TOP_TITLES[top]) : top);

/**
 * The organization's applicable controls, searchable, grouped by theme with "all of theme 5" conveniences. The
 * choice is kept in catalog order; a chosen control that is no longer applicable still shows (by id) so it can be
 * removed, and the server names it if it is saved.
 */
export function ControlPicker({
  label,
  help,
  error,
  chosen,
  onChange,
  controls,
}: PickerProps & { controls: readonly PickableControl[] }) {
  const { t, td, formatNumber } = useT();
  const [text, setText] = useState('');
  const set = new Set(chosen);
  const order = controls.map((c) => c.id);
  const byId = new Map(controls.map((c) => [c.id, c]));
  const unknown = chosen.filter((id) => !byId.has(id));
  return (
    <PickerFrame
      label={label}
      help={help}
      error={error}
      openLabel={t('auditProgramme.picker.chooseControls', { count: formatNumber(chosen.length) })}
      summary={
        <ChosenSummary
          names={chosen.map((id) => byId.get(id)?.ref ?? t('auditProgramme.picker.unknownControl'))}
          none={t('auditProgramme.picker.noControls')}
        />
      }
    >
      {() => (
        <>
          <TextField
            label={t('auditProgramme.picker.search')}
            type="search"
            value={text}
            onChange={(e) => setText(e.target.value)}
            // Enter in the search box narrows the list; it must not save the draft around it
            onKeyDown={(e) => {
              if (e.key === 'Enter') e.preventDefault();
            }}
          />
          {unknown.length ? (
            <p className="alert alert--warning">
              {t('auditProgramme.picker.notApplicable', { count: formatNumber(unknown.length) })}{' '}
              <Button size="small" onClick={() => onChange(chosen.filter((id) => byId.has(id)))}>
                {t('auditProgramme.picker.removeNotApplicable')}
              </Button>
            </p>
          ) : null}
          {controls.length === 0 ? <p className="muted">{t('auditProgramme.picker.noApplicable')}</p> : null}
          {controlsByTheme(matchControls(controls, text)).map((group) => {
            const ids = group.controls.map((c) => c.id);
            const all = ids.every((id) => set.has(id));
            const theme = group.theme ? td(`controls.theme.${group.theme}`) : t('auditProgramme.picker.noTheme');
            const inTheme = controls.filter((c) => (c.theme ?? '') === group.theme).filter((c) => set.has(c.id));
            return (
              <fieldset key={group.theme} className="ap-picker__group">
                <legend>
                  {t('auditProgramme.picker.theme', {
                    theme,
                    chosen: formatNumber(inTheme.length),
                  })}
                </legend>
                <Button size="small" variant="link" onClick={() => onChange(toggleAll(chosen, ids, !all, order))}>
                  {all
                    ? t('auditProgramme.picker.noneOfTheme', { theme, count: formatNumber(ids.length) })
                    : t('auditProgramme.picker.allOfTheme', { theme, count: formatNumber(ids.length) })}
                </Button>
                <div className="ap-picker__options ap-picker__options--controls">
                  {group.controls.map((c) => (
                    <Checkbox
                      key={c.id}
                      label={`${c.ref} ${c.title}`}
                      checked={set.has(c.id)}
                      onChange={(e) => onChange(toggleAll(chosen, [c.id], e.target.checked, order))}
                    />
                  ))}
                </div>
              </fieldset>
            );
          })}
        </>
      )}
    </PickerFrame>
  );
}
