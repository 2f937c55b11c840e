import type { ReactNode } from 'react';
import { ErrorMessage, Loading } from '../components/status.js';

/** What QueryState reads of a TanStack Query result (any `useQuery` result fits, as does a combination of several). */
export interface QueryLike<T> {
  isPending: boolean;
  isError: boolean;
  error: unknown;
  data: T | undefined;
  refetch: () => unknown;
}

interface Props<T> {
  query: QueryLike<T>;
  children: (data: T) => ReactNode;
  /** said while loading (default: the catalog's "Loading…") */
  loadingLabel?: string;
  /**
   * What to say when there is nothing yet: a sentence (shown small) or a whole explanation (shown in the empty-state
   * box). Without it an empty answer renders the children like any other.
   */
  empty?: ReactNode;
  /** the way forward when empty (e.g. a "Add the first…" link), under the message */
  emptyAction?: ReactNode;
  /** whether the answer counts as empty; default: an empty array, or an `items` array that is empty */
  isEmpty?: (data: T) => boolean;
}

function looksEmpty(data: unknown): boolean {
  if (Array.isArray(data)) return data.length === 0;
  if (data && typeof data === 'object' && 'items' in data && Array.isArray(data.items)) return data.items.length === 0;
  return false;
}

/**
 * One query's states the same way on every page: loading (a polite status), error (the problem in words from the
 * catalog, with a retry), empty (what to do next), else the children with the data.
 */
export function QueryState<T>({ query, children, loadingLabel, empty, emptyAction, isEmpty }: Props<T>) {
  if (query.isPending) return <Loading label={loadingLabel} />;
  if (query.isError || query.data === undefined)
    return <ErrorMessage error={query.error} onRetry={() => void query.refetch()} />;
  const data = query.data;
  if (empty !== undefined && (isEmpty ?? looksEmpty)(data)) {
    if (typeof empty === 'string' && !emptyAction)
      return (
        <p className="empty-state empty-state--small" role="status">
          {empty}
        </p>
      );
    return (
      <div className="empty-state">
        {typeof empty === 'string' ? <p>{empty}</p> : empty}
        {emptyAction ? <p className="empty-state__action">{emptyAction}</p> : null}
      </div>
    );
  }
  return <>{children(data)}</>;
}
