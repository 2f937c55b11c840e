import { createRoute, type AnyRoute, lazyRouteComponent } from '@tanstack/react-router';

// Pages load with their route (one chunk each), so the first page does not wait for the whole app.
const CertificationPackPage = lazyRouteComponent(() => import('./certification-pack-page.js'), 'CertificationPackPage');

const str = (v: unknown) => (typeof v === 'string' && v ? v : undefined);

/** `/o/$org/certification-pack` (`?date=` the day the pack stands as of; today when absent). */
export function certificationRoutes<P extends AnyRoute>(orgRoute: P) {
  const getParentRoute = () => orgRoute;
  return [
    createRoute({
      getParentRoute,
      path: 'certification-pack',
      validateSearch: (s: Record<string, unknown>): { date?: string | undefined } => ({ date: str(s.date) }),
      component: CertificationPackPage,
    }),
  ] as const;
}
