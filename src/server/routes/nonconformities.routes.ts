import { z } from 'zod';
import {
  analysisLists,
  closeNonconformity,
  listReviews,
  recordAnalysis,
  recordCorrection,
  recordDecision,
  recordEffectivenessReview,
} from '../../core/improvement/nonconformity-steps.service.js';
import { similarNonconformities } from '../../core/improvement/nonconformity-similar.service.js';
import { nonconformityRegister } from '../../schema/improvement/nonconformity.register.js';
import {
  ncAnalysisBodySchema,
  ncAnalysisListsSchema,
  ncCloseBodySchema,
  ncCorrectionBodySchema,
  ncDecisionBodySchema,
  ncEffectivenessReviewBodySchema,
  ncReviewListSchema,
  ncSimilarListSchema,
} from '../../schema/improvement/nonconformity-steps.schema.js';
import { nonconformityTrends } from '../../core/improvement/nonconformity-trends.service.js';
import { ncTrendsQuerySchema, ncTrendsSchema } from '../../schema/improvement/nonconformity-trends.schema.js';
import { nonconformityHistory } from '../../core/improvement/nonconformity-history.js';
import { renderPdf } from '../../reports/document-pdf.js';
import { XLSX_TYPE } from '../../reports/table-parse.js';
import { renderXlsx } from '../../reports/table-xlsx.js';
import { fileResponse } from '../../schema/register/register-responses.js';
import { orgCtx } from '../plugins/authorize.js';
import type { App } from '../types.js';

const idParams = z.object({ org: z.string(), id: z.uuid() });
const tags = ['nonconformities'];
const o = '/api/v1/orgs/:org/nonconformities/:id';
const record = nonconformityRegister.recordSchema;
const stepNote =
  ' One transaction with its audit event; `expectedVersion` is the version read (stale: 409 on `body.expectedVersion`); a step out of turn: 409 on `status`.';

