import { createRoute, type AnyRoute, lazyRouteComponent } from '@tanstack/react-router';
import { parseDocumentSearch } from '../../versioning/versioned-document-page.js';

// Pages load with their route (one chunk each), so the first page does not wait for the whole app.
const RiskMethodologyPage = lazyRouteComponent(() => import('./risk-methodology-page.js'), 'RiskMethodologyPage');

/** `/o/$org/risk-methodology`: the organization's one methodology (no list: there is at most one). */
export function riskMethodologyRoutes<P extends AnyRoute>(orgRoute: P) {
  return [
    createRoute({
      getParentRoute: () => orgRoute,
      path: 'risk-methodology',
      validateSearch: parseDocumentSearch,
      component: RiskMethodologyPage,
    }),
  ] as const;
}
