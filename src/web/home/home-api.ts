import { useQuery, useQueryClient } from '@tanstack/react-query';
import { homePageSchema } from '../../schema/pages/page-summaries.schema.js';
import { toReadKey } from '../documents/documents-api.js';
import { reviewsDueKey } from '../documents/reviews-due-card.js';
import { api, orgPath } from '../lib/api-client.js';
import { myInvitationsQuery } from '../lib/invitations.js';
import { seedQuery } from '../lib/page-summary.js';

/**
 * The home page in one request (GET …/home): the caller's action counts, and the parts its cards read put under
 * their keys (see lib/page-summary.ts). Read again whenever the home page opens (it is not kept fresh).
 */
export function useHomePage(org: string) {
  const queryClient = useQueryClient();
  return useQuery({
    queryKey: ['org', org, 'home'],
    queryFn: async ({ signal }) => {
      const page = await api.get(orgPath(org, '/home'), homePageSchema, { signal });
      // a part that is null the caller may not read: nothing is put there
      seedQuery(queryClient, toReadKey(org), page.toRead ?? undefined);
      seedQuery(queryClient, reviewsDueKey(org), page.reviewsDue ?? undefined);
      seedQuery(queryClient, myInvitationsQuery.queryKey, page.invitations);
      return page;
    },
  });
}
