import { createRoute, type AnyRoute, lazyRouteComponent } from '@tanstack/react-router';
import { internalAuditRegister } from '../../../schema/internal-audit/internal-audit.register.js';
import { parseRegisterSearch } from '../../register/register-search.js';
import { parseDocumentSearch } from '../../versioning/versioned-document-page.js';

// Pages load with their route (one chunk each), so the first page does not wait for the whole app.
const AuditsPage = lazyRouteComponent(() => import('./audits-page.js'), 'AuditsPage');
const AuditNewPage = lazyRouteComponent(() => import('./audit-form-pages.js'), 'AuditNewPage');
const AuditEditPage = lazyRouteComponent(() => import('./audit-form-pages.js'), 'AuditEditPage');
const AuditPage = lazyRouteComponent(() => import('./audit-page.js'), 'AuditPage');
const ChecklistPage = lazyRouteComponent(() => import('./checklist-page.js'), 'ChecklistPage');
const FindingsPage = lazyRouteComponent(() => import('./findings-page.js'), 'FindingsPage');
const ReportPage = lazyRouteComponent(() => import('./report-page.js'), 'ReportPage');

const str = (v: unknown) => (typeof v === 'string' && v ? v : undefined);

/**
 * The internal audits (27001 9.2) under `/o/$org`: the register, a new or edited audit, the audit page with its
 * team and scope, and its checklist, findings and report as sub-views of their own.
 */
export function internalAuditRoutes<P extends AnyRoute>(orgRoute: P) {
  const getParentRoute = () => orgRoute;
  return [
    createRoute({
      getParentRoute,
      path: 'internal-audits',
      validateSearch: (s: Record<string, unknown>) => parseRegisterSearch(internalAuditRegister, s),
      component: AuditsPage,
    }),
    createRoute({
      getParentRoute,
      path: 'internal-audits/new',
      validateSearch: (s: Record<string, unknown>): { planned?: string } => ({ planned: str(s.planned) }),
      component: AuditNewPage,
    }),
    createRoute({
      getParentRoute,
      path: 'internal-audits/$id',
      validateSearch: (s: Record<string, unknown>): { created?: string } => ({ created: str(s.created) }),
      component: AuditPage,
    }),
    createRoute({ getParentRoute, path: 'internal-audits/$id/edit', component: AuditEditPage }),
    createRoute({
      getParentRoute,
      path: 'internal-audits/$id/checklist',
      validateSearch: (s: Record<string, unknown>): { page?: string; open?: string } => ({
        page: str(s.page),
        open: str(s.open),
      }),
      component: ChecklistPage,
    }),
    createRoute({ getParentRoute, path: 'internal-audits/$id/findings', component: FindingsPage }),
    createRoute({
      getParentRoute,
      path: 'internal-audits/$id/report',
      validateSearch: parseDocumentSearch,
      component: ReportPage,
    }),
  ] as const;
}
