import { z } from 'zod';
import { assetDependencies } from '../../core/risks/asset-dependencies.service.js';
import { addStartingCatalog } from '../../core/risks/threat-catalog.service.js';
import { assetDependenciesViewSchema } from '../../schema/risks/asset-dependencies.schema.js';
import { catalogStartingSetBodySchema, catalogStartingSetResultSchema } from '../../schema/risks/threat-catalog.js';
import { orgCtx } from '../plugins/authorize.js';
import type { App } from '../types.js';

const orgParams = z.object({ org: z.string() });

/**
 * Assets, threats and vulnerabilities beyond their registers (which get their routes from the registry): an asset's
 * dependencies from both ends, and loading the project's starting threat and vulnerability catalogs.
 */
export async function assetRoutes(app: App) {
  app.get(
    '/api/v1/orgs/:org/assets/:id/dependencies',
    {
      config: { permission: 'asset.read' },
      schema: {
        tags: ['assets'],
        summary:
          'What the asset supports and what it depends on (current dependencies, with the asset at the other end)',
        params: z.object({ org: z.string(), id: z.uuid() }),
        response: { 200: assetDependenciesViewSchema },
      },
    },
    async (request) => assetDependencies(orgCtx(request), request.params.id),
  );
  app.post(
    '/api/v1/orgs/:org/threat-catalog/starting-set',
    {
      config: { permission: 'threat.seed' },
      schema: {
        tags: ['threats'],
        summary:
          'Add the starting threat and vulnerability catalogs written by the project; adds only entries the organization never had',
        params: orgParams,
        body: catalogStartingSetBodySchema,
        response: { 200: catalogStartingSetResultSchema },
      },
    },
    async (request) => addStartingCatalog(orgCtx(request), request.body.parts),
  );
}
