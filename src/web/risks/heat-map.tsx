import type { ReactNode } from 'react';
import { useT } from '../i18n/i18n.js';
import type { HeatMapData } from '../../schema/risks/risks.responses.js';
import { textOn } from './risk-level.js';

type Scales = NonNullable<HeatMapData['methodology']>;

interface Props {
  data: HeatMapData & { methodology: Scales };
  /** the cell the list is filtered to, if any (1-based level numbers) */
  selected?: { likelihood: number; consequence: number } | undefined;
  /** a link to the risks of one cell, around its content */
  cellLink: (likelihood: number, consequence: number, content: ReactNode, label: string) => ReactNode;
}

/**
 * The open, evaluated risks on the matrix of the methodology in force: most likely at the top, most severe
 * consequence on the right; each cell in the colour of its level and named by it, with the count of risks.
 */
export function HeatMap({ data, selected, cellLink }: Props) {
  const { t, formatNumber } = useT();
  const m = data.methodology;
  const levels = new Map(m.levels.map((l) => [l.key, l]));
  const cells = new Map(data.cells.map((c) => [`${c.likelihood}:${c.consequence}`, c]));
  const rows = m.likelihood.levels.map((label, i) => ({ n: i + 1, label })).reverse();
  const cols = m.consequence.levels.map((label, i) => ({ n: i + 1, label }));

  return (
    // Fewer columns, bigger cells: a 3 × 3 reads at a glance, a 10 × 10 still fits a laptop screen.
    <div
      className="heat-map"
      style={{ ['--cell-w' as string]: cols.length <= 4 ? '6.25rem' : cols.length <= 6 ? '5rem' : '4rem' }}
    >
      <p className="heat-map__axis heat-map__axis--y" aria-hidden="true">
        {m.likelihood.name} <span>→</span>
      </p>
      <table className="heat-map__grid">
        <caption className="visually-hidden">
          {t('risks.heatMap.caption', { likelihood: m.likelihood.name, consequence: m.consequence.name })}
        </caption>
        <tbody>
          {rows.map((row) => (
            <tr key={row.n}>
              <th scope="row" className="heat-map__row-label">
                {row.label}
              </th>
              {cols.map((col) => {
                const cell = cells.get(`${row.n}:${col.n}`);
                const level = cell ? levels.get(cell.level) : undefined;
                const count = cell?.count ?? 0;
                const colour = level?.colour ?? '#9aa5b1';
                const isSelected = selected?.likelihood === row.n && selected.consequence === col.n;
                const label = t(count === 1 ? 'risks.heatMap.cellOne' : 'risks.heatMap.cell', {
                  likelihood: row.label,
                  consequence: col.label,
                  level: level?.label ?? cell?.level ?? '',
                  count,
                });
                const content = (
                  <>
                    <span className="heat-map__count" aria-hidden="true">
                      {count > 0 ? formatNumber(count) : ''}
                    </span>
                    <span className="heat-map__level" aria-hidden="true">
                      {level?.label ?? cell?.level}
                    </span>
                  </>
                );
                return (
                  <td
                    key={col.n}
                    className={`heat-map__cell${count > 0 ? ' heat-map__cell--filled' : ''}${isSelected ? ' heat-map__cell--selected' : ''}`}
                    style={
                      count > 0
                        ? { background: colour, color: textOn(colour) }
                        : { background: `${colour}33`, color: '#1f2937' }
                    }
                    aria-current={isSelected ? 'true' : undefined}
                  >
                    {count > 0 ? (
                      cellLink(row.n, col.n, content, label)
                    ) : (
                      <span className="heat-map__empty">
                        {content}
                        <span className="visually-hidden">{label}</span>
                      </span>
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
          <tr className="heat-map__cols" aria-hidden="true">
            <td />
            {cols.map((col) => (
              <td key={col.n} className="heat-map__col-label">
                {col.label}
              </td>
            ))}
          </tr>
        </tbody>
      </table>
      <p className="heat-map__axis heat-map__axis--x" aria-hidden="true">
        {m.consequence.name} <span>→</span>
      </p>
    </div>
  );
}

/** The levels of the methodology with their colours, whether each is acceptable, and how many risks are at it. */
export function HeatMapLegend({
  data,
  levelLink,
}: {
  data: HeatMapData & { methodology: Scales };
  levelLink: (key: string, content: ReactNode) => ReactNode;
}) {
  const { t, formatNumber } = useT();
  const counts = new Map<string, number>();
  for (const c of data.cells) counts.set(c.level, (counts.get(c.level) ?? 0) + c.count);
  const levels = [...data.methodology.levels].reverse();
  return (
    <ul className="heat-legend" aria-label={t('risks.heatMap.legend')}>
      {levels.map((l) => {
        const n = counts.get(l.key) ?? 0;
        const content = (
          <>
            <span className="heat-legend__swatch" style={{ background: l.colour }} aria-hidden="true" />
            <span className="heat-legend__label">{l.label}</span>
            <span className="heat-legend__criteria">
              {l.acceptable ? t('risks.acceptable') : t('risks.needsTreatment')}
            </span>
            <span className="heat-legend__count">
              {t(n === 1 ? 'risks.countOne' : 'risks.count', { count: formatNumber(n) })}
            </span>
          </>
        );
        return (
          <li key={l.key}>{n > 0 ? levelLink(l.key, content) : <span className="heat-legend__row">{content}</span>}</li>
        );
      })}
    </ul>
  );
}
