import { z } from 'zod';
import {
  createAutomationAccount,
  issueAutomationToken,
  listAutomationAccounts,
} from '../../core/orgs/automation-accounts.service.js';
import { paginated, pageQuerySchema } from '../../schema/common/primitives.js';
import {
  automationAccountCreateSchema,
  automationAccountSchema,
  automationTokenCreateSchema,
  issuedTokenSchema,
} from '../../schema/orgs/automation.schema.js';
import { orgCtx } from '../plugins/authorize.js';
import type { App } from '../types.js';

const orgParams = z.object({ org: z.string() });

/**
 * Automation accounts: non-person members an admin creates with a role, which act only through API tokens an admin
 * issues for them (listed and revoked with everyone's under /tokens).
 */
export async function automationRoutes(app: App) {
  const base = '/api/v1/orgs/:org/automation-accounts';
  app.get(
    base,
    {
      config: { permission: 'members.read' },
      schema: {
        tags: ['members'],
        summary: 'Automation accounts of the organization, by name, with how many live tokens each has',
        params: orgParams,
        querystring: pageQuerySchema(),
        response: { 200: paginated(automationAccountSchema) },
      },
    },
    async (request) => listAutomationAccounts(orgCtx(request), request.query),
  );
  app.post(
    base,
    {
      config: { permission: 'members.manage' },
      schema: {
        tags: ['members'],
        summary: 'Create an automation account with a role (not admin); it has no password and never signs in',
        params: orgParams,
        body: automationAccountCreateSchema,
        response: { 201: automationAccountSchema },
      },
    },
    async (request, reply) => reply.code(201).send(await createAutomationAccount(orgCtx(request), request.body)),
  );
  app.post(
    `${base}/:userId/tokens`,
    {
      config: { permission: 'tokens.manageAll' },
      schema: {
        tags: ['tokens'],
        summary: 'Issue an API token for an automation account; the secret is returned once',
        description:
          'The token acts with the account’s role. The audit trail records the admin who issued it and names the account; it is listed under /tokens and revoked there.',
        params: z.object({ org: z.string(), userId: z.uuid() }),
        body: automationTokenCreateSchema,
        response: { 201: issuedTokenSchema },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await issueAutomationToken(orgCtx(request), request.params.userId, request.body)),
  );
}
