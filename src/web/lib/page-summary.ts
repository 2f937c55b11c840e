import type { Query, QueryClient, QueryKey } from '@tanstack/react-query';

/**
 * Page summaries (issue 15): a page reads its first view in one request, then puts each part under the query key
 * of the hook that reads it on its own (the record, its links, its evidence…), so the cards render at once
 * without asking again. A part put there counts as just read for a few seconds: the cards mounting right after
 * do not refetch it (`refetchUnlessSeeded`, the app's default for every query). Anything a mutation invalidates
 * is read again as before, from its own route.
 */
const SEEDED_FRESH_MS = 10_000;
const seededAt = new WeakMap<Query, number>();

export function seedQuery(queryClient: QueryClient, queryKey: QueryKey, data: unknown) {
  if (data === undefined) return; // a part the caller may not read: its card asks (and is refused)
  queryClient.setQueryData(queryKey, data);
  const query = queryClient.getQueryCache().find({ queryKey, exact: true });
  if (query) seededAt.set(query, Date.now());
}

/** `refetchOnMount` for every query: as react-query does (refetch when stale), but not just after a summary filled it. */
export function refetchUnlessSeeded(query: Query): boolean {
  const at = seededAt.get(query);
  if (at === undefined) return true;
  const fresh = Date.now() - at < SEEDED_FRESH_MS && !query.state.isInvalidated && query.state.dataUpdatedAt <= at;
  if (!fresh) seededAt.delete(query);
  return !fresh;
}
