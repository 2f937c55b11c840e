import { Link, getRouteApi } from '@tanstack/react-router';
import { useState } from 'react';
import type { BuiltInMeasureInfo } from '../../schema/measurement/measure-builtin.schema.js';
import { ErrorMessage, LiveMessage } from '../components/status.js';
import { useT } from '../i18n/i18n.js';
import { useCan, useOrg } from '../lib/session.js';
import { useDocumentTitle } from '../lib/use-document-title.js';
import { Button } from '../ui/button.js';
import { PageHeader } from '../ui/page-header.js';
import { QueryState } from '../ui/query-state.js';
import { useBuiltInCatalog, useSwitchOnBuiltIn } from './measurement-api.js';
import { useFormatTarget } from './rag.js';
import './measurement.css';

const route = getRouteApi('/o/$org/measures/built-in');

/**
 * The measures Rampart takes from its own records (9.1): what each computes and how, its default target and
 * frequency, and whether the organization has switched it on. Switched on, it is sampled every period like any
 * measure; its target and roles are edited on the measure's page.
 */
export function BuiltInCatalogPage() {
  const { t } = useT();
  const { org } = route.useParams();
  const catalog = useBuiltInCatalog(org);
  const [done, setDone] = useState<string | null>(null);
  useDocumentTitle(t('measurement.builtIn.title'), useOrg(org).data?.name);
  return (
    <section className="page" aria-labelledby="page-title">
      <PageHeader
        eyebrow={t('measurement.eyebrow')}
        title={t('measurement.builtIn.title')}
        description={t('measurement.builtIn.lead')}
        actions={
          <>
            <Link to="/o/$org/measures" params={{ org }} className="button button--secondary">
              {t('measures.title')}
            </Link>
            <Link to="/o/$org/measures/dashboard" params={{ org }} className="button button--secondary">
              {t('measurement.dashboard.title')}
            </Link>
          </>
        }
      />
      <LiveMessage>{done}</LiveMessage>
      <QueryState query={catalog} empty={t('measurement.builtIn.none')} isEmpty={(d) => d.builtIns.length === 0}>
        {(data) => (
          <ul className="builtin-list">
            {data.builtIns.map((b) => (
              <BuiltInCard key={b.key} org={org} builtIn={b} onDone={setDone} />
            ))}
          </ul>
        )}
      </QueryState>
    </section>
  );
}

function BuiltInCard({
  org,
  builtIn,
  onDone,
}: {
  org: string;
  builtIn: BuiltInMeasureInfo;
  onDone: (message: string) => void;
}) {
  const { t, td } = useT();
  const can = useCan(org);
  const switchOn = useSwitchOnBuiltIn(org);
  const formatTarget = useFormatTarget();
  const headingId = `builtin-${builtIn.key}`;
  const measure = builtIn.measure;
  return (
    <li className="card builtin-card" aria-labelledby={headingId}>
      <h2 id={headingId} className="card__title">
        {builtIn.title}
      </h2>
      <p>{builtIn.informationNeed}</p>
      <dl className="measure-summary__facts">
        <div>
          <dt>{t('measurement.builtIn.computes')}</dt>
          <dd>{builtIn.method}</dd>
        </div>
        <div>
          <dt>{t('measures.field.targetValue')}</dt>
          <dd>{formatTarget(builtIn)}</dd>
        </div>
        <div>
          <dt>{t('measures.field.frequency')}</dt>
          <dd>{td(`measures.frequency.${builtIn.frequency}`)}</dd>
        </div>
        <div>
          <dt>{t('measures.field.kind')}</dt>
          <dd>{td(`measures.kind.${builtIn.kind}`)}</dd>
        </div>
      </dl>
      {measure ? (
        <p className="builtin-card__state">
          <span className="rag rag--green">
            <span aria-hidden="true">✓</span> {t('measurement.builtIn.on')}
          </span>{' '}
          <Link to="/o/$org/measures/$id" params={{ org, id: measure.id }}>
            {t('measurement.builtIn.openMeasure', { ref: measure.ref })}
          </Link>
          {measure.status !== 'active' ? (
            <span className="muted"> ({td(`measures.status.${measure.status}`, undefined, measure.status)})</span>
          ) : null}
        </p>
      ) : can('measure.create') ? (
        <p className="builtin-card__state">
          <span className="muted">{t('measurement.builtIn.off')}</span>{' '}
          <Button
            variant="primary"
            busy={switchOn.isPending}
            aria-label={t('measurement.builtIn.switchOnNamed', { title: builtIn.title })}
            onClick={() =>
              switchOn.mutate(builtIn.key, {
                onSuccess: (m) => onDone(t('measurement.builtIn.switchedOn', { ref: m.ref, title: builtIn.title })),
              })
            }
          >
            {t('measurement.builtIn.switchOn')}
          </Button>
        </p>
      ) : (
        <p className="muted">{t('measurement.builtIn.offReadOnly')}</p>
      )}
      {switchOn.isError ? <ErrorMessage error={switchOn.error} /> : null}
    </li>
  );
}
