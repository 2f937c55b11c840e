import { Navigate, getRouteApi } from '@tanstack/react-router';
import { reviewDecisionRegister } from '../../schema/management-review/management-review.register.js';
import { useRegisterRecord } from '../register/register-api.js';
import { QueryState } from '../ui/query-state.js';

const route = getRouteApi('/o/$org/management-review-decisions/$id');

/**
 * A decision's address (a record link, an action's "planned from"): decisions live in their review's Decisions
 * view, so this reads the decision and goes there.
 */
export function DecisionRedirectPage() {
  const { org, id } = route.useParams();
  const decision = useRegisterRecord(org, reviewDecisionRegister, id);
  const reviewId = decision.data?.reviewId;
  if (reviewId)
    return <Navigate to="/o/$org/management-reviews/$id/decisions" params={{ org, id: reviewId }} replace />;
  return (
    <section className="page">
      <QueryState query={decision}>{() => null}</QueryState>
    </section>
  );
}
