import { DataTable } from '../data-table.js';
import type { ChartRow, ChartSeries } from './chart-types.js';

/**
 * The numbers behind a chart as a table: what a screen reader reads, and what anyone can open to read exact values.
 * Folded under the chart by default (a `<details>`), never the only place a number appears for those who need it.
 */
export function ChartTable({
  caption,
  summary,
  rows,
  categoryKey,
  categoryLabel,
  series,
}: {
  caption: string;
  summary: string;
  rows: ChartRow[];
  categoryKey: string;
  categoryLabel: string;
  series: ChartSeries[];
}) {
  return (
    <details className="chart__table">
      <summary>{summary}</summary>
      <DataTable
        caption={caption}
        rows={rows}
        rowKey={(r, i) => `${String(r[categoryKey])}-${i}`}
        columns={[
          { id: categoryKey, header: categoryLabel, rowHeader: true, cell: (r) => String(r[categoryKey] ?? '') },
          ...series.map((s) => ({
            id: s.key,
            header: s.label,
            className: 'num',
            cell: (r: ChartRow) => (r[s.key] === null || r[s.key] === undefined ? '–' : String(r[s.key])),
          })),
        ]}
      />
    </details>
  );
}
