import { z } from 'zod';
import { noContentSchema } from '../../schema/common/responses.js';
import {
  objectiveMeasureBodySchema,
  objectiveMeasureLinkSchema,
  objectiveMeasureListSchema,
} from '../../schema/objectives/objective-progress.schema.js';
import { linkMeasure, listMeasures, unlinkMeasure } from '../../core/objectives/objective-decisions.service.js';
import { orgCtx } from '../plugins/authorize.js';
import type { App } from '../types.js';

const idParams = z.object({ org: z.string(), id: z.uuid() });
const tags = ['objectives'];
const o = '/api/v1/orgs/:org/objectives/:id';

/**
 * The measures an objective is measured by (`measured_by` links, written only here). Registered when the
 * installation has the measure register (issue 16's measures module): see app.ts.
 */
export async function objectiveMeasureRoutes(app: App) {
  app.get(
    `${o}/measures`,
    {
      config: { permission: 'objective.read' },
      schema: {
        tags,
        summary: 'The measures an objective is measured by (the first gives its value)',
        params: idParams,
        response: { 200: objectiveMeasureListSchema },
      },
    },
    async (request) => listMeasures(orgCtx(request), request.params.id),
  );
  app.post(
    `${o}/measures`,
    {
      config: { permission: 'objective.update' },
      schema: {
        tags,
        summary: 'Link a measure the objective takes its value from (a `measured_by` link)',
        description:
          'Only for an objective measured by measures (else 409 on `measurementMode`). A measure in another unit than the target is linked all the same; `unitWarning` says so.',
        params: idParams,
        body: objectiveMeasureBodySchema,
        response: { 201: objectiveMeasureLinkSchema },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await linkMeasure(orgCtx(request), request.params.id, request.body.measureId)),
  );
  app.delete(
    `${o}/measures/:measureId`,
    {
      config: { permission: 'objective.update' },
      schema: {
        tags,
        summary: 'Unlink a measure from an objective',
        description: 'An active objective measured by measures keeps at least one (409 on `measures`).',
        params: z.object({ org: z.string(), id: z.uuid(), measureId: z.uuid() }),
        response: { 204: noContentSchema },
      },
    },
    async (request, reply) => {
      await unlinkMeasure(orgCtx(request), request.params.id, request.params.measureId);
      return reply.code(204).send(null);
    },
  );
}
