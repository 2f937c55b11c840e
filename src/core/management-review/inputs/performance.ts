import type { ReviewInputSection } from '../../../schema/management-review/review-inputs.schema.js';
import { translate as t } from '../../../schema/i18n/translate.js';
import type { InputWindow } from './input-window.js';
import { auditPerformance, measurePerformance, objectivePerformance } from './performance-monitoring.js';
import { nonconformityPerformance } from './performance-nonconformities.js';

/**
 * d) Feedback on the information security performance, with trends (9.3.2 d 1–4): nonconformities and corrective
 * actions, monitoring and measurement results, audit results, fulfilment of objectives. Incidents have no module
 * yet: said plainly in notBuilt rather than left out.
 */
export async function performance(w: InputWindow): Promise<ReviewInputSection> {
  const nc = await nonconformityPerformance(w);
  const measures = await measurePerformance(w);
  const audits = await auditPerformance(w);
  const objectives = await objectivePerformance(w);
  const parts = [measures, audits, objectives];
  return {
    key: 'performance',
    facts: [...nc.facts, ...parts.flatMap((p) => p.facts)],
    tables: parts.flatMap((p) => p.tables),
    charts: [nc.chart, ...parts.flatMap((p) => p.charts)],
    notBuilt: [t('review-inputs.d.notBuiltIncidents')],
  };
}
