import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { InvitationCreated, MyInvitation } from '../../schema/orgs/invitation.schema.js';
import {
  invitationCreatedSchema,
  invitationDecisionSchema,
  invitationListSchema,
  myInvitationListSchema,
} from '../../schema/orgs/invitation.schema.js';
import { api, orgPath } from './api-client.js';
import { sessionQuery } from './session.js';

export const myInvitationsQuery = queryOptions({
  queryKey: ['invitations', 'mine'],
  queryFn: () => api.get('/api/v1/invitations', myInvitationListSchema),
  staleTime: 30_000,
});

export const useMyInvitations = () => useQuery(myInvitationsQuery);

/** Accept or decline; on accepting, the session (its list of organizations) is read again. */
export function useDecideInvitation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ invitation, decision }: { invitation: MyInvitation; decision: 'accept' | 'decline' }) =>
      api.post(`/api/v1/invitations/${encodeURIComponent(invitation.id)}/${decision}`, {}, invitationDecisionSchema),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: myInvitationsQuery.queryKey });
      await queryClient.invalidateQueries({ queryKey: sessionQuery.queryKey });
    },
  });
}

export function orgInvitationsQuery(org: string) {
  return queryOptions({
    queryKey: ['org', org, 'invitations'],
    queryFn: () => api.get(orgPath(org, '/invitations'), invitationListSchema),
    staleTime: 30_000,
  });
}

export async function createInvitation(org: string, body: { email: string; role: string }): Promise<InvitationCreated> {
  return api.post(orgPath(org, '/members'), body, invitationCreatedSchema);
}

/** The link a new person opens: the secret rides in the fragment, which browsers never send to the server. */
export const invitationLink = (token: string) => `${window.location.origin}/invite#${token}`;
