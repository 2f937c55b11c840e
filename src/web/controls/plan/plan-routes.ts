import { createRoute, type AnyRoute, lazyRouteComponent } from '@tanstack/react-router';
import { parseDocumentSearch } from '../../versioning/versioned-document-page.js';
import { type PlanSearch } from './plan-page.js';

// Pages load with their route (one chunk each), so the first page does not wait for the whole app.
const TreatmentChecksPage = lazyRouteComponent(() => import('./checks-page.js'), 'TreatmentChecksPage');
const TreatmentPlanPage = lazyRouteComponent(() => import('./plan-page.js'), 'TreatmentPlanPage');

function parsePlanSearch(s: Record<string, unknown>): PlanSearch {
  const out: PlanSearch = parseDocumentSearch(s);
  for (const k of ['page', 'pageSize', 'attention'] as const)
    if (s[k] !== undefined && s[k] !== '') out[k] = String(s[k]);
  return out;
}

/** `/o/$org/risk-treatment-plan` (the live plan and its controlled document) and `/o/$org/treatment-checks`. */
export function treatmentPlanRoutes<P extends AnyRoute>(orgRoute: P) {
  const getParentRoute = () => orgRoute;
  return [
    createRoute({
      getParentRoute,
      path: 'risk-treatment-plan',
      validateSearch: parsePlanSearch,
      component: TreatmentPlanPage,
    }),
    createRoute({ getParentRoute, path: 'treatment-checks', component: TreatmentChecksPage }),
  ] as const;
}
