import { z } from 'zod';
import {
  evaluateImprovement,
  markImplemented,
  reviewImprovement,
  suggestImprovement,
} from '../../core/improvement/improvements.module.js';
import {
  improvementEvaluationBodySchema,
  improvementImplementedBodySchema,
  improvementRegister,
  improvementReviewBodySchema,
  improvementSuggestBodySchema,
} from '../../schema/improvement/improvement.register.js';
import { orgCtx } from '../plugins/authorize.js';
import type { App } from '../types.js';

const idParams = z.object({ org: z.string(), id: z.uuid() });
const tags = ['improvements'];
const o = '/api/v1/orgs/:org/improvements';
const record = improvementRegister.recordSchema;
const stepNote =
  ' One transaction with an `improvement.step_recorded` audit event; stale `expectedVersion`: 409 on `body.expectedVersion`; out of turn: 409 on `status`.';

/** Suggesting an improvement and the steps of its follow-up (27001 10.1); the register's routes come from the registry. */
export async function improvementRoutes(app: App) {
  app.post(
    `${o}/suggest`,
    {
      config: { permission: 'improvement.suggest' },
      schema: {
        tags,
        summary: 'Suggest an improvement: open to every member of the organization, viewers and auditors included',
        params: z.object({ org: z.string() }),
        body: improvementSuggestBodySchema,
        response: { 201: record },
      },
    },
    async (request, reply) => reply.code(201).send(await suggestImprovement(orgCtx(request), request.body)),
  );
  app.post(
    `${o}/:id/evaluation`,
    {
      config: { permission: 'improvement.update' },
      schema: {
        tags,
        summary: 'Evaluate a suggestion: suggested → evaluated (worth pursuing) or rejected',
        description: stepNote,
        params: idParams,
        body: improvementEvaluationBodySchema,
        response: { 200: record },
      },
    },
    async (request) => evaluateImprovement(orgCtx(request), request.params.id, request.body),
  );
  app.post(
    `${o}/:id/implemented`,
    {
      config: { permission: 'improvement.update' },
      schema: {
        tags,
        summary: 'Record the change made to the ISMS: planned → implemented',
        description: `${stepNote} An evaluated improvement becomes planned when its first action is planned (\`POST /actions\` with \`sourceType=improvement\`).`,
        params: idParams,
        body: improvementImplementedBodySchema,
        response: { 200: record },
      },
    },
    async (request) => markImplemented(orgCtx(request), request.params.id, request.body),
  );
  app.post(
    `${o}/:id/review`,
    {
      config: { permission: 'improvement.update' },
      schema: {
        tags,
        summary: 'Review the effectiveness of an implemented improvement: implemented → reviewed',
        description: stepNote,
        params: idParams,
        body: improvementReviewBodySchema,
        response: { 200: record },
      },
    },
    async (request) => reviewImprovement(orgCtx(request), request.params.id, request.body),
  );
}
