import { useId } from 'react';
import type { ObjectiveSeries } from '../../schema/objectives/objective-progress.schema.js';
import { useT } from '../i18n/i18n.js';
import { LineChart, type ChartReference } from '../ui/charts/index.js';
import { DataTable } from '../ui/data-table.js';
import { QueryState } from '../ui/query-state.js';
import { StatusPill } from './objective-parts.js';
import { seriesRows, statusWhy } from './objective-progress.js';
import { useProgressSeries } from './objective-api.js';

type Point = ObjectiveSeries['points'][number];

/**
 * The progress of an objective (6.2 b, i): the values over time with the target, the baseline and the deadline as
 * reference lines, the status and why, and every value with the status it gave.
 */
export function ObjectiveProgressCard({ org, id }: { org: string; id: string }) {
  const i18n = useT();
  const { t, td, formatNumber, formatDate } = i18n;
  const uid = useId();
  const series = useProgressSeries(org, id);
  return (
    <section className="card obj-progress" aria-labelledby={`${uid}-title`}>
      <h2 id={`${uid}-title`} className="card__title">
        {t('objectives.progress.title')}
      </h2>
      <QueryState query={series}>
        {(data) => {
          const references: ChartReference[] = [];
          if (data.target !== null)
            references.push({
              axis: 'value',
              value: data.target,
              label: t('objectives.chart.target'),
              color: '#0f766e',
            });
          if (data.baseline !== null)
            references.push({
              axis: 'value',
              value: data.baseline,
              label: t('objectives.chart.baseline'),
              dash: '6 4',
            });
          if (data.deadline)
            references.push({
              axis: 'category',
              value: data.deadline,
              label: t('objectives.chart.deadline'),
              dash: '6 4',
            });
          const points = [...data.points].reverse();
          return (
            <>
              <p className="obj-progress__status">
                <StatusPill status={data.status} /> <span>{statusWhy(i18n, data)}</span>
              </p>
              <LineChart
                decimals
                connectNulls
                title={t('objectives.chart.title')}
                description={t('objectives.chart.desc', {
                  target: data.target === null ? t('common.empty') : formatNumber(data.target),
                  baseline: data.baseline === null ? t('common.empty') : formatNumber(data.baseline),
                  deadline: data.deadline ? formatDate(data.deadline) : t('common.empty'),
                })}
                rows={seriesRows(data)}
                categoryKey="date"
                categoryLabel={t('objectives.chart.date')}
                series={[
                  {
                    key: 'value',
                    label: data.targetUnit
                      ? t('objectives.chart.valueIn', { unit: data.targetUnit })
                      : t('objectives.chart.value'),
                  },
                ]}
                references={references}
                tableLabel={t('objectives.chart.table')}
                empty={t('objectives.chart.empty')}
              />
              {points.length ? (
                <DataTable<Point>
                  caption={t('objectives.values.caption')}
                  rows={points}
                  rowKey={(p, i) => `${p.date}-${i}`}
                  columns={[
                    {
                      id: 'date',
                      header: t('objectives.chart.date'),
                      rowHeader: true,
                      cell: (p) => formatDate(p.date),
                    },
                    {
                      id: 'value',
                      header: t('objectives.chart.value'),
                      className: 'num',
                      cell: (p) => formatNumber(p.value),
                    },
                    {
                      id: 'source',
                      header: t('objectives.values.source'),
                      cell: (p) => td(`objectives.source.${p.source}`),
                    },
                    {
                      id: 'status',
                      header: t('objectives.field.progressStatus'),
                      cell: (p) => <StatusPill status={p.status} />,
                    },
                  ]}
                />
              ) : null}
            </>
          );
        }}
      </QueryState>
    </section>
  );
}
