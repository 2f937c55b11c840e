import { Link } from '@tanstack/react-router';
import type { Methodology } from '../../../schema/risks/methodology.schema.js';
import type { PlanRow } from '../../../schema/controls/treatment-plan.schema.js';
import { useT } from '../../i18n/i18n.js';
import { LevelBadge, levelOf, type LevelInfo } from '../../risks/risk-level.js';

/** The pieces of a plan row, shared by the live plan and a frozen version of it. */
export function planLevel(
  m: Methodology | null | undefined,
  key: string | null,
  label: string | null,
  acceptable: boolean | null,
): LevelInfo | null {
  if (!key) return null;
  const known = m?.levels.some((l) => l.key === key);
  return known ? levelOf(m, key) : { key, label: label ?? key.replace(/_/g, ' '), colour: null, acceptable };
}

/** Level now → expected residual level, each a badge with its name; whether the residual is within the criteria in words. */
export function LevelMove({ row, m }: { row: PlanRow; m: Methodology | null | undefined }) {
  const { t } = useT();
  return (
    <span className="plan-levels">
      <LevelBadge level={planLevel(m, row.level, row.levelLabel, row.acceptable)} />
      <span aria-hidden="true">→</span>
      <span className="visually-hidden">{t('planPage.residualIs')}</span>
      {row.residualLevel ? (
        <LevelBadge level={planLevel(m, row.residualLevel, row.residualLevelLabel, row.residualAcceptable)} />
      ) : (
        <span className="muted">{t('planPage.residualNone')}</span>
      )}
      {row.residualAcceptable === false ? (
        <span className="plan-flag plan-flag--warn">
          <span aria-hidden="true">▲ </span>
          {t('planPage.beyondCriteria')}
        </span>
      ) : null}
    </span>
  );
}

/** The options chosen, in short words (the full name and the rationale on hover). */
export function OptionList({ row }: { row: PlanRow }) {
  const { t, td } = useT();
  if (row.options.length === 0) return <span className="plan-options muted">{t('planPage.noOptions')}</span>;
  return (
    <span className="plan-options">
      {t('planPage.options')}{' '}
      {row.options.map((o, i) => (
        <span key={o.option} title={`${td(`treatment.option.${o.option}`)}: ${o.rationale}`}>
          {i > 0 ? ', ' : ''}
          {td(`planPage.option.${o.option}`, undefined, o.option)}
        </span>
      ))}
    </span>
  );
}

export function ControlList({ org, row }: { org: string; row: PlanRow }) {
  const { t, td } = useT();
  if (row.controls.length === 0) return <span className="muted">{t('treatment.controlsNone')}</span>;
  return (
    <ul className="plan-list">
      {row.controls.map((c) => (
        <li key={c.ref}>
          <Link to="/o/$org/controls/$id" params={{ org, id: c.id }} className="mono" title={c.title}>
            {c.ref}
          </Link>{' '}
          <span className={`pill soa-status--${c.implementationStatus}`}>
            {td(`controls.implementationStatus.${c.implementationStatus}`)}
          </span>
          {c.applicability !== 'applicable' ? (
            <span className="plan-flag plan-flag--warn"> {td(`controls.applicability.${c.applicability}`)}</span>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

/** "2 of 3 done", overdue ones named and marked (a sign and words, not colour alone). */
export function ActionProgress({ org, row }: { org: string; row: PlanRow }) {
  const { t, formatDate } = useT();
  const { actionsDone, actions, controlsImplemented, controls } = row.progress;
  const overdue = row.actions.filter((a) => a.overdue);
  return (
    <div className="plan-progress">
      <span>
        {actions ? t('planPage.actionsDone', { done: actionsDone, total: actions }) : t('planPage.noActions')}
      </span>
      {controls ? (
        <span className="muted">{t('planPage.controlsDone', { done: controlsImplemented, total: controls })}</span>
      ) : null}
      {overdue.length ? (
        <ul className="plan-list plan-overdue">
          {overdue.map((a) => (
            <li key={a.ref}>
              <span className="plan-flag plan-flag--danger">
                <span aria-hidden="true">⚠ </span>
                {t('planPage.overdue')}
              </span>{' '}
              <Link to="/o/$org/actions/$id" params={{ org, id: a.id }} className="mono">
                {a.ref}
              </Link>{' '}
              {a.title}
              {a.dueDate ? (
                <span className="muted"> · {t('planPage.due', { date: formatDate(a.dueDate) })}</span>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

export function RevisitFlag() {
  const { t } = useT();
  return (
    <span className="plan-flag plan-flag--warn plan-revisit" title={t('planPage.revisitHelp')}>
      <span aria-hidden="true">↻ </span>
      {t('planPage.revisit')}
    </span>
  );
}
