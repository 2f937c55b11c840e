import { createRoute, type AnyRoute, lazyRouteComponent } from '@tanstack/react-router';
import { nonconformityRegister } from '../../schema/improvement/nonconformity.register.js';
import { improvementRegister } from '../../schema/improvement/improvement.register.js';
import { parseRegisterSearch } from '../register/register-search.js';

// Pages load with their route (one chunk each), so the first page does not wait for the whole app.
const NonconformitiesPage = lazyRouteComponent(() => import('./nonconformities-page.js'), 'NonconformitiesPage');
const NonconformityNewPage = lazyRouteComponent(() => import('./nonconformity-new-page.js'), 'NonconformityNewPage');
const NonconformityEditPage = lazyRouteComponent(() => import('./nonconformity-new-page.js'), 'NonconformityEditPage');
const NonconformityPage = lazyRouteComponent(() => import('./nonconformity-page.js'), 'NonconformityPage');
const NcTrendsPage = lazyRouteComponent(() => import('./nonconformity-trends-page.js'), 'NcTrendsPage');
const PlanNcActionPage = lazyRouteComponent(() => import('./plan-action-pages.js'), 'PlanNcActionPage');
const PlanImprovementActionPage = lazyRouteComponent(
  () => import('./plan-action-pages.js'),
  'PlanImprovementActionPage',
);
const ImprovementsPage = lazyRouteComponent(() => import('./improvements-page.js'), 'ImprovementsPage');
const ImprovementSuggestPage = lazyRouteComponent(
  () => import('./improvement-suggest-page.js'),
  'ImprovementSuggestPage',
);
const ImprovementEditPage = lazyRouteComponent(() => import('./improvement-edit-page.js'), 'ImprovementEditPage');
const ImprovementPage = lazyRouteComponent(() => import('./improvement-page.js'), 'ImprovementPage');

const str = (v: unknown) => (typeof v === 'string' && v ? v : undefined);
const trendPeriod = (v: unknown) => (v === 'quarter' ? 'quarter' : undefined);

/** The pages of clause 10 under `/o/$org`: nonconformities (10.2) with their trends, and improvements (10.1). */
export function improvementRoutes<P extends AnyRoute>(orgRoute: P) {
  const getParentRoute = () => orgRoute;
  return [
    createRoute({
      getParentRoute,
      path: 'nonconformities',
      validateSearch: (s: Record<string, unknown>) => parseRegisterSearch(nonconformityRegister, s),
      component: NonconformitiesPage,
    }),
    createRoute({ getParentRoute, path: 'nonconformities/new', component: NonconformityNewPage }),
    createRoute({
      getParentRoute,
      path: 'nonconformities/trends',
      validateSearch: (s: Record<string, unknown>): { from?: string; to?: string; by?: 'quarter' } => ({
        from: str(s.from),
        to: str(s.to),
        by: trendPeriod(s.by),
      }),
      component: NcTrendsPage,
    }),
    createRoute({
      getParentRoute,
      path: 'nonconformities/$id',
      validateSearch: (s: Record<string, unknown>): { created?: string } => ({ created: str(s.created) }),
      component: NonconformityPage,
    }),
    createRoute({ getParentRoute, path: 'nonconformities/$id/edit', component: NonconformityEditPage }),
    createRoute({ getParentRoute, path: 'nonconformities/$id/plan-action', component: PlanNcActionPage }),
    createRoute({
      getParentRoute,
      path: 'improvements',
      validateSearch: (s: Record<string, unknown>) => parseRegisterSearch(improvementRegister, s),
      component: ImprovementsPage,
    }),
    createRoute({ getParentRoute, path: 'improvements/new', component: ImprovementSuggestPage }),
    createRoute({
      getParentRoute,
      path: 'improvements/$id',
      validateSearch: (s: Record<string, unknown>): { created?: string } => ({ created: str(s.created) }),
      component: ImprovementPage,
    }),
    createRoute({ getParentRoute, path: 'improvements/$id/edit', component: ImprovementEditPage }),
    createRoute({ getParentRoute, path: 'improvements/$id/plan-action', component: PlanImprovementActionPage }),
  ] as const;
}
