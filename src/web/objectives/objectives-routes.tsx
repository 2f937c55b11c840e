import { createRoute, type AnyRoute, lazyRouteComponent } from '@tanstack/react-router';
import { objectiveRegister } from '../../schema/objectives/objective.register.js';
import { parseRegisterSearch } from '../register/register-search.js';
import { parseDocumentSearch } from '../versioning/versioned-document-page.js';

// Pages load with their route (one chunk each), so the first page does not wait for the whole app.
const ObjectivesPage = lazyRouteComponent(() => import('./objectives-page.js'), 'ObjectivesPage');
const ObjectiveNewPage = lazyRouteComponent(() => import('./objective-form-pages.js'), 'ObjectiveNewPage');
const ObjectiveEditPage = lazyRouteComponent(() => import('./objective-form-pages.js'), 'ObjectiveEditPage');
const ObjectivePlanActionPage = lazyRouteComponent(
  () => import('./objective-form-pages.js'),
  'ObjectivePlanActionPage',
);
const ObjectivePage = lazyRouteComponent(() => import('./objective-page.js'), 'ObjectivePage');
const ObjectivesDocumentPage = lazyRouteComponent(
  () => import('./objectives-document-page.js'),
  'ObjectivesDocumentPage',
);

const str = (v: unknown) => (typeof v === 'string' && v ? v : undefined);

/** The pages of 6.2 under `/o/$org`: the objectives register, each objective, and the objectives document. */
export function objectivesRoutes<P extends AnyRoute>(orgRoute: P) {
  const getParentRoute = () => orgRoute;
  return [
    createRoute({
      getParentRoute,
      path: 'objectives',
      validateSearch: (s: Record<string, unknown>) => parseRegisterSearch(objectiveRegister, s),
      component: ObjectivesPage,
    }),
    createRoute({ getParentRoute, path: 'objectives/new', component: ObjectiveNewPage }),
    createRoute({
      getParentRoute,
      path: 'objectives/$id',
      validateSearch: (s: Record<string, unknown>): { created?: string } => ({ created: str(s.created) }),
      component: ObjectivePage,
    }),
    createRoute({ getParentRoute, path: 'objectives/$id/edit', component: ObjectiveEditPage }),
    createRoute({ getParentRoute, path: 'objectives/$id/plan-action', component: ObjectivePlanActionPage }),
    createRoute({
      getParentRoute,
      path: 'objectives-document',
      validateSearch: parseDocumentSearch,
      component: ObjectivesDocumentPage,
    }),
  ] as const;
}
