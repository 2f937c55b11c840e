import { createRoute, type AnyRoute, lazyRouteComponent } from '@tanstack/react-router';
import { treatmentResultRegister } from '../../../schema/controls/treatment-result.register.js';
import { parseRegisterSearch } from '../../register/register-search.js';
import { parseDocumentSearch } from '../../versioning/versioned-document-page.js';

// Pages load with their route (one chunk each), so the first page does not wait for the whole app.
const page = (
  name: 'TreatmentResultsPage' | 'TreatmentResultNewPage' | 'TreatmentResultEditPage' | 'TreatmentResultPage',
) => lazyRouteComponent(() => import('./treatment-results-pages.js'), name);

/** `/o/$org/treatment-results` (8.3): the list, a new one, one document (versions), its details' form. */
export function treatmentResultRoutes<P extends AnyRoute>(orgRoute: P) {
  const getParentRoute = () => orgRoute;
  return [
    createRoute({
      getParentRoute,
      path: 'treatment-results',
      validateSearch: (s: Record<string, unknown>) => parseRegisterSearch(treatmentResultRegister, s),
      component: page('TreatmentResultsPage'),
    }),
    createRoute({ getParentRoute, path: 'treatment-results/new', component: page('TreatmentResultNewPage') }),
    createRoute({
      getParentRoute,
      path: 'treatment-results/$id',
      validateSearch: parseDocumentSearch,
      component: page('TreatmentResultPage'),
    }),
    createRoute({ getParentRoute, path: 'treatment-results/$id/edit', component: page('TreatmentResultEditPage') }),
  ] as const;
}
