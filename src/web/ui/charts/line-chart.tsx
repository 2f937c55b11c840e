import { CartesianGrid, Legend, Line, LineChart as RLineChart, Tooltip, XAxis, YAxis } from 'recharts';
import { ChartFigure } from './chart-figure.js';
import { seriesColor, type ChartProps } from './chart-types.js';

// Each line also differs by its dash and its marker, so the legend reads without colour.
const DASHES = [undefined, '6 4', '2 3', '10 4 2 4'];
const DOTS = ['circle', 'square', 'triangle', 'diamond'] as const;

/**
 * A line chart (recharts) over ordered categories (months, quarters) in a figure: caption, a description read by
 * screen readers, one line per series told apart by dash and marker as well as colour, and the numbers as a table.
 */
export function LineChart({ height = 260, ...figure }: ChartProps) {
  const { rows, categoryKey, series } = figure;
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
    </ChartFigure>
  );
}
