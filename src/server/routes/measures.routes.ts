import { z } from 'zod';
import { listResults, pushResults, recordResult } from '../../core/measurement/measure-results.service.js';
import {
  MAX_BATCH_RESULTS,
  measureResultSchema,
  pushResultsAnswerSchema,
  pushResultsBodySchema,
  recordResultBodySchema,
  resultListQuerySchema,
  resultPageSchema,
} from '../../schema/measurement/measure-results.schema.js';
import { orgCtx } from '../plugins/authorize.js';
import type { App } from '../types.js';

const orgParams = z.object({ org: z.string() });
const idParams = z.object({ org: z.string(), id: z.uuid() });
const tags = ['measures'];
const m = '/api/v1/orgs/:org/measures/:id';
/** 10,000 results of about 150 bytes each, with room for notes. */
export const PUSH_BODY_LIMIT = 8 * 1024 * 1024;

/** Results of measures (27001 9.1): by hand and pushed by automation. The register's own routes come from the registry. */
export async function measureRoutes(app: App) {
  app.post(
    `${m}/results`,
    {
      config: { permission: 'measure_result.record' },
      schema: {
        tags,
        summary: 'Record a result by hand: the value, or the base values the formula derives it from, with evidence',
        description:
          "The period is the measure's period of `measuredOn` unless `periodKey` says otherwise. A period with a current result takes a correction that supersedes it (a `note` says why: 400 on `body.note` otherwise; the same value again changes nothing) until the period is evaluated (then 409 on `body.periodKey`). One transaction with its audit event; the measure's latest value and RAG move with it.",
        params: idParams,
        body: recordResultBodySchema,
        response: { 201: measureResultSchema },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await recordResult(orgCtx(request), request.params.id, request.body)),
  );
  app.get(
    `${m}/results`,
    {
      config: { permission: 'measure.read' },
      schema: {
        tags,
        summary: "A measure's results, newest period first (from/to: measured on, inclusive)",
        params: idParams,
        querystring: resultListQuerySchema,
        response: { 200: resultPageSchema },
      },
    },
    async (request) => listResults(orgCtx(request), request.params.id, request.query),
  );
  app.post(
    '/api/v1/orgs/:org/measure-results/batch',
    {
      bodyLimit: PUSH_BODY_LIMIT,
      config: { permission: 'measure_result.push' },
      schema: {
        tags,
        summary: `Push results from automation (up to ${MAX_BATCH_RESULTS.toLocaleString('en')}), all or nothing`,
        description:
          'Each result names its measure by reference (MSR-004) or id. One transaction: a bad row refuses the whole batch with 400 naming `body.results.<i>.<field>`; a period already evaluated, 409. Sending the value a period already has changes nothing (a retry is harmless); a different value supersedes it and needs a `note`.',
        params: orgParams,
        body: pushResultsBodySchema,
        response: { 200: pushResultsAnswerSchema },
      },
    },
    async (request) => pushResults(orgCtx(request), request.body.results),
  );
}
