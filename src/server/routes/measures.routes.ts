import { z } from 'zod';
import { listResults, pushResults, recordResult } from '../../core/measurement/measure-results.service.js';
import {
  listEvaluations,
  raiseFromEvaluation,
  recordEvaluation,
} from '../../core/measurement/measure-evaluations.service.js';
import {
  evaluationBodySchema,
  evaluationListSchema,
  measureEvaluationSchema,
  raisedFromEvaluationSchema,
  raiseFromEvaluationBodySchema,
  MAX_BATCH_RESULTS,
  measureResultSchema,
  pushResultsAnswerSchema,
  importResultsAnswerSchema,
  pushResultsBodySchema,
  recordResultBodySchema,
  resultListQuerySchema,
  resultPageSchema,
} from '../../schema/measurement/measure-results.schema.js';
import { measureDashboard } from '../../core/measurement/measure-dashboard.service.js';
import { dashboardQuerySchema, dashboardSchema } from '../../schema/measurement/measure-dashboard.schema.js';
import { resultsExportTable } from '../../core/measurement/measure-results-export.js';
import { readTable, XLSX_TYPE } from '../../reports/table-read.js';
import { importResults } from '../../core/measurement/measure-results-import.js';
import { ValidationError } from '../../core/errors.js';
import { queryBoolean } from '../../schema/register/define-register.js';
import { renderXlsx } from '../../reports/table-xlsx.js';
import { isoDateSchema } from '../../schema/common/primitives.js';
import { fileResponse } from '../../schema/register/register-responses.js';
import { orgCtx } from '../plugins/authorize.js';
import type { App } from '../types.js';

const orgParams = z.object({ org: z.string() });
const idParams = z.object({ org: z.string(), id: z.uuid() });
const tags = ['measures'];
const m = '/api/v1/orgs/:org/measures/:id';
/** 10,000 results of about 150 bytes each, with room for notes. */
export const PUSH_BODY_LIMIT = 8 * 1024 * 1024;
const IMPORT_BODY_LIMIT = 10 * 1024 * 1024;

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
  app.post(
    `${m}/evaluations`,
    {
      config: { permission: 'measure.evaluate' },
      schema: {
        tags,
        summary: 'Evaluate an analysis period (9.1 e): RAG, what the results mean, the actions decided',
        description:
          "`periodKey` is a period of the measure's analysis frequency (default: its measurement frequency). The current results of the measurement periods starting within it become immutable (a later correction: 409). One evaluation per period (409 on `body.periodKey`); a period not yet begun: 400.",
        params: idParams,
        body: evaluationBodySchema,
        response: { 201: measureEvaluationSchema },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await recordEvaluation(orgCtx(request), request.params.id, request.body)),
  );
  app.get(
    `${m}/evaluations`,
    {
      config: { permission: 'measure.read' },
      schema: {
        tags,
        summary: "A measure's evaluations, newest period first",
        params: idParams,
        response: { 200: evaluationListSchema },
      },
    },
    async (request) => listEvaluations(orgCtx(request), request.params.id),
  );
  app.post(
    `${m}/evaluations/:evaluationId/raise`,
    {
      config: { permission: 'nonconformity.create' },
      schema: {
        tags,
        summary: 'Raise a nonconformity (source measurement, 9.1) from a red evaluation, once',
        description: 'An evaluation not red: 409 on `rag`; already raised: 409 on `nonconformityId`.',
        params: z.object({ org: z.string(), id: z.uuid(), evaluationId: z.uuid() }),
        body: raiseFromEvaluationBodySchema,
        response: { 201: raisedFromEvaluationSchema },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await raiseFromEvaluation(orgCtx(request), request.params.id, request.params.evaluationId, request.body)),
  );
  app.get(
    '/api/v1/orgs/:org/measures/dashboard',
    {
      config: { permission: 'measure.read' },
      schema: {
        tags,
        summary: 'Dashboard: every active measure with its latest value and RAG, and its last periods (≤ 60)',
        description:
          'Filters: `kind`, `rag` (the latest RAG), `objectiveId` (measures informing the objective, either link direction); `from`/`to` bound the series by date measured. A fixed number of queries whatever the number of measures and results.',
        params: orgParams,
        querystring: dashboardQuerySchema,
        response: { 200: dashboardSchema },
      },
    },
    async (request) => measureDashboard(orgCtx(request), request.query),
  );
  app.get(
    '/api/v1/orgs/:org/measures/results.xlsx',
    {
      config: { permission: 'measure.export' },
      schema: {
        tags,
        summary:
          'Every current result measured within from/to as XLSX, one row per result (9.1 evidence of the results)',
        description: 'At most 100,000 rows: more answers 400 on `query.from` (narrow the dates).',
        params: orgParams,
        querystring: z.strictObject({ from: isoDateSchema.optional(), to: isoDateSchema.optional() }),
        response: { 200: fileResponse(XLSX_TYPE, 'The results as XLSX') },
      },
    },
    async (request, reply) => {
      const ctx = orgCtx(request);
      const table = await resultsExportTable(ctx, request.query);
      const body = await renderXlsx(table, { organization: ctx.org.name, exportedBy: ctx.actor.label });
      return reply
        .type(XLSX_TYPE)
        .header('content-disposition', `attachment; filename="${table.filenameBase}.xlsx"`)
        .send(body);
    },
  );

  // Imports arrive as the file itself (text/csv or .xlsx), parsed in the worker pool like register imports.
  for (const type of ['text/csv', XLSX_TYPE])
    app.addContentTypeParser(type, { parseAs: 'buffer', bodyLimit: IMPORT_BODY_LIMIT }, (_req, body, done) =>
      done(null, body),
    );
  app.post(
    '/api/v1/orgs/:org/measure-results/import',
    {
      bodyLimit: IMPORT_BODY_LIMIT,
      config: { permission: 'measure_result.import' },
      schema: {
        tags,
        summary: 'Import results from CSV or XLSX (dryRun=true checks and writes nothing), all or nothing',
        description:
          'Columns by header: `Measure` (reference or id), `Measured on`, `Value`, `Period` (optional), `Note`; any other column is a base value named by its header. Up to 10,000 rows, stored like a push (source `import`); errors name `rows[<line>].<field>` or `header.<column>`.',
        params: orgParams,
        querystring: z.strictObject({ dryRun: queryBoolean.default(true) }),
        response: { 200: importResultsAnswerSchema },
      },
    },
    async (request) => {
      if (!Buffer.isBuffer(request.body))
        throw new ValidationError([
          { field: 'body', message: `Send the file itself with content-type text/csv or ${XLSX_TYPE}` },
        ]);
      const table = await readTable(request.body, request.headers['content-type'] ?? '');
      return importResults(orgCtx(request), table, { dryRun: request.query.dryRun });
    },
  );
}
