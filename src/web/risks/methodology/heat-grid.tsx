import type { ReactNode } from 'react';
import type { Methodology } from '../../../schema/risks/methodology.schema.js';
import { evaluate } from '../../../schema/risks/risk-level.js';
import { useT } from '../../i18n/i18n.js';
import { textOn } from './methodology-model.js';
import './methodology.css';

/** The level of each likelihood × consequence cell: the matrix as written, or the formula applied to every pair. */
export function levelKeyAt(m: Methodology, i: number, j: number): string {
  return m.rule.kind === 'matrix' ? (m.rule.cells[i]?.[j] ?? '') : evaluate(m, { likelihood: i, consequence: j }).level;
}

interface AxisScale {
  name: string;
  levels: { value: number | string; label: string }[];
}

interface AxisProps {
  m: { likelihood: AxisScale; consequence: AxisScale };
  caption: string;
  /** one cell's content and style; i and j are scale indexes (0 = lowest) */
  cell: (i: number, j: number) => ReactNode;
  className?: string;
}

/**
 * A likelihood × consequence grid with its axes: the most likely row at the top, the most severe consequence on
 * the right, each row and column named by its level (and value). The view and the editor fill the cells.
 */
export function MatrixFrame({ m, caption, cell, className }: AxisProps) {
  const rows = m.likelihood.levels.map((l, i) => ({ i, l })).reverse();
  return (
    <div className={`heat${className ? ` ${className}` : ''}`}>
      <p className="heat__axis heat__axis--y" aria-hidden="true">
        {m.likelihood.name} <span className="heat__arrow">→</span>
      </p>
      <div className="heat__scroll">
        <table className="heat__table">
          <caption className="visually-hidden">{caption}</caption>
          <thead>
            <tr>
              <td className="heat__corner" />
              {m.consequence.levels.map((c, j) => (
                <th key={j} scope="col" className="heat__col">
                  <span className="heat__value">{c.value}</span> {c.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map(({ i, l }) => (
              <tr key={i}>
                <th scope="row" className="heat__row">
                  <span className="heat__value">{l.value}</span> {l.label}
                </th>
                {m.consequence.levels.map((_c, j) => (
                  <td key={j} className="heat__td">
                    {cell(i, j)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="heat__axis heat__axis--x" aria-hidden="true">
        {m.consequence.name} <span className="heat__arrow">→</span>
      </p>
    </div>
  );
}

/** The methodology's rule as a coloured, read-only grid; each cell names its level (colour is never the only sign). */
export function HeatGrid({ m, caption }: { m: Methodology; caption: string }) {
  const levels = new Map(m.levels.map((l) => [l.key, l]));
  return (
    <MatrixFrame
      m={m}
      caption={caption}
      cell={(i, j) => {
        const key = levelKeyAt(m, i, j);
        const level = levels.get(key);
        const colour = level?.colour ?? '#9aa5b1';
        const acceptable = m.acceptance.acceptableLevels.includes(key);
        return (
          <span
            className={`heat__cell${acceptable ? ' heat__cell--acceptable' : ''}`}
            style={{ background: colour, color: textOn(colour) }}
          >
            {level?.label ?? key}
          </span>
        );
      }}
    />
  );
}

/** The named levels in order of severity, with their colour, meaning and whether they are acceptable. */
export function LevelLegend({ m }: { m: Methodology }) {
  const { t } = useT();
  return (
    <ul className="heat-legend" aria-label={t('riskMethodology.legend')}>
      {m.levels.map((l) => {
        const acceptable = m.acceptance.acceptableLevels.includes(l.key);
        return (
          <li key={l.key} className="heat-legend__item">
            <span className="heat-legend__swatch" style={{ background: l.colour }} aria-hidden="true" />
            <span className="heat-legend__text">
              <strong>{l.label}</strong>{' '}
              {acceptable ? (
                <span className="pill pill--acceptable">✓ {t('riskMethodology.acceptable')}</span>
              ) : (
                <span className="pill pill--treat">{t('riskMethodology.needsTreatment')}</span>
              )}
              {l.description ? <span className="heat-legend__desc">{l.description}</span> : null}
            </span>
          </li>
        );
      })}
    </ul>
  );
}

/** A small decorative grid (the starting methodologies' cards); the text beside it says what it shows. */
export function HeatThumbnail({ m }: { m: Methodology }) {
  const colours = new Map(m.levels.map((l) => [l.key, l.colour]));
  const rows = m.likelihood.levels.map((_l, i) => i).reverse();
  return (
    <span
      className="heat-thumb"
      aria-hidden="true"
      style={{ gridTemplateColumns: `repeat(${m.consequence.levels.length}, 1fr)` }}
    >
      {rows.flatMap((i) =>
        m.consequence.levels.map((_c, j) => (
          <span key={`${i}-${j}`} style={{ background: colours.get(levelKeyAt(m, i, j)) ?? '#9aa5b1' }} />
        )),
      )}
    </span>
  );
}
