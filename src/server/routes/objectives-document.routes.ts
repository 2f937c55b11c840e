import { z } from 'zod';
import { compareObjectives } from '../../core/objectives/objectives-compare.service.js';
import {
  objectivesCompareQuerySchema,
  objectivesCompareSchema,
} from '../../schema/objectives/objectives-document.register.js';
import { orgCtx } from '../plugins/authorize.js';
import type { App } from '../types.js';

/** The objectives document beyond its register and version routes: compare two versions objective by objective. */
export async function objectivesDocumentRoutes(app: App) {
  app.get(
    '/api/v1/orgs/:org/objectives-documents/:id/compare',
    {
      config: { permission: 'objectives_document.read' },
      schema: {
        tags: ['objectives-documents'],
        summary:
          'Two versions of the objectives document objective by objective: added, removed, target, deadline, statement, other changes',
        params: z.object({ org: z.string(), id: z.uuid() }),
        querystring: objectivesCompareQuerySchema,
        response: { 200: objectivesCompareSchema },
      },
    },
    async (request) => compareObjectives(orgCtx(request), request.params.id, request.query.from, request.query.to),
  );
}
