import { createRoute, type AnyRoute, lazyRouteComponent } from '@tanstack/react-router';
import { ismsRiskRegister } from '../../schema/risks/isms-risk.register.js';
import { parseRegisterSearch } from '../register/register-search.js';

// Pages load with their route (one chunk each), so the first page does not wait for the whole app.
const IsmsRiskDetailPage = lazyRouteComponent(() => import('./isms-risk-detail-page.js'), 'IsmsRiskDetailPage');
const IsmsRiskEditPage = lazyRouteComponent(() => import('./isms-risk-form-pages.js'), 'IsmsRiskEditPage');
const IsmsRiskNewPage = lazyRouteComponent(() => import('./isms-risk-form-pages.js'), 'IsmsRiskNewPage');
const PlanActionPage = lazyRouteComponent(() => import('./isms-risk-form-pages.js'), 'PlanActionPage');
const IsmsRisksPage = lazyRouteComponent(() => import('./isms-risks-page.js'), 'IsmsRisksPage');

const str = (v: unknown) => (typeof v === 'string' && v ? v : undefined);

/** The pages of 6.1.1 under `/o/$org`: the register, a record, its form, and planning an action from it. */
export function ismsRiskRoutes<P extends AnyRoute>(orgRoute: P) {
  const getParentRoute = () => orgRoute;
  return [
    createRoute({
      getParentRoute,
      path: 'isms-risks',
      validateSearch: (s: Record<string, unknown>) => parseRegisterSearch(ismsRiskRegister, s),
      component: IsmsRisksPage,
    }),
    createRoute({
      getParentRoute,
      path: 'isms-risks/new',
      validateSearch: (
        s: Record<string, unknown>,
      ): { suggestion?: string; kind?: string; sourceIssueId?: string; sourceRequirementId?: string } => ({
        suggestion: str(s.suggestion),
        kind: str(s.kind),
        sourceIssueId: str(s.sourceIssueId),
        sourceRequirementId: str(s.sourceRequirementId),
      }),
      component: IsmsRiskNewPage,
    }),
    createRoute({
      getParentRoute,
      path: 'isms-risks/$id',
      validateSearch: (s: Record<string, unknown>): { created?: string; planned?: string } => ({
        created: str(s.created),
        planned: str(s.planned),
      }),
      component: IsmsRiskDetailPage,
    }),
    createRoute({ getParentRoute, path: 'isms-risks/$id/edit', component: IsmsRiskEditPage }),
    createRoute({ getParentRoute, path: 'isms-risks/$id/plan-action', component: PlanActionPage }),
  ] as const;
}
