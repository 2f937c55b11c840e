import { Link } from '@tanstack/react-router';
import type { MeasureRecord } from '../../schema/measurement/measure.register.js';
import { useT } from '../i18n/i18n.js';
import { declaredBaseMeasures } from './measure-results-card.js';
import { pushResultsPath } from './measurement-api.js';

/**
 * How automation pushes this measure's results (9.1 b): the batch endpoint and a curl example with an API token of
 * an automation account (an editing role; a read-only token is refused).
 */
export function MeasureAutomationCard({ org, measure }: { org: string; measure: MeasureRecord }) {
  const { t } = useT();
  const base = declaredBaseMeasures(measure.baseMeasures);
  const day = new Date().toISOString().slice(0, 10);
  const result =
    measure.formula && base.length > 0
      ? { measure: measure.ref, measuredOn: day, base: Object.fromEntries(base.map((b) => [b.key, 0])) }
      : { measure: measure.ref, measuredOn: day, value: measure.targetValue };
  const origin = typeof window === 'undefined' ? '' : window.location.origin;
  const example = [
    `curl -X POST '${origin}${pushResultsPath(org)}' \\`,
    `  -H 'Authorization: Bearer $RAMPART_TOKEN' \\`,
    `  -H 'Content-Type: application/json' \\`,
    `  -d '${JSON.stringify({ results: [result] })}'`,
  ].join('\n');
  return (
    <section className="card" aria-labelledby="measure-automation">
      <h2 id="measure-automation" className="card__title">
        {t('measurement.automation.title')}
      </h2>
      <p>{t('measurement.automation.lead', { ref: measure.ref })}</p>
      <pre className="code-block" tabIndex={0} aria-label={t('measurement.automation.example')}>
        <code>{example}</code>
      </pre>
      <p className="small muted">{t('measurement.automation.rules')}</p>
      <p>
        <Link to="/o/$org/tokens" params={{ org }}>
          {t('measurement.automation.tokens')}
        </Link>
      </p>
    </section>
  );
}
