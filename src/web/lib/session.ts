import { queryOptions, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { api, isApiError, orgPath, setCsrfToken } from './api-client.js';
import { noAnswerSchema } from '../../schema/common/responses.js';
import { orgDetailSchema, sessionSchema, setupStatusSchema, type Session } from '../../schema/orgs/session.schema.js';

export const setupQuery = queryOptions({
  queryKey: ['setup'],
  queryFn: () => api.get('/api/v1/setup', setupStatusSchema, { allowUnauthenticated: true }),
  staleTime: 60_000,
});

/** The session, or null when signed out. */
export const sessionQuery = queryOptions({
  queryKey: ['session'],
  queryFn: async (): Promise<Session | null> => {
    try {
      const s = await api.get('/api/v1/auth/session', sessionSchema, { allowUnauthenticated: true });
      setCsrfToken(s.csrfToken ?? undefined);
      return s;
    } catch (e) {
      if (isApiError(e) && e.status === 401) {
        setCsrfToken(undefined);
        return null;
      }
      throw e;
    }
  },
  staleTime: 30_000,
});

/** After login or setup: the answer is a session; keep its CSRF token and seed the cache. */
export function acceptSession(queryClient: QueryClient, session: Session): void {
  // Whatever was cached belonged to the previous session (possibly another user): start clean.
  queryClient.clear();
  setCsrfToken(session.csrfToken ?? undefined);
  queryClient.setQueryData(sessionQuery.queryKey, session);
  queryClient.setQueryData(setupQuery.queryKey, { needed: false });
}

export function useSession(): Session | null | undefined {
  return useQuery(sessionQuery).data;
}

export function orgQuery(slug: string) {
  return queryOptions({
    queryKey: ['org', slug],
    queryFn: () => api.get(orgPath(slug), orgDetailSchema),
    staleTime: 30_000,
  });
}

export function useOrg(slug: string) {
  return useQuery(orgQuery(slug));
}

/** Whether the signed-in member may do `permission` (e.g. `action.create`) in this organization. */
export function useCan(slug: string): (permission: string) => boolean {
  const org = useOrg(slug).data;
  return (permission) => org?.permissions.includes(permission) ?? false;
}

export function useSignOut() {
  const queryClient = useQueryClient();
  return async () => {
    try {
      await api.post('/api/v1/auth/logout', undefined, noAnswerSchema, { allowUnauthenticated: true });
    } finally {
      setCsrfToken(undefined);
      queryClient.clear();
      queryClient.setQueryData(sessionQuery.queryKey, null);
    }
  };
}
