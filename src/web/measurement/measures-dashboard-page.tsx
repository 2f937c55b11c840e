import { Link, getRouteApi } from '@tanstack/react-router';
import { useState } from 'react';
import type { z } from 'zod';
import { dashboardMeasureSchema, type Dashboard } from '../../schema/measurement/measure-dashboard.schema.js';
import { MEASURE_KINDS } from '../../schema/measurement/measure.register.js';
import { RAG } from '../../schema/measurement/measure-target.js';
import { useT } from '../i18n/i18n.js';
import { useOrg } from '../lib/session.js';
import { useDocumentTitle } from '../lib/use-document-title.js';
import { Select, DateField } from '../ui/fields.js';
import { PageHeader } from '../ui/page-header.js';
import { QueryState } from '../ui/query-state.js';
import { MeasureTrend } from './measure-trend.js';
import { measurementReportPath, measurementValuesPath, useMeasuresDashboard } from './measurement-api.js';
import { MeasurementLinks } from './measures-page.js';
import { RAG_SYMBOL, RagBadge, useFormatTarget, useFormatValue } from './rag.js';
import { ResultsImportCard } from './results-import-card.js';
import './measurement.css';

const route = getRouteApi('/o/$org/measures/dashboard');
type DashboardMeasure = z.infer<typeof dashboardMeasureSchema>;

const yearAgo = () => {
  const d = new Date();
  d.setUTCFullYear(d.getUTCFullYear() - 1);
  return d.toISOString().slice(0, 10);
};
const today = () => new Date().toISOString().slice(0, 10);

/**
 * The measurement dashboard (9.1 d–f): one card per active measure with its latest value, status and a small trend,
 * counts by status, filters by kind and status; and the documented results of a period to download.
 */
export function MeasuresDashboardPage() {
  const { t } = useT();
  const { org } = route.useParams();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const dashboard = useMeasuresDashboard(org, { kind: search.kind, rag: search.rag });
  useDocumentTitle(t('measurement.dashboard.title'), useOrg(org).data?.name);
  return (
    <section className="page measures-dashboard" aria-labelledby="page-title">
      <PageHeader
        eyebrow={t('measurement.eyebrow')}
        title={t('measurement.dashboard.title')}
        description={t('measurement.dashboard.lead')}
        actions={
          <Link to="/o/$org/measures" params={{ org }} className="button button--secondary">
            {t('measures.title')}
          </Link>
        }
      />
      <div className="filters" role="group" aria-label={t('measurement.dashboard.filters')}>
        <Select
          label={t('measures.field.kind')}
          value={search.kind ?? ''}
          onChange={(e) =>
            void navigate({ search: { ...search, kind: MEASURE_KINDS.find((k) => k === e.target.value) } })
          }
        >
          <option value="">{t('register.any')}</option>
          {MEASURE_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`measures.kind.${k}`)}
            </option>
          ))}
        </Select>
        <Select
          label={t('measures.field.latestRag')}
          value={search.rag ?? ''}
          onChange={(e) => void navigate({ search: { ...search, rag: RAG.find((r) => r === e.target.value) } })}
        >
          <option value="">{t('register.any')}</option>
          {RAG.map((r) => (
            <option key={r} value={r}>
              {`${RAG_SYMBOL[r]} ${t(`measures.latestRag.${r}`)}`}
            </option>
          ))}
        </Select>
      </div>
      <QueryState
        query={dashboard}
        empty={<DashboardEmpty org={org} />}
        isEmpty={(d) => d.items.length === 0 && !search.kind && !search.rag}
      >
        {(data) => <DashboardBody data={data} org={org} />}
      </QueryState>
      <ReportDownloads org={org} />
      <ResultsImportCard org={org} />
    </section>
  );
}

function DashboardEmpty({ org }: { org: string }) {
  const { t } = useT();
  return (
    <div className="empty-state">
      <h2>{t('measurement.empty.title')}</h2>
      <p>{t('measurement.dashboard.empty')}</p>
      <p className="empty-state__actions">
        <MeasurementLinks org={org} />
      </p>
    </div>
  );
}

function DashboardBody({ data, org }: { data: Dashboard; org: string }) {
  const { t } = useT();
  return (
    <>
      <ul className="rag-counts" aria-label={t('measurement.dashboard.counts')}>
        {RAG.map((r) => (
          <li key={r} className={`rag-counts__item rag-counts__item--${r}`}>
            <strong>{data.counts[r]}</strong> <RagBadge rag={r} />
          </li>
        ))}
        <li className="rag-counts__item">
          <strong>{data.counts.none}</strong> <RagBadge rag={null} />
        </li>
      </ul>
      {data.items.length === 0 ? <p className="muted">{t('measurement.dashboard.noneMatch')}</p> : null}
      <ul className="measure-cards">
        {data.items.map((m) => (
          <MeasureCard key={m.id} org={org} measure={m} />
        ))}
      </ul>
    </>
  );
}

function MeasureCard({ org, measure }: { org: string; measure: DashboardMeasure }) {
  const { t, td } = useT();
  const formatValue = useFormatValue();
  const formatTarget = useFormatTarget();
  return (
    <li className="card measure-card">
      <h2 className="measure-card__title">
        <Link to="/o/$org/measures/$id" params={{ org, id: measure.id }}>
          <span className="ref">{measure.ref}</span> {measure.title}
        </Link>
      </h2>
      <dl className="measure-card__facts">
        <div>
          <dt>{t('measures.field.latestValue')}</dt>
          <dd className="measure-card__value">{formatValue(measure.latestValue, measure.unit)}</dd>
        </div>
        <div>
          <dt>{t('measures.field.latestRag')}</dt>
          <dd>
            <RagBadge rag={measure.latestRag} />
          </dd>
        </div>
        <div>
          <dt>{t('measures.field.targetValue')}</dt>
          <dd>{formatTarget(measure)}</dd>
        </div>
        <div>
          <dt>{t('measures.field.kind')}</dt>
          <dd>{td(`measures.kind.${measure.kind}`)}</dd>
        </div>
      </dl>
      <MeasureTrend
        measure={measure}
        points={measure.series}
        title={t('measurement.trend.of', { ref: measure.ref })}
        compact
      />
    </li>
  );
}

/** The documented results of monitoring and measurement for a period (9.1): the report as PDF or DOCX, every value as XLSX. */
function ReportDownloads({ org }: { org: string }) {
  const { t } = useT();
  const [from, setFrom] = useState(yearAgo());
  const [to, setTo] = useState(today());
  return (
    <section className="card" aria-labelledby="measurement-report">
      <h2 id="measurement-report" className="card__title">
        {t('measurement.report.title')}
      </h2>
      <p className="muted small">{t('measurement.report.lead')}</p>
      <div className="filters">
        <DateField label={t('measurement.report.from')} value={from} onChange={(e) => setFrom(e.target.value)} />
        <DateField label={t('measurement.report.to')} value={to} onChange={(e) => setTo(e.target.value)} />
      </div>
      <p className="button-row">
        <a className="button button--secondary" href={measurementReportPath(org, 'pdf', from, to)} download>
          {t('measurement.report.pdf')}
        </a>
        <a className="button button--secondary" href={measurementReportPath(org, 'docx', from, to)} download>
          {t('measurement.report.docx')}
        </a>
        <a className="button button--secondary" href={measurementValuesPath(org, from, to)} download>
          {t('measurement.report.xlsx')}
        </a>
      </p>
    </section>
  );
}
