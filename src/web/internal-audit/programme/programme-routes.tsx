import { createRoute, type AnyRoute, lazyRouteComponent } from '@tanstack/react-router';
import { parseDocumentSearch } from '../../versioning/versioned-document-page.js';
import { parseCoverageSearch, parseRequirementsSearch } from './programme-search.js';

// Pages load with their route (one chunk each), so the first page does not wait for the whole app.
const AuditProgrammePage = lazyRouteComponent(() => import('./audit-programme-page.js'), 'AuditProgrammePage');
const CoveragePage = lazyRouteComponent(() => import('./coverage-page.js'), 'CoveragePage');
const RequirementsPage = lazyRouteComponent(() => import('./requirements-page.js'), 'RequirementsPage');

/**
 * `/o/$org/audit-programme` (the one programme, a controlled document), `/o/$org/audit-programme/coverage` (its
 * coverage matrix) and `/o/$org/isms-requirements` (the requirements of clauses 4–10, for reference).
 */
export function auditProgrammeRoutes<P extends AnyRoute>(orgRoute: P) {
  const getParentRoute = () => orgRoute;
  return [
    createRoute({
      getParentRoute,
      path: 'audit-programme',
      validateSearch: parseDocumentSearch,
      component: AuditProgrammePage,
    }),
    createRoute({
      getParentRoute,
      path: 'audit-programme/coverage',
      validateSearch: parseCoverageSearch,
      component: CoveragePage,
    }),
    createRoute({
      getParentRoute,
      path: 'isms-requirements',
      validateSearch: parseRequirementsSearch,
      component: RequirementsPage,
    }),
  ] as const;
}