/** The steps of a nonconformity's handling (27001 10.2); the register's own routes come from the registry. */
export async function nonconformityRoutes(app: App) {
  app.get(
    '/api/v1/orgs/:org/nonconformities/trends',
    {
      config: { permission: 'nonconformity.read' },
      schema: {
        tags,
        summary:
          'Trends: found and closed per month or quarter, by source, by clause, by control, days to close (mean, median), repeats within 12 months',
        description:
          'Default range: the twelve months up to today; at most ten years. Archived nonconformities are left out.',
        params: z.object({ org: z.string() }),
        querystring: ncTrendsQuerySchema,
        response: { 200: ncTrendsSchema },
      },
    },
    async (request) => nonconformityTrends(orgCtx(request), request.query),
  );
  app.post(
    `${o}/correction`,
    {
      config: { permission: 'nonconformity.update' },
      schema: {
        tags,
        summary: 'Record the correction and the consequences dealt with (10.2 a): reported → corrected',
        description: stepNote,
        params: idParams,
        body: ncCorrectionBodySchema,
        response: { 200: record },
      },
    },
    async (request) => recordCorrection(orgCtx(request), request.params.id, request.body),
  );
  app.post(
    `${o}/decision`,
    {
      config: { permission: 'nonconformity.update' },
      schema: {
        tags,
        summary: 'Decide whether corrective action is needed, and by which criterion (10.2 b): corrected → decided',
        description: stepNote,
        params: idParams,
        body: ncDecisionBodySchema,
        response: { 200: record },
      },
    },
    async (request) => recordDecision(orgCtx(request), request.params.id, request.body),
  );
  app.post(
    `${o}/analysis`,
    {
      config: { permission: 'nonconformity.update' },
      schema: {
        tags,
        summary:
          'Record the cause analysis: what went wrong, cause category, five whys, root cause, patterns, similar nonconformities confirmed (10.2 b 1–3): decided → analysed',
        description: `${stepNote} Taken again on an analysed (or reopened) nonconformity, it replaces the analysis; the audit trail keeps the earlier one.`,
        params: idParams,
        body: ncAnalysisBodySchema,
        response: { 200: record },
      },
    },
    async (request) => recordAnalysis(orgCtx(request), request.params.id, request.body),
  );
  app.post(
    `${o}/effectiveness-review`,
    {
      config: { permission: 'nonconformity.update' },
      schema: {
        tags,
        summary:
          'Review the effectiveness of the corrective actions (10.2 d): actions_planned → verifying (effective) or back to analysed (not effective)',
        description: `${stepNote} The reviewer (\`reviewedBy\`, default: the caller) owns none of the nonconformity's actions (409 on \`body.reviewedBy\`), and every action is done or cancelled (409 on \`actions\`). The review is kept (GET …/reviews).`,
        params: idParams,
        body: ncEffectivenessReviewBodySchema,
        response: { 200: record },
      },
    },
    async (request) => recordEffectivenessReview(orgCtx(request), request.params.id, request.body),
  );
  app.post(
    `${o}/close`,
    {
      config: { permission: 'nonconformity.close' },
      schema: {
        tags,
        summary:
          'Close a nonconformity (ISMS manager): after an effective review, or when it was decided that no corrective action is needed',
        description: stepNote,
        params: idParams,
        body: ncCloseBodySchema,
        response: { 200: record },
      },
    },
    async (request) => closeNonconformity(orgCtx(request), request.params.id, request.body.expectedVersion),
  );
  app.get(
    `${o}/history.xlsx`,
    {
      config: { permission: 'nonconformity.export' },
      schema: {
        tags,
        summary:
          'The history of one nonconformity as an Excel workbook: its steps, actions, reviews and audit events (10.2)',
        params: idParams,
        response: { 200: fileResponse(XLSX_TYPE, 'The nonconformity history as an Excel workbook') },
      },
    },
    async (request, reply) => {
      const ctx = orgCtx(request);
      const { table } = await nonconformityHistory(ctx, request.params.id);
      const body = await renderXlsx(table, { organization: ctx.org.name, exportedBy: ctx.actor.label });
      return reply
        .type(XLSX_TYPE)
        .header('content-disposition', `attachment; filename="${table.filenameBase}.xlsx"`)
        .send(body);
    },
  );
  app.get(
    `${o}/history.pdf`,
    {
      config: { permission: 'nonconformity.export' },
      schema: {
        tags,
        summary: 'The history of one nonconformity as PDF: its steps, actions, reviews and audit events (10.2)',
        params: idParams,
        response: { 200: fileResponse('application/pdf', 'The nonconformity history as PDF') },
      },
    },
    async (request, reply) => {
      const { document } = await nonconformityHistory(orgCtx(request), request.params.id);
      const body = await renderPdf(document);
      return reply
        .type('application/pdf')
        .header('content-disposition', `attachment; filename="${document.filenameBase}.pdf"`)
        .send(body);
    },
  );
  app.get(
    `${o}/analysis`,
    {
      config: { permission: 'nonconformity.read' },
      schema: {
        tags,
        summary: 'The lists of the cause analysis: the five whys in order, and the similar nonconformities confirmed',
        params: idParams,
        response: { 200: ncAnalysisListsSchema },
      },
    },
    async (request) => analysisLists(orgCtx(request), request.params.id),
  );
  app.get(
    `${o}/reviews`,
    {
      config: { permission: 'nonconformity.read' },
      schema: {
        tags,
        summary: 'The effectiveness reviews of a nonconformity, oldest first (kept, never overwritten)',
        params: idParams,
        response: { 200: ncReviewListSchema },
      },
    },
    async (request) => listReviews(orgCtx(request), request.params.id),
  );
  app.get(
    `${o}/similar`,
    {
      config: { permission: 'nonconformity.read' },
      schema: {
        tags,
        summary:
          'Nonconformities proposed as similar (10.2 b 3): same 27001 requirement, same linked control or process; current or closed in the last 24 months',
        params: idParams,
        response: { 200: ncSimilarListSchema },
      },
    },
    async (request) => similarNonconformities(orgCtx(request), request.params.id),
  );
}
