import { z } from 'zod';
import { noContentSchema } from '../../schema/common/responses.js';
import { createLink, deleteLink, listLinks } from '../../core/links/links.service.js';
import { linkCreateSchema, linkListSchema, linkSchema } from '../../schema/orgs/org.schema.js';
import { orgCtx } from '../plugins/authorize.js';
import type { App } from '../types.js';

const orgParams = z.object({ org: z.string() });

export async function linkRoutes(app: App) {
  app.get(
    '/api/v1/orgs/:org/links',
    {
      config: { permission: 'links.read' },
      schema: {
        tags: ['links'],
        summary: 'Links from and to one record',
        params: orgParams,
        querystring: z.strictObject({ type: z.string().min(1).max(40), id: z.uuid() }),
        response: { 200: linkListSchema },
      },
    },
    async (request) => listLinks(orgCtx(request), request.query.type, request.query.id),
  );
  app.post(
    '/api/v1/orgs/:org/links',
    {
      config: { permission: 'links.create' },
      schema: {
        tags: ['links'],
        summary: 'Link two records',
        params: orgParams,
        body: linkCreateSchema,
        response: { 201: linkSchema },
      },
    },
    async (request, reply) => reply.code(201).send(await createLink(orgCtx(request), request.body)),
  );
  app.delete(
    '/api/v1/orgs/:org/links/:id',
    {
      config: { permission: 'links.delete' },
      schema: {
        tags: ['links'],
        summary: 'Remove a link',
        params: z.object({ org: z.string(), id: z.uuid() }),
        response: { 204: noContentSchema },
      },
    },
    async (request, reply) => {
      await deleteLink(orgCtx(request), request.params.id);
      return reply.code(204).send(null);
    },
  );
}
