import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from '@tanstack/react-router';
import { I18nProvider } from './i18n/i18n.js';
import { isApiError, setUnauthenticatedHandler } from './lib/api-client.js';
import { refetchUnlessSeeded } from './lib/page-summary.js';
import { sessionQuery } from './lib/session.js';
import { createAppRouter } from './router.js';
import './styles/app.css';

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // Client errors (4xx) will not fix themselves: do not retry them.
      retry: (count, error) => !(isApiError(error) && error.status >= 400 && error.status < 500) && count < 2,
      refetchOnWindowFocus: false,
      // what a page summary just filled is not asked for again by the cards mounting under it
      refetchOnMount: refetchUnlessSeeded,
    },
  },
  queryCache: new QueryCache(),
  mutationCache: new MutationCache(),
});

const router = createAppRouter(queryClient);

// Any 401 (session expired or revoked): forget the session and go to sign-in, coming back here afterwards.
setUnauthenticatedHandler(() => {
  queryClient.setQueryData(sessionQuery.queryKey, null);
  const here = router.state.location.href;
  if (router.state.location.pathname === '/sign-in') return;
  void router.navigate({ to: '/sign-in', search: { redirect: here, reason: 'expired' } });
});

const root = document.getElementById('root');
if (!root) throw new Error('#root missing from index.html');

createRoot(root).render(
  <StrictMode>
    <I18nProvider>
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </I18nProvider>
  </StrictMode>,
);
