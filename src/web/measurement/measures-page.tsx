import { useMemo } from 'react';
import { Link, getRouteApi } from '@tanstack/react-router';
import { measureRegister } from '../../schema/measurement/measure.register.js';
import { RAG } from '../../schema/measurement/measure-target.js';
import { useT } from '../i18n/i18n.js';
import { useCan, useOrg } from '../lib/session.js';
import { useDocumentTitle } from '../lib/use-document-title.js';
import { RegisterList } from '../register/register-list.js';
import type { ColumnSpec, RecordLinkComponent } from '../register/register-table.js';
import { PageHeader } from '../ui/page-header.js';
import { RagBadge, useFormatTarget, useFormatValue } from './rag.js';
import './measurement.css';

const route = getRouteApi('/o/$org/measures');

const MeasureLink: RecordLinkComponent = ({ record, children }) => {
  const { org } = route.useParams();
  return (
    <Link to="/o/$org/measures/$id" params={{ org, id: record.id }}>
      {children}
    </Link>
  );
};

const num = (v: unknown) => (typeof v === 'number' ? v : null);
const text = (v: unknown) => (typeof v === 'string' ? v : null);
const rag = (v: unknown) => RAG.find((r) => r === v) ?? null;

/** Links to the other pages of 9.1, shown in the header of each. */
export function MeasurementLinks({ org }: { org: string }) {
  const { t } = useT();
  return (
    <>
      <Link to="/o/$org/measures/dashboard" params={{ org }} className="button button--secondary">
        {t('measurement.dashboard.title')}
      </Link>
      <Link to="/o/$org/measures/built-in" params={{ org }} className="button button--secondary">
        {t('measurement.builtIn.title')}
      </Link>
    </>
  );
}

/**
 * The measures register (27001 9.1): what is measured, how often, its latest value and status against target; filters
 * by kind, status and RAG (served by the latest columns the server maintains); export and import.
 */
export function MeasuresPage() {
  const { t } = useT();
  const { org } = route.useParams();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const can = useCan(org);
  const formatValue = useFormatValue();
  const formatTarget = useFormatTarget();
  useDocumentTitle(t('measures.title'), useOrg(org).data?.name);
  const canCreate = can('measure.create');
  const columns = useMemo<ColumnSpec[]>(
    () => [
      'title',
      'kind',
      'frequency',
      {
        id: 'latestValue',
        header: t('measures.field.latestValue'),
        className: 'num',
        cell: (r) => formatValue(num(r.latestValue), text(r.unit)),
      },
      { id: 'latestPeriod', header: t('measures.field.latestPeriod'), cell: (r) => text(r.latestPeriod) ?? '–' },
      {
        id: 'latestRag',
        header: t('measures.field.latestRag'),
        sortField: 'latestRag',
        cell: (r) => <RagBadge rag={rag(r.latestRag)} />,
      },
      {
        id: 'target',
        header: t('measures.field.targetValue'),
        cell: (r) =>
          formatTarget({
            targetValue: num(r.targetValue),
            targetDirection: text(r.targetDirection),
            unit: text(r.unit),
          }),
      },
      'status',
    ],
    [t, formatValue, formatTarget],
  );

  return (
    <section className="page measures" aria-labelledby="page-title">
      <PageHeader
        eyebrow={t('measurement.eyebrow')}
        title={t('measures.title')}
        description={t('measurement.lead')}
        actions={
          <>
            <MeasurementLinks org={org} />
            {canCreate ? (
              <Link to="/o/$org/measures/new" params={{ org }} className="button button--primary">
                {t('measurement.new')}
              </Link>
            ) : null}
          </>
        }
      />
      <RegisterList
        org={org}
        register={measureRegister}
        search={search}
        onSearch={(next) => void navigate({ search: next })}
        RecordLink={MeasureLink}
        columns={columns}
        hiddenFilters={['builtInKey']}
        canExport={can('measure.export')}
        canImport={can('measure.import')}
        quickFilters={[
          { id: 'red', label: t('measurement.quick.red'), params: { latestRag: 'red' } },
          { id: 'amber', label: t('measurement.quick.amber'), params: { latestRag: 'amber' } },
          { id: 'active', label: t('measurement.quick.active'), params: { status: 'active' } },
          { id: 'mine', label: t('measurement.quick.mine'), params: { measuredById: 'me' } },
        ]}
        emptyState={
          <div className="empty-state">
            <h2>{t('measurement.empty.title')}</h2>
            <p>{t('measurement.empty.intro')}</p>
            <p>{t('measurement.empty.builtIn')}</p>
            <p className="empty-state__actions">
              <Link to="/o/$org/measures/built-in" params={{ org }} className="button button--secondary">
                {t('measurement.builtIn.open')}
              </Link>
              {canCreate ? (
                <Link to="/o/$org/measures/new" params={{ org }} className="button button--primary">
                  {t('measurement.new')}
                </Link>
              ) : null}
            </p>
          </div>
        }
      />
    </section>
  );
}
