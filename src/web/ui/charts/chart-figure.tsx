import { useId, type ReactNode } from 'react';
import { ChartTable } from './chart-table.js';
import type { ChartProps } from './chart-types.js';

/**
 * What every chart is wrapped in: a figure with its caption, a description read by screen readers, the plot (drawn
 * for the eye only) and the same numbers as a table under it; or the empty text when there is nothing to draw.
 */
export function ChartFigure({
  title,
  description,
  rows,
  categoryKey,
  categoryLabel,
  series,
  tableLabel,
  empty,
  children,
}: Omit<ChartProps, 'height'> & { children: ReactNode }) {
  const id = useId();
  return (
    <figure className="chart" aria-labelledby={`${id}-title`} aria-describedby={description ? `${id}-desc` : undefined}>
      <figcaption id={`${id}-title`} className="chart__title">
        {title}
      </figcaption>
      {description ? (
        <p id={`${id}-desc`} className="small muted chart__desc">
          {description}
        </p>
      ) : null}
      {rows.length === 0 ? (
        <p className="muted">{empty}</p>
      ) : (
        <>
          <div className="chart__plot" aria-hidden="true">
            {children}
          </div>
          <ChartTable
            caption={title}
            summary={tableLabel}
            rows={rows}
            categoryKey={categoryKey}
            categoryLabel={categoryLabel}
            series={series}
          />
        </>
      )}
    </figure>
  );
}
