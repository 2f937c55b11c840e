import { createRoute, type AnyRoute, lazyRouteComponent } from '@tanstack/react-router';
import { controlRegister } from '../../schema/controls/control.register.js';
import { parseRegisterSearch } from '../register/register-search.js';

// Pages load with their route (one chunk each), so the first page does not wait for the whole app.
const ControlDetailPage = lazyRouteComponent(() => import('./control-pages.js'), 'ControlDetailPage');
const ControlEditPage = lazyRouteComponent(() => import('./control-pages.js'), 'ControlEditPage');
const ControlNewPage = lazyRouteComponent(() => import('./control-pages.js'), 'ControlNewPage');
const ControlsPage = lazyRouteComponent(() => import('./controls-page.js'), 'ControlsPage');

const createdSearch = (s: Record<string, unknown>): { created?: string } => ({
  created: typeof s.created === 'string' && s.created ? s.created : undefined,
});

/** The pages of controls and the SoA under `/o/$org` (6.1.3): the register with the edition choice, a control. */
export function controlRoutes<P extends AnyRoute>(orgRoute: P) {
  const getParentRoute = () => orgRoute;
  return [
    createRoute({
      getParentRoute,
      path: 'controls',
      validateSearch: (s: Record<string, unknown>) => parseRegisterSearch(controlRegister, s),
      component: ControlsPage,
    }),
    createRoute({ getParentRoute, path: 'controls/new', component: ControlNewPage }),
    createRoute({ getParentRoute, path: 'controls/$id', validateSearch: createdSearch, component: ControlDetailPage }),
    createRoute({ getParentRoute, path: 'controls/$id/edit', component: ControlEditPage }),
  ] as const;
}
