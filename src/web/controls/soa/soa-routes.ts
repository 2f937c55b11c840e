import { createRoute, type AnyRoute } from '@tanstack/react-router';
import { parseDocumentSearch } from '../../versioning/versioned-document-page.js';
import { SoaPage } from './soa-page.js';

/** `/o/$org/soa`: the organization's one Statement of Applicability (no list: there is at most one). */
export function soaRoutes<P extends AnyRoute>(orgRoute: P) {
  return [createRoute({ getParentRoute: () => orgRoute, path: 'soa', validateSearch: parseDocumentSearch, component: SoaPage })] as const;
}
