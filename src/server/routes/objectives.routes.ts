import { z } from 'zod';
import {
  objectiveCommunicationBodySchema,
  objectiveCommunicationListSchema,
  objectiveCommunicationSchema,
} from '../../schema/objectives/objective-communication.schema.js';
import {
  objectiveCloseBodySchema,
  objectiveProgressBodySchema,
  objectiveProgressListSchema,
  objectiveProgressSchema,
  objectiveSeriesSchema,
} from '../../schema/objectives/objective-progress.schema.js';
import { objectiveRegister } from '../../schema/objectives/objective.register.js';
import { listCommunications, recordCommunication } from '../../core/objectives/objective-communications.service.js';
import { closeObjective } from '../../core/objectives/objective-decisions.service.js';
import { listProgress, progressSeries, recordProgress } from '../../core/objectives/objective-progress.service.js';
import { orgCtx } from '../plugins/authorize.js';
import type { App } from '../types.js';

const orgParams = z.object({ org: z.string() });
const idParams = z.object({ org: z.string(), id: z.uuid() });
const tags = ['objectives'];
const base = '/api/v1/orgs/:org/objectives';
const o = `${base}/:id`;

/** Objectives (27001 6.2) beyond the register's own routes: progress, communication, closing. */
export async function objectiveRoutes(app: App) {
  app.post(
    `${o}/progress`,
    {
      config: { permission: 'objective.progress' },
      schema: {
        tags,
        summary: 'Record a manual progress entry (date, value, note, evidence) of an objective measured manually',
        description:
          'Entries are never changed: a wrong one is corrected by a later entry whose note says so. The objective’s latest value and status are refreshed in the same transaction. Not measured manually: 409 on `measurementMode`; closed: 409 on `lifecycle`.',
        params: idParams,
        body: objectiveProgressBodySchema,
        response: { 201: objectiveProgressSchema },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await recordProgress(orgCtx(request), request.params.id, request.body)),
  );
  app.get(
    `${o}/progress`,
    {
      config: { permission: 'objective.read' },
      schema: {
        tags,
        summary: 'The manual progress entries of an objective, newest first',
        params: idParams,
        response: { 200: objectiveProgressListSchema },
      },
    },
    async (request) => listProgress(orgCtx(request), request.params.id),
  );
  app.get(
    `${o}/progress-series`,
    {
      config: { permission: 'objective.read' },
      schema: {
        tags,
        summary: 'The progress chart of an objective: its values oldest first with their status, target and deadline',
        description:
          'Values come from the manual entries or, measured by measures, from the first linked measure’s results.',
        params: idParams,
        response: { 200: objectiveSeriesSchema },
      },
    },
    async (request) => progressSeries(orgCtx(request), request.params.id),
  );
  app.post(
    `${o}/close`,
    {
      config: { permission: 'objective.close' },
      schema: {
        tags,
        summary: 'Close an objective as achieved, missed or withdrawn, with the note that says why',
        description:
          'A decision, not a reading of the status. `expectedVersion` is the version read (stale: 409 on `body.expectedVersion`); already closed: 409 on `lifecycle`.',
        params: idParams,
        body: objectiveCloseBodySchema,
        response: { 200: objectiveRegister.recordSchema },
      },
    },
    async (request) => closeObjective(orgCtx(request), request.params.id, request.body),
  );
  for (const scope of ['one', 'set'] as const) {
    const path = scope === 'one' ? `${o}/communications` : `${base}/communications`;
    const params = scope === 'one' ? idParams : orgParams;
    const what = scope === 'one' ? 'an objective' : 'the whole set of objectives';
    const id = (p: object) => ('id' in p && typeof p.id === 'string' ? p.id : null);
    app.post(
      path,
      {
        config: { permission: 'objective.communicate' },
        schema: {
          tags,
          summary: `Record that ${what} was communicated (6.2 d): when, how, to whom`,
          description:
            'To whom: organization roles, members, interested parties (4.2) and ISMS roles (5.3); every id is checked in the organization (the field names the one that is not).',
          params,
          body: objectiveCommunicationBodySchema,
          response: { 201: objectiveCommunicationSchema },
        },
      },
      async (request, reply) =>
        reply.code(201).send(await recordCommunication(orgCtx(request), id(request.params), request.body)),
    );
    app.get(
      path,
      {
        config: { permission: 'objective.read' },
        schema: {
          tags,
          summary: `How ${what} was communicated, newest first`,
          params,
          response: { 200: objectiveCommunicationListSchema },
        },
      },
      async (request) => listCommunications(orgCtx(request), id(request.params)),
    );
  }
}
