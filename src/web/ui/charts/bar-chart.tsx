import { Bar, BarChart as RBarChart, CartesianGrid, Legend, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts';
import { ChartFigure } from './chart-figure.js';
import { seriesColor, type ChartProps, type ChartReference } from './chart-types.js';

/**
 * A bar chart (recharts) in a figure: its caption, a description read by screen readers, the bars (one per series,
 * side by side; `horizontal` lays categories down the side for long labels such as clauses or controls), and the
 * numbers as a table under it.
 */
export function BarChart({
  height,
  horizontal = false,
  references = [],
  ...figure
}: ChartProps & {
  horizontal?: boolean;
  /** lines at given values (a target, a threshold), labelled on the plot; vertical bars only */
  references?: ChartReference[];
}) {
  const { rows, categoryKey, series } = figure;
  const h = height ?? (horizontal ? Math.max(160, rows.length * 34 + 60) : 260);
  return (
    <ChartFigure {...figure}>
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
        {horizontal
          ? null
          : references.map((r) => (
              <ReferenceLine
                key={`${r.label}-${String(r.value)}`}
                y={Number(r.value)}
                stroke={r.color ?? '#334155'}
                strokeDasharray={r.dash ?? '4 4'}
                label={{ value: r.label, position: 'insideTopRight', fontSize: 12 }}
                ifOverflow="extendDomain"
              />
            ))}
        {series.map((s, i) => (
          <Bar key={s.key} dataKey={s.key} name={s.label} fill={seriesColor(s, i)} isAnimationActive={false} />
        ))}
      </RBarChart>
    </ChartFigure>
  );
}
