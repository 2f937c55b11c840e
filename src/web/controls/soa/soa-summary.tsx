import { IMPLEMENTATION_STATUSES } from '../../../schema/controls/control.register.js';
import { useT } from '../../i18n/i18n.js';
import type { SoaCounts } from './soa-lines.js';

/** The statement at a glance: how many lines apply, are excluded or wait for a decision, and how far the applicable ones are implemented. */
export function SoaSummary({ counts }: { counts: SoaCounts }) {
  const { t, formatNumber } = useT();
  const tiles = [
    { key: 'applicable', label: t('controls.applicability.applicable'), n: counts.applicable, tone: 'ok' },
    { key: 'excluded', label: t('controls.applicability.excluded'), n: counts.excluded, tone: 'plain' },
    {
      key: 'undecided',
      label: t('controls.applicability.undecided'),
      n: counts.undecided,
      tone: counts.undecided ? 'warn' : 'plain',
    },
  ];
  return (
    <div className="soa-glance">
      <dl
        className="soa-glance__tiles"
        aria-label={t('soaPage.summary.applicability', { total: formatNumber(counts.total) })}
      >
        <div className="soa-glance__tile">
          <dt>{t('soaPage.summary.total')}</dt>
          <dd>{formatNumber(counts.total)}</dd>
        </div>
        {tiles.map((x) => (
          <div key={x.key} className={`soa-glance__tile soa-glance__tile--${x.tone}`}>
            <dt>{x.label}</dt>
            <dd>{formatNumber(x.n)}</dd>
          </div>
        ))}
      </dl>
      <StatusChart counts={counts} />
    </div>
  );
}

/** One stacked bar of the applicable lines by implementation status; its text alternative is the legend's counts. */
function StatusChart({ counts }: { counts: SoaCounts }) {
  const { t, td, formatNumber } = useT();
  const total = counts.applicable;
  const parts = IMPLEMENTATION_STATUSES.map((s) => ({
    key: s,
    label: td(`controls.implementationStatus.${s}`),
    n: counts.status[s],
  }));
  const alt = total
    ? t('soaPage.chart.alt', {
        total: formatNumber(total),
        parts: parts.map((p) => `${p.label}: ${formatNumber(p.n)}`).join(', '),
      })
    : t('soaPage.chart.none');
  let x = 0;
  return (
    <figure className="soa-chart">
      <figcaption className="soa-chart__title">{t('soaPage.chart.title')}</figcaption>
      {total ? (
        <svg className="soa-chart__bar" viewBox="0 0 100 6" preserveAspectRatio="none" role="img" aria-label={alt}>
          {parts.map((p) => {
            const w = (p.n / total) * 100;
            const rect = <rect key={p.key} className={`soa-status-fill--${p.key}`} x={x} y={0} width={w} height={6} />;
            x += w;
            return rect;
          })}
        </svg>
      ) : (
        <p className="muted">{alt}</p>
      )}
      {total ? (
        <ul className="soa-chart__legend" aria-hidden="true">
          {parts.map((p) => (
            <li key={p.key}>
              <span className={`soa-chart__swatch soa-status-fill--${p.key}`} />
              {p.label}: <strong>{formatNumber(p.n)}</strong>
            </li>
          ))}
        </ul>
      ) : null}
    </figure>
  );
}
