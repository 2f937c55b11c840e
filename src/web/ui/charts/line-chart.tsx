import { CartesianGrid, Legend, Line, LineChart as RLineChart, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts';
import { ChartFigure } from './chart-figure.js';
import { seriesColor, type ChartProps, type ChartReference } from './chart-types.js';

// Each line also differs by its dash and its marker, so the legend reads without colour.
const DASHES = [undefined, '6 4', '2 3', '10 4 2 4'];
const DOTS = ['circle', 'square', 'triangle', 'diamond'] as const;

/**
 * A line chart (recharts) over ordered categories (months, quarters) in a figure: caption, a description read by
 * screen readers, one line per series told apart by dash and marker as well as colour, and the numbers as a table.
 */
export function LineChart({
  height = 260,
  references = [],
  decimals = false,
  connectNulls = false,
  ...figure
}: ChartProps & {
  /** lines at given values (a target, a threshold) or categories (a deadline), labelled on the plot */
  references?: ChartReference[];
  /** values are decimals (percentages, averages): the axis ticks may be too */
  decimals?: boolean;
  /** draw a line across categories without a value (a deadline on a date axis) */
  connectNulls?: boolean;
}) {
  const { rows, categoryKey, series } = figure;
  const drawn = series.filter((s) => !s.tableOnly);
  return (
    <ChartFigure {...figure}>
      <RLineChart
        responsive
        style={{ width: '100%', height }}
        data={rows}
        margin={{ top: 8, right: 16, bottom: 8, left: 0 }}
        accessibilityLayer={false}
      >
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis dataKey={categoryKey} tick={{ fontSize: 12 }} />
        <YAxis allowDecimals={decimals} width={decimals ? 48 : 36} />
        <Tooltip />
        <Legend />
        {references.map((r) => (
          <ReferenceLine
            key={`${r.axis ?? 'value'}-${r.label}`}
            {...(r.axis === 'category' ? { x: String(r.value) } : { y: Number(r.value) })}
            stroke={r.color ?? '#334155'}
            strokeDasharray={r.dash ?? '4 4'}
            label={{
              value: r.label,
              position: r.axis === 'category' ? 'insideTopLeft' : 'insideTopRight',
              fontSize: 12,
            }}
            // the axis reaches every reference, so a target above all values is still drawn
            ifOverflow="extendDomain"
          />
        ))}
        {drawn.map((s, i) => (
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
            connectNulls={connectNulls}
            isAnimationActive={false}
          />
        ))}
      </RLineChart>
    </ChartFigure>
  );
}
