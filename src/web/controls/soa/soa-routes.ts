import { createRoute, type AnyRoute, lazyRouteComponent } from '@tanstack/react-router';
import { parseDocumentSearch } from '../../versioning/versioned-document-page.js';

// Pages load with their route (one chunk each), so the first page does not wait for the whole app.
const SoaPage = lazyRouteComponent(() => import('./soa-page.js'), 'SoaPage');

/** `/o/$org/soa`: the organization's one Statement of Applicability (no list: there is at most one). */
export function soaRoutes<P extends AnyRoute>(orgRoute: P) {
  return [
    createRoute({
      getParentRoute: () => orgRoute,
      path: 'soa',
      validateSearch: parseDocumentSearch,
      component: SoaPage,
    }),
  ] as const;
}
