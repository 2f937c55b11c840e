import './charts.css';

export { BarChart } from './bar-chart.js';
export { LineChart } from './line-chart.js';
export { ChartFigure } from './chart-figure.js';
export { ChartTable } from './chart-table.js';
export { CHART_COLORS, type ChartProps, type ChartReference, type ChartRow, type ChartSeries } from './chart-types.js';
