import { fileResponse } from '../../schema/register/register-responses.js';
import { z } from 'zod';
import { intParam, versionNoParam } from '../../schema/common/primitives.js';
import { compareAssessments, listEntries } from '../../core/risks/assessments.service.js';
import { closeAssessment } from '../../core/risks/assessment-close.service.js';
import { compareExportTable } from '../../core/risks/compare-export.js';
import { heatMap } from '../../core/risks/heat-map.service.js';
import { methodologyInForce } from '../../core/risks/methodology.service.js';
import { rescorePreview } from '../../core/risks/rescore.service.js';
import { getRescore, listRescores } from '../../core/risks/rescore-reports.js';
import { createRisk } from '../../core/risks/risk-create.service.js';
import { listSet, replaceSet, RISK_ASSETS, TRIGGER_RISKS } from '../../core/risks/risk-sets.service.js';
import { riskRegister } from '../../schema/risks/risk.register.js';
import { renderCsv } from '../../reports/table-csv.js';
import { renderXlsx } from '../../reports/table-xlsx.js';
import { STARTING_METHODOLOGIES } from '../../schema/risks/starting-methodologies.js';
import {
  closeAssessmentBodySchema,
  compareQuerySchema,
  heatMapQuerySchema,
  linkedListQuerySchema,
  linkedListSchema,
  riskAssetsBodySchema,
  riskCreateBodySchema,
  triggerRisksBodySchema,
} from '../../schema/risks/risks.schema.js';
import {
  assessmentEntriesSchema,
  closedAssessmentSchema,
  comparisonSchema,
  currentMethodologySchema,
  heatMapSchema,
  rescoreListSchema,
  rescorePreviewSchema,
  rescoreSchema,
  startingSetSchema,
} from '../../schema/risks/risks.responses.js';
import { orgCtx } from '../plugins/authorize.js';
import type { App } from '../types.js';

const orgParams = z.object({ org: z.string() });
const idParams = z.object({ org: z.string(), id: z.uuid() });
const versionParams = z.object({ org: z.string(), id: z.uuid(), no: versionNoParam() });
const pageQuery = z.strictObject({ page: intParam(1, 1_000_000).default(1), pageSize: intParam(1, 200).default(50) });
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * Risk assessment beyond the generic register routes: the methodology in force and its starting set, what a
 * methodology version does to the risks, the heat map, assets of a risk, assessment cycles and their comparison,
 * and the risks a reassessment trigger names.
 */
