import { z } from 'zod';
import { listBuiltInMeasures, switchOnBuiltInMeasure } from '../../core/measurement/builtin/builtin-switch.service.js';
import { builtInCatalogSchema, builtInSwitchOnBodySchema } from '../../schema/measurement/measure-builtin.schema.js';
import { measureRegister } from '../../schema/measurement/measure.register.js';
import { orgCtx } from '../plugins/authorize.js';
import type { App } from '../types.js';

const tags = ['measures'];
const o = '/api/v1/orgs/:org/measures/built-in';
const params = z.object({ org: z.string() });

/**
 * Built-in measures (9.1): the catalog of what Rampart measures by itself, and switching one on. The key travels in
 * the body, not the path: it names a kind of measure, not a record of the organization.
 */
export async function measureBuiltInRoutes(app: App) {
  app.get(
    o,
    {
      config: { permission: 'measure.read' },
      schema: {
        tags,
        summary: 'The built-in measures, each with its defaults and the organization’s measure when switched on',
        params,
        response: { 200: builtInCatalogSchema },
      },
    },
    async (request) => listBuiltInMeasures(orgCtx(request)),
  );
  app.post(
    o,
    {
      config: { permission: 'measure.create' },
      schema: {
        tags,
        summary: 'Switch a built-in measure on: creates its measure (201), or answers the existing one (200)',
        description:
          'Idempotent: twenty calls at once make one measure. The sampler then records a result every period (`source: builtin`). A built-in whose measure was archived answers 409 on `body.key`.',
        params,
        body: builtInSwitchOnBodySchema,
        response: { 200: measureRegister.recordSchema, 201: measureRegister.recordSchema },
      },
    },
    async (request, reply) => {
      const { created, measure } = await switchOnBuiltInMeasure(orgCtx(request), request.body.key);
      return reply.code(created ? 201 : 200).send(measure);
    },
  );
}
