import { createRoute, type AnyRoute } from '@tanstack/react-router';
import { ismsRiskRegister } from '../../schema/risks/isms-risk.register.js';
import { parseRegisterSearch } from '../register/register-search.js';
import { IsmsRiskDetailPage } from './isms-risk-detail-page.js';
import { IsmsRiskEditPage, IsmsRiskNewPage, PlanActionPage } from './isms-risk-form-pages.js';
import { IsmsRisksPage } from './isms-risks-page.js';

const str = (v: unknown) => (typeof v === 'string' && v ? v : undefined);

/** The pages of 6.1.1 under `/o/$org`: the register, a record, its form, and planning an action from it. */
export function ismsRiskRoutes<P extends AnyRoute>(orgRoute: P) {
  const getParentRoute = () => orgRoute;
  return [
    createRoute({ getParentRoute, path: 'isms-risks', validateSearch: (s: Record<string, unknown>) => parseRegisterSearch(ismsRiskRegister, s), component: IsmsRisksPage }),
    createRoute({
      getParentRoute,
      path: 'isms-risks/new',
      validateSearch: (s: Record<string, unknown>): { suggestion?: string; kind?: string; sourceIssueId?: string; sourceRequirementId?: string } => ({
        suggestion: str(s.suggestion),
        kind: str(s.kind),
        sourceIssueId: str(s.sourceIssueId),
        sourceRequirementId: str(s.sourceRequirementId),
      }),
      component: IsmsRiskNewPage,
    }),
    createRoute({ getParentRoute, path: 'isms-risks/$id', validateSearch: (s: Record<string, unknown>): { created?: string; planned?: string } => ({ created: str(s.created), planned: str(s.planned) }), component: IsmsRiskDetailPage }),
    createRoute({ getParentRoute, path: 'isms-risks/$id/edit', component: IsmsRiskEditPage }),
    createRoute({ getParentRoute, path: 'isms-risks/$id/plan-action', component: PlanActionPage }),
  ] as const;
}
