import { createRoute, type AnyRoute, lazyRouteComponent } from '@tanstack/react-router';
import { documentRegister } from '../../schema/documents/document.register.js';
import { parseRegisterSearch } from '../register/register-search.js';
import { parseDocumentSearch } from '../versioning/versioned-document-page.js';
import { withClassificationNames } from './classification-names.js';
import { DocumentsPage, VIEWS } from './documents-page.js';

// Pages load with their route (one chunk each), so the first page does not wait for the whole app.
const DocumentEditPage = lazyRouteComponent(() => import('./document-edit-page.js'), 'DocumentEditPage');
const DocumentNewPage = lazyRouteComponent(() => import('./document-new-page.js'), 'DocumentNewPage');
const DocumentPage = lazyRouteComponent(() => import('./document-page.js'), 'DocumentPage');

/** Documented information and policies (5.2, 7.5) under `/o/$org`: the register and hierarchy, new, a document. */
export function documentRoutes<P extends AnyRoute>(orgRoute: P) {
  const getParentRoute = () => orgRoute;
  return [
    createRoute({
      getParentRoute,
      path: 'documents',
      validateSearch: (s: Record<string, unknown>): Record<string, string | undefined> => ({
        ...parseRegisterSearch(documentRegister, s),
        view: typeof s.view === 'string' && (VIEWS as readonly string[]).includes(s.view) ? s.view : undefined,
      }),
      component: withClassificationNames(DocumentsPage),
    }),
    createRoute({ getParentRoute, path: 'documents/new', component: withClassificationNames(DocumentNewPage) }),
    createRoute({
      getParentRoute,
      path: 'documents/$id',
      validateSearch: parseDocumentSearch,
      component: withClassificationNames(DocumentPage),
    }),
    createRoute({ getParentRoute, path: 'documents/$id/edit', component: withClassificationNames(DocumentEditPage) }),
  ] as const;
}
