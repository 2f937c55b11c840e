import { z } from 'zod';
import { getProcessMap } from '../../core/leadership/process-map.service.js';
import { raciExportTable } from '../../core/leadership/raci-export.js';
import { getRaciMatrix, setRaciCell } from '../../core/leadership/raci.service.js';
import { addStartingSet } from '../../core/leadership/starting-set.service.js';
import { renderCsv } from '../../reports/table-csv.js';
import { renderXlsx } from '../../reports/table-xlsx.js';
import { processMapSchema } from '../../schema/leadership/process-map.schema.js';
import {
  raciCellBodySchema,
  raciCellParamsSchema,
  raciCellSchema,
  raciMatrixSchema,
  startingSetBodySchema,
  startingSetResultSchema,
} from '../../schema/leadership/raci.schema.js';
import { orgCtx } from '../plugins/authorize.js';
import { fileResponse } from '../../schema/register/register-responses.js';
import type { App } from '../types.js';

const orgParams = z.object({ org: z.string() });
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * Leadership beyond the registers: the RACI matrix (roles × ISMS activities), the 27003 5.3 starting set, and the
 * process diagram's data (27001 4.4). The registers themselves get their routes from the registry.
 */
export async function leadershipRoutes(app: App) {
  const raci = '/api/v1/orgs/:org/raci';
  app.get(
    raci,
    {
      config: { permission: 'raci.read' },
      schema: {
        tags: ['raci'],
        summary: 'The whole RACI matrix: current activities, current roles and every filled cell',
        params: orgParams,
        response: { 200: raciMatrixSchema },
      },
    },
    async (request) => getRaciMatrix(orgCtx(request)),
  );
  app.put(
    `${raci}/activities/:activityId/roles/:roleId`,
    {
      config: { permission: 'raci.update' },
      schema: {
        tags: ['raci'],
        summary: 'Set one cell to R, A, C or I, or empty it with null (audited; one A per activity, else 409)',
        params: raciCellParamsSchema,
        body: raciCellBodySchema,
        response: { 200: raciCellSchema },
      },
    },
    async (request) =>
      setRaciCell(orgCtx(request), request.params.activityId, request.params.roleId, request.body.value),
  );
  app.get(
    `${raci}/export.csv`,
    {
      config: { permission: 'raci.export' },
      schema: {
        tags: ['raci'],
        summary: 'The RACI matrix as CSV (one row per activity, one column per role)',
        params: orgParams,
        response: { 200: fileResponse('text/csv', 'The RACI matrix as CSV') },
      },
    },
    async (request, reply) => {
      const table = await raciExportTable(orgCtx(request), 'csv');
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${table.filenameBase}.csv"`)
        .send(await renderCsv(table));
    },
  );
  app.get(
    `${raci}/export.xlsx`,
    {
      config: { permission: 'raci.export' },
      schema: {
        tags: ['raci'],
        summary: 'The RACI matrix as an Excel workbook',
        params: orgParams,
        response: { 200: fileResponse(XLSX, 'The RACI matrix as an Excel workbook') },
      },
    },
    async (request, reply) => {
      const ctx = orgCtx(request);
      const table = await raciExportTable(ctx, 'xlsx');
      const body = await renderXlsx(table, { organization: ctx.org.name, exportedBy: ctx.actor.label });
      return reply
        .type(XLSX)
        .header('content-disposition', `attachment; filename="${table.filenameBase}.xlsx"`)
        .send(body);
    },
  );
  app.post(
    '/api/v1/orgs/:org/isms-roles/starting-set',
    {
      config: { permission: 'isms_role.seed' },
      schema: {
        tags: ['isms-roles'],
        summary: 'Add the 27003 5.3 starting set of activities, roles and suggested RACI; adds only what is missing',
        params: orgParams,
        body: startingSetBodySchema,
        response: { 200: startingSetResultSchema },
      },
    },
    async (request) => addStartingSet(orgCtx(request), request.body.roleStatus),
  );
  app.get(
    '/api/v1/orgs/:org/process-map',
    {
      config: { permission: 'isms_process.read' },
      schema: {
        tags: ['isms-processes'],
        summary: 'Every current ISMS process and the interactions between them, for the diagram',
        params: orgParams,
        response: { 200: processMapSchema },
      },
    },
    async (request) => getProcessMap(orgCtx(request)),
  );
}
