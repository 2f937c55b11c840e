import { useId } from 'react';
import { CartesianGrid, Legend, Line, LineChart as RLineChart, Tooltip, XAxis, YAxis } from 'recharts';
import { ChartTable } from './chart-table.js';
import { seriesColor, type ChartProps } from './chart-types.js';

// Each line also differs by its dash and its marker, so the legend reads without colour.
const DASHES = [undefined, '6 4', '2 3', '10 4 2 4'];
const DOTS = ['circle', 'square', 'triangle', 'diamond'] as const;

/**
 * A line chart (recharts) over ordered categories (months, quarters) in a figure: caption, a description read by
 * screen readers, one line per series told apart by dash and marker as well as colour, and the numbers as a table.
 */
export function LineChart({
  title,
  description,
  rows,
  categoryKey,
  categoryLabel,
  series,
  tableLabel,
  empty,
  height = 260,
}: ChartProps) {
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
            <RLineChart
              responsive
              style={{ width: '100%', height }}
              data={rows}
              margin={{ top: 8, right: 16, bottom: 8, left: 0 }}
              accessibilityLayer={false}
            >
              <CartesianGrid strokeDasharray="3 3" />
              <XAxis dataKey={categoryKey} tick={{ fontSize: 12 }} />
              <YAxis allowDecimals={false} width={36} />
              <Tooltip />
              <Legend />
              {series.map((s, i) => (
                <Line
                  key={s.key}
                  type="linear"
                  dataKey={s.key}
                  name={s.label}
                  stroke={seriesColor(s, i)}
                  strokeWidth={2}
                  strokeDasharray={DASHES[i % DASHES.length]}
                  legendType={DOTS[i % DOTS.length]}
                  dot={{ r: 3 }}
                  isAnimationActive={false}
                />
              ))}
            </RLineChart>
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
