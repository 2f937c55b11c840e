import { createRoute, type AnyRoute } from '@tanstack/react-router';
import { parseDocumentSearch } from '../../versioning/versioned-document-page.js';
import { RiskMethodologyPage } from './risk-methodology-page.js';

/** `/o/$org/risk-methodology`: the organization's one methodology (no list: there is at most one). */
export function riskMethodologyRoutes<P extends AnyRoute>(orgRoute: P) {
  return [createRoute({ getParentRoute: () => orgRoute, path: 'risk-methodology', validateSearch: parseDocumentSearch, component: RiskMethodologyPage })] as const;
}
