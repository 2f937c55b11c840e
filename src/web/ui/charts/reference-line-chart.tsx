import { CartesianGrid, Legend, Line, LineChart as RLineChart, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts';
import { ChartFigure } from './chart-figure.js';
import { seriesColor, type ChartProps } from './chart-types.js';

/** A line across the plot: a level on the value axis (a target, a baseline) or a category (a deadline). */
export interface ChartReference {
  axis: 'value' | 'category';
  value: number | string;
  /** drawn beside the line; the figure's description or table says the same in words */
  label: string;
  /** solid for a target, dashed for the rest (so the kind reads without colour) */
  dashed?: boolean;
  color?: string;
}

/**
 * A line chart (like LineChart) with reference lines: where the values should get to and by when. Decimal values
 * (the value axis allows them). The references are drawn for the eye; say them in the description as well.
 */
export function ReferenceLineChart({
  height = 260,
  references,
  ...figure
}: ChartProps & { references: ChartReference[] }) {
  const { rows, categoryKey, series } = figure;
  return (
    <ChartFigure {...figure}>
      <RLineChart
        responsive
        style={{ width: '100%', height }}
        data={rows}
        margin={{ top: 16, right: 24, bottom: 8, left: 0 }}
        accessibilityLayer={false}
      >
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis dataKey={categoryKey} tick={{ fontSize: 12 }} />
        <YAxis width={44} />
        <Tooltip />
        <Legend />
        {references.map((r) => (
          <ReferenceLine
            key={`${r.axis}-${r.label}`}
            {...(r.axis === 'value' ? { y: Number(r.value) } : { x: String(r.value) })}
            stroke={r.color ?? '#57534e'}
            strokeDasharray={r.dashed ? '6 4' : undefined}
            label={{ value: r.label, position: r.axis === 'value' ? 'insideTopLeft' : 'insideTopRight', fontSize: 12 }}
            // the axis reaches every reference, so a target above all values is still drawn
            ifOverflow="extendDomain"
          />
        ))}
        {series.map((s, i) => (
          <Line
            key={s.key}
            type="linear"
            dataKey={s.key}
            name={s.label}
            stroke={seriesColor(s, i)}
            strokeWidth={2}
            dot={{ r: 4 }}
            connectNulls
            isAnimationActive={false}
          />
        ))}
      </RLineChart>
    </ChartFigure>
  );
}
