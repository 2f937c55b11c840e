import { createRoute, type AnyRoute, lazyRouteComponent } from '@tanstack/react-router';
import { riskRegister } from '../../schema/risks/risk.register.js';
import { reassessmentTriggerRegister, riskAssessmentRegister } from '../../schema/risks/risk-assessment.register.js';
import { parseRegisterSearch } from '../register/register-search.js';
import { parseDocumentSearch } from '../versioning/versioned-document-page.js';

// Pages load with their route (one chunk each), so the first page does not wait for the whole app.
const AssessmentComparePage = lazyRouteComponent(() => import('./assessment-compare-page.js'), 'AssessmentComparePage');
const AssessmentDetailPage = lazyRouteComponent(() => import('./assessment-pages.js'), 'AssessmentDetailPage');
const AssessmentEditPage = lazyRouteComponent(() => import('./assessment-pages.js'), 'AssessmentEditPage');
const AssessmentResultsPage = lazyRouteComponent(
  () => import('./results/assessment-results-page.js'),
  'AssessmentResultsPage',
);
const AssessmentNewPage = lazyRouteComponent(() => import('./assessment-pages.js'), 'AssessmentNewPage');
const AssessmentsPage = lazyRouteComponent(() => import('./assessment-pages.js'), 'AssessmentsPage');
const RescorePage = lazyRouteComponent(() => import('./rescore-pages.js'), 'RescorePage');
const RescoresPage = lazyRouteComponent(() => import('./rescore-pages.js'), 'RescoresPage');
const RiskDetailPage = lazyRouteComponent(() => import('./risk-detail-page.js'), 'RiskDetailPage');
const RiskPlanActionPage = lazyRouteComponent(() => import('./risk-plan-action-page.js'), 'RiskPlanActionPage');
const RiskEditPage = lazyRouteComponent(() => import('./risk-form-pages.js'), 'RiskEditPage');
const RiskNewPage = lazyRouteComponent(() => import('./risk-form-pages.js'), 'RiskNewPage');
const RiskRegisterPage = lazyRouteComponent(() => import('./risk-register-page.js'), 'RiskRegisterPage');
const TriggerDetailPage = lazyRouteComponent(() => import('./trigger-pages.js'), 'TriggerDetailPage');
const TriggerEditPage = lazyRouteComponent(() => import('./trigger-pages.js'), 'TriggerEditPage');
const TriggerNewPage = lazyRouteComponent(() => import('./trigger-pages.js'), 'TriggerNewPage');
const TriggersPage = lazyRouteComponent(() => import('./trigger-pages.js'), 'TriggersPage');

const str = (v: unknown) => (typeof v === 'string' && v ? v : undefined);
const createdSearch = (s: Record<string, unknown>): { created?: string } => ({ created: str(s.created) });

/**
 * The pages of risk assessment under `/o/$org` (6.1.2, 8.2): the register with its heat map, a risk, the
 * re-scoring reports, assessment cycles and their comparison, reassessment triggers. The methodology has its own.
 */
export function riskRoutes<P extends AnyRoute>(orgRoute: P) {
  const getParentRoute = () => orgRoute;
  return [
    createRoute({
      getParentRoute,
      path: 'risks',
      validateSearch: (s: Record<string, unknown>) => parseRegisterSearch(riskRegister, s),
      component: RiskRegisterPage,
    }),
    createRoute({
      getParentRoute,
      path: 'risks/new',
      validateSearch: (s: Record<string, unknown>): { approach?: string } => ({ approach: str(s.approach) }),
      component: RiskNewPage,
    }),
    createRoute({ getParentRoute, path: 'risks/rescores', component: RescoresPage }),
    createRoute({ getParentRoute, path: 'risks/rescores/$id', component: RescorePage }),
    createRoute({ getParentRoute, path: 'risks/$id', validateSearch: createdSearch, component: RiskDetailPage }),
    createRoute({ getParentRoute, path: 'risks/$id/edit', component: RiskEditPage }),
    createRoute({ getParentRoute, path: 'risks/$id/plan-action', component: RiskPlanActionPage }),

    createRoute({
      getParentRoute,
      path: 'risk-assessments',
      validateSearch: (s: Record<string, unknown>) => parseRegisterSearch(riskAssessmentRegister, s),
      component: AssessmentsPage,
    }),
    createRoute({ getParentRoute, path: 'risk-assessments/new', component: AssessmentNewPage }),
    createRoute({
      getParentRoute,
      path: 'risk-assessments/compare',
      validateSearch: (s: Record<string, unknown>): { from?: string; to?: string; changesOnly?: string } => ({
        from: str(s.from),
        to: str(s.to),
        changesOnly: str(s.changesOnly),
      }),
      component: AssessmentComparePage,
    }),
    createRoute({
      getParentRoute,
      path: 'risk-assessments/$id',
      validateSearch: createdSearch,
      component: AssessmentDetailPage,
    }),
    createRoute({ getParentRoute, path: 'risk-assessments/$id/edit', component: AssessmentEditPage }),
    createRoute({
      getParentRoute,
      path: 'risk-assessments/$id/results',
      validateSearch: parseDocumentSearch,
      component: AssessmentResultsPage,
    }),

    createRoute({
      getParentRoute,
      path: 'reassessment-triggers',
      validateSearch: (s: Record<string, unknown>) => parseRegisterSearch(reassessmentTriggerRegister, s),
      component: TriggersPage,
    }),
    createRoute({ getParentRoute, path: 'reassessment-triggers/new', component: TriggerNewPage }),
    createRoute({
      getParentRoute,
      path: 'reassessment-triggers/$id',
      validateSearch: createdSearch,
      component: TriggerDetailPage,
    }),
    createRoute({ getParentRoute, path: 'reassessment-triggers/$id/edit', component: TriggerEditPage }),
  ] as const;
}
