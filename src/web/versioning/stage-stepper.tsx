import type { VersionedDef } from '../../schema/versioning/versioned.js';
import { useT } from '../i18n/i18n.js';
import type { VersionSummary } from './versioned-api.js';

/** Message key of a stage: `<entity>.stage.<stage>` (the scope's are `scope.stage.final`…). */
export function stageLabel(
  td: (key: string, p?: undefined, fallback?: string) => string,
  def: VersionedDef,
  stage: string | null,
): string {
  if (!stage) return '';
  return td(`${def.entity}.stage.${stage}`, undefined, stage);
}

/**
 * The stages a draft goes through, then approval, with the displayed version's position: earlier steps done, its
 * stage current (or "Approved" when it is approved). Text says which step is which; colour only repeats it.
 */
export function StageStepper({ def, version }: { def: VersionedDef; version: VersionSummary | undefined }) {
  const { t, td } = useT();
  const stages = def.stages ?? [];
  const steps = [
    ...stages.map((s) => ({ key: s, label: stageLabel(td, def, s) })),
    { key: '__approved', label: t('versions.step.approved') },
  ];
  const approved = version && version.state !== 'draft';
  const current = !version ? -1 : approved ? steps.length - 1 : Math.max(0, stages.indexOf(version.stage ?? ''));

  return (
    <ol className="stepper" aria-label={t('versions.stageProgress')}>
      {steps.map((step, i) => {
        const state = i < current || (approved && i === current) ? 'done' : i === current ? 'current' : 'todo';
        return (
          <li
            key={step.key}
            className={`stepper__step stepper__step--${state}`}
            aria-current={i === current ? 'step' : undefined}
          >
            <span className="stepper__marker" aria-hidden="true">
              {state === 'done' ? '✓' : i + 1}
            </span>
            <span className="stepper__label">{step.label}</span>
            {state === 'done' ? <span className="visually-hidden"> {t('versions.step.done')}</span> : null}
            {state === 'current' ? <span className="visually-hidden"> {t('versions.step.current')}</span> : null}
          </li>
        );
      })}
    </ol>
  );
}
