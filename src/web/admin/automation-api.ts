import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { paginated } from '../../schema/common/primitives.js';
import {
  automationAccountSchema,
  issuedTokenSchema,
  type AutomationAccountCreate,
} from '../../schema/orgs/automation.schema.js';
import { api, orgPath } from '../lib/api-client.js';

const accountPageSchema = paginated(automationAccountSchema);
const key = (org: string) => ['org', org, 'automation-accounts'];

/** The organization's automation accounts, by name (the default page holds 200: an organization has a handful). */
export function useAutomationAccounts(org: string) {
  return useQuery({
    queryKey: key(org),
    queryFn: ({ signal }) => api.get(orgPath(org, '/automation-accounts'), accountPageSchema, { signal }),
  });
}

export function useCreateAutomationAccount(org: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: AutomationAccountCreate) =>
      api.post(orgPath(org, '/automation-accounts'), body, automationAccountSchema),
    // the members list shows the account too
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['org', org] }),
  });
}

/** Issue a token for an account: the answer holds the secret, shown once. */
export function useIssueAutomationToken(org: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ userId, body }: { userId: string; body: { name: string; expiresAt?: string | undefined } }) =>
      api.post(orgPath(org, `/automation-accounts/${encodeURIComponent(userId)}/tokens`), body, issuedTokenSchema),
    // the account's count of active tokens and the tokens list change
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: key(org) });
      await queryClient.invalidateQueries({ queryKey: ['org', org, 'tokens'] });
    },
  });
}
