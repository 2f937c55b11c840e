import { useId } from 'react';
import { Bar, BarChart as RBarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from 'recharts';
import { ChartTable } from './chart-table.js';
import { seriesColor, type ChartProps } from './chart-types.js';

/**
 * A bar chart (recharts) in a figure: its caption, a description read by screen readers, the bars (one per series,
 * side by side; `horizontal` lays categories down the side for long labels such as clauses or controls), and the
 * numbers as a table under it.
 */
export function BarChart({
  title,
  description,
  rows,
  categoryKey,
  categoryLabel,
  series,
  tableLabel,
  empty,
  height,
  horizontal = false,
}: ChartProps & { horizontal?: boolean }) {
  const id = useId();
  const h = height ?? (horizontal ? Math.max(160, rows.length * 34 + 60) : 260);
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
            <RBarChart
              responsive
              style={{ width: '100%', height: h }}
              data={rows}
              layout={horizontal ? 'vertical' : 'horizontal'}
              margin={{ top: 8, right: 16, bottom: 8, left: horizontal ? 8 : 0 }}
              accessibilityLayer={false}
            >
              <CartesianGrid strokeDasharray="3 3" />
              {horizontal ? (
                <>
                  <XAxis type="number" allowDecimals={false} />
                  <YAxis type="category" dataKey={categoryKey} width={150} tick={{ fontSize: 12 }} />
                </>
              ) : (
                <>
                  <XAxis dataKey={categoryKey} tick={{ fontSize: 12 }} />
                  <YAxis allowDecimals={false} width={36} />
                </>
              )}
              <Tooltip />
              {series.length > 1 ? <Legend /> : null}
              {series.map((s, i) => (
                <Bar key={s.key} dataKey={s.key} name={s.label} fill={seriesColor(s, i)} isAnimationActive={false} />
              ))}
            </RBarChart>
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
