import type { ReactNode } from 'react';
import { useT } from '../i18n/i18n.js';
import { useMemberNames } from '../lib/members.js';

export type { StepState } from './step-states.js';
import type { StepState } from './step-states.js';

/**
 * One step of a handling process as a card: its title with its state in words (done, the current step, not yet),
 * its form when it is the current step, its record once done.
 */
export function StepCard({
  id,
  title,
  state,
  lead,
  waiting = false,
  children,
}: {
  id: string;
  title: string;
  state: StepState;
  lead?: string | undefined;
  /** the current step, which this person may not take: say who does */
  waiting?: boolean;
  children?: ReactNode;
}) {
  const { t } = useT();
  return (
    <section className={`card step-card step-card--${state}`} aria-labelledby={`${id}-title`}>
      <div className="card__header">
        <h2 id={`${id}-title`} className="card__title">
          {title}
        </h2>
        <span className={`badge step-card__state step-card__state--${state}`}>
          {state === 'done' ? '✓ ' : ''}
          {t(`steps.state.${state}`)}
        </span>
      </div>
      {lead ? <p className="small muted">{lead}</p> : null}
      {children}
      {waiting && state === 'current' ? <p className="muted">{t('steps.waiting')}</p> : null}
    </section>
  );
}

/** The record of a step: label and value pairs; empty values are left out. */
export function StepRecord({
  org,
  items,
}: {
  org: string;
  items: Array<[string, ReactNode, ('member' | 'date' | 'text')?]>;
}) {
  const { formatDate, t } = useT();
  const names = useMemberNames(org);
  const shown = items.filter(([, v]) => v !== null && v !== undefined && v !== '');
  if (shown.length === 0) return null;
  return (
    <dl className="detail__fields step-card__record">
      {shown.map(([label, value, kind]) => (
        <div key={label} className={kind === 'text' ? 'detail__row detail__row--wide' : 'detail__row'}>
          <dt>{label}</dt>
          <dd className={kind === 'text' ? 'prewrap' : undefined}>
            {kind === 'member' && typeof value === 'string'
              ? (names.get(value) ?? t('common.unknownMember'))
              : kind === 'date' && typeof value === 'string'
                ? formatDate(value)
                : value}
          </dd>
        </div>
      ))}
    </dl>
  );
}

/** Steps as an ordered list with the record's place; text carries the meaning, not colour. */
export function Stepper({
  label,
  steps,
  current,
  finished,
}: {
  label: string;
  steps: Array<{ id: string; label: string }>;
  current: number;
  /** the last step is reached and done (closed) */
  finished: boolean;
}) {
  const { t } = useT();
  return (
    <ol className="stepper step-progress" aria-label={label}>
      {steps.map((s, i) => {
        const state = i < current || (i === current && finished) ? 'done' : i === current ? 'current' : 'todo';
        return (
          <li
            key={s.id}
            className={`stepper__step stepper__step--${state}`}
            aria-current={i === current ? 'step' : undefined}
          >
            <span className="stepper__marker" aria-hidden="true">
              {state === 'done' ? '✓' : i + 1}
            </span>
            <span className="stepper__label">{s.label}</span>
            {state === 'done' ? <span className="visually-hidden"> {t('versions.step.done')}</span> : null}
            {state === 'current' ? <span className="visually-hidden"> {t('versions.step.current')}</span> : null}
          </li>
        );
      })}
    </ol>
  );
}
