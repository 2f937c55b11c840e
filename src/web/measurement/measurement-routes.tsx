import { createRoute, type AnyRoute, lazyRouteComponent } from '@tanstack/react-router';
import { MEASURE_KINDS, measureRegister } from '../../schema/measurement/measure.register.js';
import { RAG } from '../../schema/measurement/measure-target.js';
import { parseRegisterSearch } from '../register/register-search.js';

// Pages load with their route (one chunk each), so the first page does not wait for the whole app.
const MeasuresPage = lazyRouteComponent(() => import('./measures-page.js'), 'MeasuresPage');
const MeasureNewPage = lazyRouteComponent(() => import('./measure-form-pages.js'), 'MeasureNewPage');
const MeasureEditPage = lazyRouteComponent(() => import('./measure-form-pages.js'), 'MeasureEditPage');
const MeasureDetailPage = lazyRouteComponent(() => import('./measure-pages.js'), 'MeasureDetailPage');
const DashboardPage = lazyRouteComponent(() => import('./measures-dashboard-page.js'), 'MeasuresDashboardPage');
const BuiltInCatalogPage = lazyRouteComponent(() => import('./builtin-catalog-page.js'), 'BuiltInCatalogPage');

/** The dashboard's filters in the address (both optional: a link to the dashboard needs neither). */
interface DashboardSearch {
  kind?: (typeof MEASURE_KINDS)[number] | undefined;
  rag?: (typeof RAG)[number] | undefined;
}

const str = (v: unknown) => (typeof v === 'string' && v ? v : undefined);

/** The pages of monitoring and measurement (27001 9.1) under `/o/$org`: the measures, the dashboard, the built-ins. */
export function measurementRoutes<P extends AnyRoute>(orgRoute: P) {
  const getParentRoute = () => orgRoute;
  return [
    createRoute({
      getParentRoute,
      path: 'measures',
      validateSearch: (s: Record<string, unknown>) => parseRegisterSearch(measureRegister, s),
      component: MeasuresPage,
    }),
    createRoute({ getParentRoute, path: 'measures/new', component: MeasureNewPage }),
    createRoute({
      getParentRoute,
      path: 'measures/dashboard',
      validateSearch: (s: Record<string, unknown>): DashboardSearch => ({
        kind: MEASURE_KINDS.find((k) => k === s.kind),
        rag: RAG.find((r) => r === s.rag),
      }),
      component: DashboardPage,
    }),
    createRoute({ getParentRoute, path: 'measures/built-in', component: BuiltInCatalogPage }),
    createRoute({
      getParentRoute,
      path: 'measures/$id',
      validateSearch: (s: Record<string, unknown>): { created?: string } => ({ created: str(s.created) }),
      component: MeasureDetailPage,
    }),
    createRoute({ getParentRoute, path: 'measures/$id/edit', component: MeasureEditPage }),
  ] as const;
}
