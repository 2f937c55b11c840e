import type { PackItem, PackItemStatus } from '../../schema/certification/certification-pack.schema.js';
import { useT } from '../i18n/i18n.js';
import { countByStatus, PACK_STATUS_SYMBOL } from './pack-status.js';

/** An item's status in words, with its symbol and colour (never the colour alone). */
export function PackStatusChip({ status }: { status: PackItemStatus }) {
  const { t } = useT();
  return (
    <span className={`pack-status pack-status--${status}`}>
      <span aria-hidden="true">{PACK_STATUS_SYMBOL[status]}</span> {t(`certification.status.${status}`)}
    </span>
  );
}

/** The legend: each status, how many items have it, and what it means for the auditor (and what to do). */
export function PackLegend({ items }: { items: readonly PackItem[] }) {
  const { t } = useT();
  return (
    <section className="card pack-legend" aria-labelledby="pack-legend-title">
      <h2 id="pack-legend-title" className="card__title">
        {t('certification.legend')}
      </h2>
      <dl className="pack-legend__list">
        {countByStatus(items).map(({ status, count }) => (
          <div key={status} className="pack-legend__row">
            <dt>
              <PackStatusChip status={status} /> <span className="pack-legend__count">{count}</span>
            </dt>
            <dd className="muted">{t(`certification.statusHelp.${status}`)}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
