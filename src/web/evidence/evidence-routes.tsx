import { createRoute, type AnyRoute, lazyRouteComponent } from '@tanstack/react-router';
import { evidenceRegister } from '../../schema/evidence/evidence.register.js';
import { RegisterEditPage } from '../register/register-pages.js';
import { evidencePagePath } from './evidence-paths.js';

// Pages load with their route (one chunk each), so the first page does not wait for the whole app.
const EvidenceDetailPage = lazyRouteComponent(() => import('./evidence-detail-page.js'), 'EvidenceDetailPage');
const EvidencePage = lazyRouteComponent(() => import('./evidence-page.js'), 'EvidencePage');

const str = (v: unknown) => (typeof v === 'string' && v ? v : undefined);
/** The list keeps its whole state (filters, paging) in the query string as plain strings. */
const listSearch = (s: Record<string, unknown>): Record<string, string | undefined> =>
  Object.fromEntries(
    Object.entries(s)
      .filter(([, v]) => v !== undefined && v !== null && v !== '')
      .map(([k, v]): [string, string] => [k, String(v)]),
  );

const EvidenceEditPage = () => <RegisterEditPage register={evidenceRegister} path={evidencePagePath} />;

/** The evidence pages under `/o/$org`: the register (with upload), one evidence, and editing what is said of it. */
export function evidenceRoutes<P extends AnyRoute>(orgRoute: P) {
  const getParentRoute = () => orgRoute;
  return [
    createRoute({ getParentRoute, path: 'evidence', validateSearch: listSearch, component: EvidencePage }),
    createRoute({
      getParentRoute,
      path: 'evidence/$id',
      validateSearch: (s: Record<string, unknown>): { created?: string; same?: string } => ({
        created: str(s.created),
        same: str(s.same),
      }),
      component: EvidenceDetailPage,
    }),
    createRoute({ getParentRoute, path: 'evidence/$id/edit', component: EvidenceEditPage }),
  ] as const;
}
