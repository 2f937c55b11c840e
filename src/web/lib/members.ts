import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, orgPath } from './api-client.js';
import { paginated } from '../../schema/common/primitives.js';
import { memberSchema } from '../../schema/orgs/org.schema.js';

const memberPageSchema = paginated(memberSchema);

export function membersQuery(org: string) {
  return queryOptions({
    queryKey: ['org', org, 'members'],
    queryFn: () => api.get(orgPath(org, '/members'), memberPageSchema),
    staleTime: 30_000,
  });
}

export function useMembers(org: string) {
  return useQuery(membersQuery(org));
}

/** user id → display name, for member fields in tables and details. */
export function useMemberNames(org: string): Map<string, string> {
  const items = useMembers(org).data?.items;
  const map = new Map<string, string>();
  for (const m of items ?? []) map.set(m.userId, m.name || m.email);
  return map;
}
