import { useId } from 'react';
import { APPLICABILITY, IMPLEMENTATION_STATUSES } from '../../schema/controls/control.register.js';
import { useT } from '../i18n/i18n.js';
import type { RegisterSearch } from '../register/register-search.js';
import { useControlCounts } from './controls-api.js';
import { CONTROL_COUNT_QUERIES } from '../../schema/pages/page-summaries.schema.js';

interface Item {
  id: string;
  label: string;
  params: RegisterSearch;
  tone?: 'ok' | 'warn' | 'treat';
}

/**
 * The SoA at a glance: controls by applicability, the applicable ones by implementation status, and the two views
 * that need attention. Each count is a button that filters the list below to what it counts.
 */
export function ControlsSummary({ org, onFilter }: { org: string; onFilter: (params: RegisterSearch) => void }) {
  const { t, td } = useT();
  const applicability: Item[] = APPLICABILITY.map((a) => ({
    id: a,
    label: td(`controls.applicability.${a}`),
    params: CONTROL_COUNT_QUERIES[a]!,
    tone: a === 'applicable' ? 'ok' : undefined,
  }));
  const implementation: Item[] = IMPLEMENTATION_STATUSES.map((s) => ({
    id: `impl-${s}`,
    label: td(`controls.implementationStatus.${s}`),
    params: CONTROL_COUNT_QUERIES[`impl-${s}`]!,
    tone: s === 'implemented' ? 'ok' : undefined,
  }));
  const attention: Item[] = [
    {
      id: 'unjustified',
      label: t('controls.quick.unjustified'),
      params: CONTROL_COUNT_QUERIES.unjustified!,
      tone: 'treat',
    },
    { id: 'untouched', label: t('controls.quick.untouched'), params: CONTROL_COUNT_QUERIES.untouched!, tone: 'warn' },
  ];
  const { pending, failed, counts } = useControlCounts(org);
  const titleId = useId();
  const group = (label: string, items: Item[]) => (
    <div className="soa-summary__group" role="group" aria-label={label}>
      <p className="soa-summary__label" aria-hidden="true">
        {label}
      </p>
      <ul className="soa-summary__items">
        {items.map((i) => {
          const n = counts[i.id] ?? 0;
          return (
            <li key={i.id}>
              <button
                type="button"
                className={`soa-count${i.tone && n > 0 ? ` soa-count--${i.tone}` : ''}`}
                onClick={() => onFilter(i.params)}
                disabled={pending}
              >
                <span className="soa-count__n">{pending ? '…' : n}</span>
                <span className="soa-count__label">{i.label}</span>
              </button>
            </li>
          );
        })}
      </ul>
    </div>
  );
  return (
    <section className="card soa-summary" aria-labelledby={titleId} aria-busy={pending}>
      <h2 id={titleId} className="card__title">
        {t('controls.summary.title')}
      </h2>
      {failed ? <p className="muted">{t('controls.summary.failed')}</p> : null}
      <div className="soa-summary__groups">
        {group(t('controls.summary.applicability'), applicability)}
        {group(t('controls.summary.implementation'), implementation)}
        {group(t('controls.summary.attention'), attention)}
      </div>
    </section>
  );
}
