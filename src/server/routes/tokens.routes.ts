import { z } from 'zod';
import { noContentSchema } from '../../schema/common/responses.js';
import { createToken, listTokens, revokeToken } from '../../core/auth/tokens.js';
import { paginated, pageQuerySchema } from '../../schema/common/primitives.js';
import { apiTokenSchema, createdTokenSchema, tokenCreateSchema } from '../../schema/orgs/org.schema.js';
import { orgCtx } from '../plugins/authorize.js';
import type { App } from '../types.js';

const orgParams = z.object({ org: z.string() });

export async function tokenRoutes(app: App) {
  app.get(
    '/api/v1/orgs/:org/tokens',
    {
      config: { permission: 'tokens.read' },
      schema: {
        tags: ['tokens'],
        summary: 'API tokens (yours; all for admins), newest first',
        params: orgParams,
        querystring: pageQuerySchema(),
        response: { 200: paginated(apiTokenSchema) },
      },
    },
    async (request) => listTokens(orgCtx(request), request.query),
  );
  app.post(
    '/api/v1/orgs/:org/tokens',
    {
      config: { permission: 'tokens.create' },
      schema: {
        tags: ['tokens'],
        summary: 'Create an API token; the secret is returned once',
        params: orgParams,
        body: tokenCreateSchema,
        response: { 201: createdTokenSchema },
      },
    },
    async (request, reply) => reply.code(201).send(await createToken(orgCtx(request), request.body)),
  );
  app.delete(
    '/api/v1/orgs/:org/tokens/:id',
    {
      config: { permission: 'tokens.create' },
      schema: {
        tags: ['tokens'],
        summary: 'Revoke an API token',
        params: z.object({ org: z.string(), id: z.uuid() }),
        response: { 204: noContentSchema },
      },
    },
    async (request, reply) => {
      await revokeToken(orgCtx(request), request.params.id);
      return reply.code(204).send(null);
    },
  );
}
