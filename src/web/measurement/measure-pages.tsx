import { Link } from '@tanstack/react-router';
import { measureRegister, type MeasureRecord } from '../../schema/measurement/measure.register.js';
import { RegisterDetailPage } from '../register/register-pages.js';
import { useRegisterRecord } from '../register/register-api.js';
import { useT } from '../i18n/i18n.js';
import { useMemberNames } from '../lib/members.js';
import { QueryState } from '../ui/query-state.js';
import { MeasureAutomationCard } from './measure-automation-card.js';
import { MeasureEvaluationsCard } from './measure-evaluations-card.js';
import { MeasureInformsCard } from './measure-informs-card.js';
import { MeasureResultsCard } from './measure-results-card.js';
import { MeasureTrend } from './measure-trend.js';
import { useMeasureResults } from './measurement-api.js';
import { RagBadge, useFormatTarget, useFormatValue } from './rag.js';
import './measurement.css';

/** The generic pages build `/o/$org/<path>`; their path type names the context registers only (see asset-paths). */
export const MEASURES_PATH = 'measures';

// What the header and the summary show already: the detail's field list keeps the rest (object, attribute, method,
// base measures, formula, unit, analysis and reporting, who is told, status).
const SUMMARY = new Set([
  'title',
  'informationNeed',
  'kind',
  'targetValue',
  'targetDirection',
  'amberThreshold',
  'frequency',
  'measuredById',
  'analysedById',
  'latestValue',
  'latestPeriod',
  'latestRag',
]);

/**
 * A measure (27003 9.1): the question it answers and its status against target above; its trend, results,
 * evaluations and how automation feeds it below; its fields, links and history from the generic page.
 */
export function MeasureDetailPage() {
  return (
    <RegisterDetailPage
      register={measureRegister}
      path={MEASURES_PATH}
      showField={(name) => !SUMMARY.has(name)}
      above={(org, record) => <MeasureSummary org={org} measure={record} />}
      below={(org, id) => <MeasureBelow org={org} id={id} />}
    />
  );
}

function MeasureSummary({ org, measure }: { org: string; measure: MeasureRecord }) {
  const { t, td } = useT();
  const formatValue = useFormatValue();
  const formatTarget = useFormatTarget();
  const names = useMemberNames(org);
  const results = useMeasureResults(org, measure.id);
  const who = (id: string | null) => (id ? (names.get(id) ?? t('common.unknownMember')) : '–');
  return (
    <div className="measure-summary">
      <section className="card" aria-labelledby="measure-need">
        <h2 id="measure-need" className="card__title">
          {t('measures.field.informationNeed')}
        </h2>
        <p className="measure-summary__need">{measure.informationNeed}</p>
        <dl className="measure-summary__facts">
          <div>
            <dt>{t('measures.field.latestValue')}</dt>
            <dd>
              {formatValue(measure.latestValue, measure.unit)}
              {measure.latestPeriod ? <span className="muted"> ({measure.latestPeriod})</span> : null}
            </dd>
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
            <dt>{t('measures.field.amberThreshold')}</dt>
            <dd>{formatValue(measure.amberThreshold, measure.unit)}</dd>
          </div>
          <div>
            <dt>{t('measures.field.kind')}</dt>
            <dd>{td(`measures.kind.${measure.kind}`)}</dd>
          </div>
          <div>
            <dt>{t('measures.field.frequency')}</dt>
            <dd>{td(`measures.frequency.${measure.frequency}`)}</dd>
          </div>
          <div>
            <dt>{t('measures.field.measuredBy')}</dt>
            <dd>{who(measure.measuredById)}</dd>
          </div>
          <div>
            <dt>{t('measures.field.analysedBy')}</dt>
            <dd>{who(measure.analysedById)}</dd>
          </div>
        </dl>
        {measure.builtInKey ? (
          <p className="small muted">
            {t('measurement.builtIn.note')}{' '}
            <Link to="/o/$org/measures/built-in" params={{ org }}>
              {t('measurement.builtIn.title')}
            </Link>
          </p>
        ) : null}
      </section>
      <section className="card" aria-labelledby="measure-trend">
        <h2 id="measure-trend" className="card__title">
          {t('measurement.trend.title')}
        </h2>
        <QueryState query={results}>
          {(data) => (
            <MeasureTrend
              measure={measure}
              points={data.items.filter((r) => !r.supersededBy)}
              title={measure.title ?? undefined}
            />
          )}
        </QueryState>
      </section>
    </div>
  );
}

function MeasureBelow({ org, id }: { org: string; id: string }) {
  // the record is already in the query cache: the detail page loaded it
  const measure = useRegisterRecord(org, measureRegister, id).data;
  if (!measure) return null;
  return (
    <>
      <MeasureResultsCard org={org} measure={measure} />
      <MeasureEvaluationsCard org={org} measure={measure} />
      <MeasureInformsCard org={org} measure={measure} />
      <MeasureAutomationCard org={org} measure={measure} />
    </>
  );
}