export async function riskRoutes(app: App) {
  const o = '/api/v1/orgs/:org';
  // Paths follow the collection's plural (docs/API.md, Naming); the singular ones came first and keep answering,
  // marked deprecated in the OpenAPI document.
  for (const [collection, deprecated] of [
    ['risk-methodologies', false],
    ['risk-methodology', true],
  ] as const) {
    const old = deprecated
      ? { deprecated: true, description: 'Deprecated: use the same path under /risk-methodologies.' }
      : {};
    app.get(
      `${o}/${collection}/starting-set`,
      {
        config: { permission: 'risk_methodology.read' },
        schema: {
          tags: ['risk-methodologies'],
          summary: 'The starting methodologies an organization can copy and adapt (5×5, 3×3, semi-quantitative)',
          params: orgParams,
          response: { 200: startingSetSchema },
          ...old,
        },
      },
      async () => ({
        methodologies: STARTING_METHODOLOGIES,
      }),
    );
    app.get(
      `${o}/${collection}/current`,
      {
        config: { permission: 'risk_methodology.read' },
        schema: {
          tags: ['risk-methodologies'],
          summary: 'The approved methodology in force (null until one is approved)',
          params: orgParams,
          response: { 200: currentMethodologySchema },
          ...old,
        },
      },
      async (request) => ({
        current: await methodologyInForce(orgCtx(request)),
      }),
    );
  }
  app.get(
    `${o}/risk-methodologies/:id/versions/:no/rescore-preview`,
    {
      config: { permission: 'risk_methodology.read' },
      schema: {
        tags: ['risk-methodologies'],
        summary:
          'What approving this version would do to every risk: level changes and acceptance crossings (nothing is written)',
        params: versionParams,
        response: { 200: rescorePreviewSchema },
      },
    },
    async (request) => rescorePreview(orgCtx(request), request.params.id, request.params.no),
  );
  app.get(
    `${o}/risk-rescores`,
    {
      config: { permission: 'risk.read' },
      schema: {
        tags: ['risks'],
        summary: 'Re-scorings done by methodology approvals, newest first',
        params: orgParams,
        querystring: pageQuery,
        response: { 200: rescoreListSchema },
      },
    },
    async (request) => listRescores(orgCtx(request), request.query),
  );
  app.get(
    `${o}/risk-rescores/:id`,
    {
      config: { permission: 'risk.read' },
      schema: {
        tags: ['risks'],
        summary: 'One re-scoring: every risk that moved, before and after',
        params: idParams,
        response: { 200: rescoreSchema },
      },
    },
    async (request) => getRescore(orgCtx(request), request.params.id),
  );
  app.get(
    `${o}/risks/heat-map`,
    {
      config: { permission: 'risk.read' },
      schema: {
        tags: ['risks'],
        summary: 'Open evaluated risks per likelihood × consequence cell of the methodology in force',
        params: orgParams,
        querystring: heatMapQuerySchema,
        response: { 200: heatMapSchema },
      },
    },
    async (request) => heatMap(orgCtx(request), request.query),
  );
  app.post(
    `${o}/risks`,
    {
      config: { permission: 'risk.create' },
      schema: {
        tags: ['risks'],
        summary: 'Create a risk, optionally with the assets it bears on (one transaction)',
        description:
          '`assetIds` (optional, at most 500) names current assets of the organization; they are linked in the same transaction and audited as `PUT …/risks/{id}/assets` is. An asset of another organization or an archived one refuses the whole request.',
        params: orgParams,
        body: riskCreateBodySchema,
        response: { 201: riskRegister.recordSchema },
      },
    },
    async (request, reply) => reply.code(201).send(await createRisk(orgCtx(request), request.body)),
  );
  app.get(
    `${o}/risks/:id/assets`,
    {
      config: { permission: 'risk.read' },
      schema: {
        tags: ['risks'],
        summary: 'The assets a risk bears on, by reference (the default page is the whole set)',
        params: idParams,
        querystring: linkedListQuerySchema,
        response: { 200: linkedListSchema },
      },
    },
    async (request) => listSet(orgCtx(request), RISK_ASSETS, request.params.id, request.query),
  );
  app.put(
    `${o}/risks/:id/assets`,
    {
      config: { permission: 'risk.update' },
      schema: {
        tags: ['risks'],
        summary: 'Replace the assets a risk bears on (audited with what was added and removed)',
        params: idParams,
        body: riskAssetsBodySchema,
        response: { 200: linkedListSchema },
      },
    },
    async (request) => replaceSet(orgCtx(request), RISK_ASSETS, request.params.id, request.body.assetIds),
  );
  app.post(
    `${o}/risk-assessments/:id/close`,
    {
      config: { permission: 'risk_assessment.close' },
      schema: {
        tags: ['risk-assessments'],
        summary: 'Close an assessment: freeze a snapshot of every current risk (immutable)',
        params: idParams,
        response: { 200: closedAssessmentSchema },
        body: closeAssessmentBodySchema,
      },
    },
    async (request) => closeAssessment(orgCtx(request), request.params.id, request.body.note),
  );
  app.get(
    `${o}/risk-assessments/:id/entries`,
    {
      config: { permission: 'risk_assessment.read' },
      schema: {
        tags: ['risk-assessments'],
        summary: 'The frozen results of a closed assessment, by priority',
        params: idParams,
        querystring: pageQuery,
        response: { 200: assessmentEntriesSchema },
      },
    },
    async (request) => listEntries(orgCtx(request), request.params.id, request.query.page, request.query.pageSize),
  );
  app.get(
    `${o}/risk-assessments/compare`,
    {
      config: { permission: 'risk_assessment.read' },
      schema: {
        tags: ['risk-assessments'],
        summary:
          'Compare two closed assessments (or one with the current register): new, removed, rose, fell, crossed the acceptance line',
        params: orgParams,
        querystring: compareQuerySchema,
        response: { 200: comparisonSchema },
      },
    },
    async (request) =>
      compareAssessments(orgCtx(request), request.query.from, request.query.to, request.query.changesOnly),
  );
  for (const format of ['csv', 'xlsx'] as const) {
    app.get(
      `${o}/risk-assessments/compare/export.${format}`,
      {
        config: { permission: 'risk_assessment.export' },
        schema: {
          tags: ['risk-assessments'],
          summary: `The comparison as ${format.toUpperCase()}`,
          params: orgParams,
          querystring: compareQuerySchema,
          response: {
            200: fileResponse(format === 'csv' ? 'text/csv' : XLSX, `The comparison as ${format.toUpperCase()}`),
          },
        },
      },
      async (request, reply) => {
        const ctx = orgCtx(request);
        const table = await compareExportTable(
          ctx,
          request.query.from,
          request.query.to,
          request.query.changesOnly,
          format,
        );
        if (format === 'csv')
          return reply
            .type('text/csv; charset=utf-8')
            .header('content-disposition', `attachment; filename="${table.filenameBase}.csv"`)
            .send(await renderCsv(table));
        const body = await renderXlsx(table, { organization: ctx.org.name, exportedBy: ctx.actor.label });
        return reply
          .type(XLSX)
          .header('content-disposition', `attachment; filename="${table.filenameBase}.xlsx"`)
          .send(body);
      },
    );
  }
  app.get(
    `${o}/reassessment-triggers/:id/risks`,
    {
      config: { permission: 'reassessment_trigger.read' },
      schema: {
        tags: ['reassessment-triggers'],
        summary: 'The risks a trigger calls to be reassessed, by reference (the default page is the whole set)',
        params: idParams,
        querystring: linkedListQuerySchema,
        response: { 200: linkedListSchema },
      },
    },
    async (request) => listSet(orgCtx(request), TRIGGER_RISKS, request.params.id, request.query),
  );
  app.put(
    `${o}/reassessment-triggers/:id/risks`,
    {
      config: { permission: 'reassessment_trigger.update' },
      schema: {
        tags: ['reassessment-triggers'],
        summary: 'Replace the risks a trigger names (audited); they show as due for reassessment until evaluated again',
        params: idParams,
        body: triggerRisksBodySchema,
        response: { 200: linkedListSchema },
      },
    },
    async (request) => replaceSet(orgCtx(request), TRIGGER_RISKS, request.params.id, request.body.riskIds),
  );
}
