import { createRoute, redirect, type AnyRoute, lazyRouteComponent } from '@tanstack/react-router';
import * as pages from './leadership-pages.js';

// Pages load with their route (one chunk each), so the first page does not wait for the whole app.
const ProcessesPage = lazyRouteComponent(() => import('./processes-page.js'), 'ProcessesPage');
const RolesPage = lazyRouteComponent(() => import('./roles-page.js'), 'RolesPage');
const CommitmentsPage = lazyRouteComponent(() => import('./commitments-page.js'), 'CommitmentsPage');

const str = (v: unknown) => (typeof v === 'string' && v ? v : undefined);
/** List pages keep their whole list state (tab, filters, paging) in the query string as plain strings. */
const listSearch = (s: Record<string, unknown>): Record<string, string | undefined> =>
  Object.fromEntries(
    Object.entries(s)
      .filter(([, v]) => v !== undefined && v !== null && v !== '')
      .map(([k, v]): [string, string] => [k, String(v)]),
  );
const createdSearch = (s: Record<string, unknown>): { created?: string } => ({ created: str(s.created) });

/**
 * The pages of 4.4 (ISMS processes) and 5.1/5.3 (commitments, roles, assignments, RACI) under `/o/$org`.
 * Registers shown as a tab of another page (interactions, assignments, activities) redirect their list address there.
 */
export function leadershipRoutes<P extends AnyRoute>(orgRoute: P) {
  const getParentRoute = () => orgRoute;
  return [
    createRoute({ getParentRoute, path: 'isms-processes', validateSearch: listSearch, component: ProcessesPage }),
    createRoute({ getParentRoute, path: 'isms-processes/new', component: pages.ProcessNewPage }),
    createRoute({
      getParentRoute,
      path: 'isms-processes/$id',
      validateSearch: createdSearch,
      component: pages.ProcessDetailPage,
    }),
    createRoute({ getParentRoute, path: 'isms-processes/$id/edit', component: pages.ProcessEditPage }),
    createRoute({
      getParentRoute,
      path: 'process-interactions',
      beforeLoad: ({ params }) => {
        throw redirect({
          to: '/o/$org/isms-processes' as never,
          params: params as never,
          search: { tab: 'interactions' } as never,
        });
      },
    }),
    createRoute({
      getParentRoute,
      path: 'process-interactions/new',
      validateSearch: (s: Record<string, unknown>): { fromProcessId?: string } => ({
        fromProcessId: str(s.fromProcessId),
      }),
      component: pages.InteractionNewPage,
    }),
    createRoute({
      getParentRoute,
      path: 'process-interactions/$id',
      validateSearch: createdSearch,
      component: pages.InteractionDetailPage,
    }),
    createRoute({ getParentRoute, path: 'process-interactions/$id/edit', component: pages.InteractionEditPage }),

    createRoute({ getParentRoute, path: 'isms-roles', validateSearch: listSearch, component: RolesPage }),
    createRoute({ getParentRoute, path: 'isms-roles/new', component: pages.RoleNewPage }),
    createRoute({
      getParentRoute,
      path: 'isms-roles/$id',
      validateSearch: createdSearch,
      component: pages.RoleDetailPage,
    }),
    createRoute({ getParentRoute, path: 'isms-roles/$id/edit', component: pages.RoleEditPage }),
    createRoute({
      getParentRoute,
      path: 'role-assignments',
      beforeLoad: ({ params }) => {
        throw redirect({
          to: '/o/$org/isms-roles' as never,
          params: params as never,
          search: { tab: 'assignments' } as never,
        });
      },
    }),
    createRoute({
      getParentRoute,
      path: 'role-assignments/new',
      validateSearch: (s: Record<string, unknown>): { roleId?: string } => ({ roleId: str(s.roleId) }),
      component: pages.AssignmentNewPage,
    }),
    createRoute({
      getParentRoute,
      path: 'role-assignments/$id',
      validateSearch: createdSearch,
      component: pages.AssignmentDetailPage,
    }),
    createRoute({ getParentRoute, path: 'role-assignments/$id/edit', component: pages.AssignmentEditPage }),
    createRoute({
      getParentRoute,
      path: 'isms-activities',
      beforeLoad: ({ params }) => {
        throw redirect({
          to: '/o/$org/isms-roles' as never,
          params: params as never,
          search: { tab: 'raci' } as never,
        });
      },
    }),
    createRoute({ getParentRoute, path: 'isms-activities/new', component: pages.ActivityNewPage }),
    createRoute({
      getParentRoute,
      path: 'isms-activities/$id',
      validateSearch: createdSearch,
      component: pages.ActivityDetailPage,
    }),
    createRoute({ getParentRoute, path: 'isms-activities/$id/edit', component: pages.ActivityEditPage }),

    createRoute({
      getParentRoute,
      path: 'leadership-commitments',
      validateSearch: listSearch,
      component: CommitmentsPage,
    }),
    createRoute({
      getParentRoute,
      path: 'leadership-commitments/new',
      validateSearch: (s: Record<string, unknown>): { commitment?: string } => ({ commitment: str(s.commitment) }),
      component: pages.CommitmentNewPage,
    }),
    createRoute({
      getParentRoute,
      path: 'leadership-commitments/$id',
      validateSearch: createdSearch,
      component: pages.CommitmentDetailPage,
    }),
    createRoute({ getParentRoute, path: 'leadership-commitments/$id/edit', component: pages.CommitmentEditPage }),
  ] as const;
}
