import { createRoute, type AnyRoute } from '@tanstack/react-router';
import { documentRegister } from '../../schema/documents/document.register.js';
import { parseRegisterSearch } from '../register/register-search.js';
import { parseDocumentSearch } from '../versioning/versioned-document-page.js';
import { DocumentEditPage } from './document-edit-page.js';
import { DocumentNewPage } from './document-new-page.js';
import { DocumentPage } from './document-page.js';
import { withClassificationNames } from './classification-names.js';
import { DocumentsPage, VIEWS } from './documents-page.js';

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
    createRoute({ getParentRoute, path: 'documents/$id', validateSearch: parseDocumentSearch, component: withClassificationNames(DocumentPage) }),
    createRoute({ getParentRoute, path: 'documents/$id/edit', component: withClassificationNames(DocumentEditPage) }),
  ] as const;
}
