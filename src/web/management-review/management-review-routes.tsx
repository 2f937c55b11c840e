import { createRoute, type AnyRoute, lazyRouteComponent } from '@tanstack/react-router';
import { managementReviewRegister } from '../../schema/management-review/management-review.register.js';
import { partyFeedbackRegister } from '../../schema/management-review/party-feedback.register.js';
import { parseRegisterSearch } from '../register/register-search.js';
import { parseDocumentSearch } from '../versioning/versioned-document-page.js';

// Pages load with their route (one chunk each), so the first page does not wait for the whole app.
const ReviewsPage = lazyRouteComponent(() => import('./review-pages.js'), 'ReviewsPage');
const ReviewNewPage = lazyRouteComponent(() => import('./review-pages.js'), 'ReviewNewPage');
const ReviewEditPage = lazyRouteComponent(() => import('./review-pages.js'), 'ReviewEditPage');
const ReviewOverviewPage = lazyRouteComponent(() => import('./review-pages.js'), 'ReviewOverviewPage');
const InputsPage = lazyRouteComponent(() => import('./inputs-page.js'), 'InputsPage');
const DecisionsPage = lazyRouteComponent(() => import('./decisions-page.js'), 'DecisionsPage');
const MinutesPage = lazyRouteComponent(() => import('./minutes-page.js'), 'MinutesPage');
const DecisionRedirectPage = lazyRouteComponent(() => import('./decision-redirect-page.js'), 'DecisionRedirectPage');
const FeedbackPage = lazyRouteComponent(() => import('./party-feedback-pages.js'), 'PartyFeedbackPage');
const FeedbackNewPage = lazyRouteComponent(() => import('./party-feedback-pages.js'), 'PartyFeedbackNewPage');
const FeedbackEditPage = lazyRouteComponent(() => import('./party-feedback-pages.js'), 'PartyFeedbackEditPage');
const FeedbackDetailPage = lazyRouteComponent(() => import('./party-feedback-pages.js'), 'PartyFeedbackDetailPage');

const str = (v: unknown) => (typeof v === 'string' && v ? v : undefined);
const created = (s: Record<string, unknown>): { created?: string } => ({ created: str(s.created) });

/**
 * The management review (27001 9.3) under `/o/$org`: the reviews with the schedule, a review's overview (fields
 * and attendance), inputs a–g, decisions and minutes as views of their own; the parties' feedback (input e).
 */
export function managementReviewRoutes<P extends AnyRoute>(orgRoute: P) {
  const getParentRoute = () => orgRoute;
  return [
    createRoute({
      getParentRoute,
      path: 'management-reviews',
      validateSearch: (s: Record<string, unknown>) => parseRegisterSearch(managementReviewRegister, s),
      component: ReviewsPage,
    }),
    createRoute({ getParentRoute, path: 'management-reviews/new', component: ReviewNewPage }),
    createRoute({
      getParentRoute,
      path: 'management-reviews/$id',
      validateSearch: created,
      component: ReviewOverviewPage,
    }),
    createRoute({ getParentRoute, path: 'management-reviews/$id/edit', component: ReviewEditPage }),
    createRoute({ getParentRoute, path: 'management-reviews/$id/inputs', component: InputsPage }),
    createRoute({ getParentRoute, path: 'management-reviews/$id/decisions', component: DecisionsPage }),
    createRoute({
      getParentRoute,
      path: 'management-reviews/$id/minutes',
      validateSearch: parseDocumentSearch,
      component: MinutesPage,
    }),
    createRoute({ getParentRoute, path: 'management-review-decisions/$id', component: DecisionRedirectPage }),
    createRoute({
      getParentRoute,
      path: 'party-feedback',
      validateSearch: (s: Record<string, unknown>) => parseRegisterSearch(partyFeedbackRegister, s),
      component: FeedbackPage,
    }),
    createRoute({ getParentRoute, path: 'party-feedback/new', component: FeedbackNewPage }),
    createRoute({ getParentRoute, path: 'party-feedback/$id', validateSearch: created, component: FeedbackDetailPage }),
    createRoute({ getParentRoute, path: 'party-feedback/$id/edit', component: FeedbackEditPage }),
  ] as const;
}
