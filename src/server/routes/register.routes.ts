import { Readable } from 'node:stream';
import { z } from 'zod';
import { noContentSchema } from '../../schema/common/responses.js';
import type { RegisterModule } from '../../core/register/register-module.js';
import {
  archiveRecord,
  createRecord,
  getRecordWithRelated,
  listRecords,
  updateRecord,
} from '../../core/register/register.service.js';
import { exportTable } from '../../core/register/register-export.js';
import { readAllRecords } from '../../core/register/register-stream.js';
import { recordHistory } from '../../core/register/register-history.js';
import { importRecords } from '../../core/register/register-import.js';
import { readTable, XLSX_TYPE } from '../../reports/table-read.js';
import { queryBoolean } from '../../schema/register/define-register.js';
import { renderCsv } from '../../reports/table-csv.js';
import { renderXlsx } from '../../reports/table-xlsx.js';
import type { Permission } from '../../schema/auth/permissions.js';
import { paginated } from '../../schema/common/primitives.js';
import { orgCtx } from '../plugins/authorize.js';
import { ValidationError } from '../../core/errors.js';

import {
  fileResponse,
  historySchema,
  importReportSchema,
  relatedSchema,
} from '../../schema/register/register-responses.js';
import { compileRecordLineWriter } from '../response-serializer.js';
import type { App } from '../types.js';

const IMPORT_BODY_LIMIT = 10 * 1024 * 1024;
const NDJSON_TYPE = 'application/x-ndjson; charset=utf-8';

/** The same six routes for every register, from its definition. */
export function registerRoutesFor(mod: RegisterModule) {
  return async (app: App) => {
    const { def } = mod;
    const base = `/api/v1/orgs/:org/${def.collection}`;
    const perm = (action: string) => `${def.entity}.${action}` as Permission;
    const tags = [def.collection];
    const orgParams = z.object({ org: z.string() });
    const idParams = z.object({ org: z.string(), id: z.uuid() });

    app.get(
      base,
      {
        config: { permission: perm('read') },
        schema: {
          tags,
          summary: `List ${def.collection} (filter, sort, paginate)`,
          params: orgParams,
          querystring: def.listQuerySchema,
          response: { 200: paginated(def.recordSchema).extend({ related: relatedSchema }) },
        },
      },
      async (request) => listRecords(orgCtx(request), mod, request.query as Record<string, unknown>),
    );

    // The whole register in one read, one JSON record per line, for integrations and BI tools: the list's
    // filters and order without pages, each record written as the list writes it (the projection of its schema).
    const recordLine = compileRecordLineWriter(def.recordSchema, Object.keys(def.derived ?? {}));
    app.get(
      `${base}/all.ndjson`,
      {
        config: { permission: perm('read') },
        schema: {
          tags,
          summary: `All ${def.collection} in one read, one JSON record per line (same filters and order as the list)`,
          params: orgParams,
          querystring: def.listQuerySchema,
          response: { 200: fileResponse(NDJSON_TYPE, `The ${def.collection} as newline-delimited JSON`) },
        },
      },
      async (request, reply) => {
        const all = await readAllRecords(orgCtx(request), mod, request.query as Record<string, unknown>);
        async function* lines() {
          for await (const batch of all.batches()) {
            yield batch.map(recordLine).join('\n') + '\n';
          }
        }
        return reply.type(NDJSON_TYPE).header('x-total-count', String(all.count)).send(Readable.from(lines()));
      },
    );

    app.get(
      `${base}/export.csv`,
      {
        config: { permission: perm('export') },
        schema: {
          tags,
          summary: `Export ${def.collection} as CSV (same filters as the list)`,
          params: orgParams,
          querystring: def.listQuerySchema,
          response: { 200: fileResponse('text/csv', `The ${def.collection} as CSV`) },
        },
      },
      async (request, reply) => {
        const table = await exportTable(orgCtx(request), mod, request.query as Record<string, unknown>, 'csv');
        return reply
          .type('text/csv; charset=utf-8')
          .header('content-disposition', `attachment; filename="${table.filenameBase}.csv"`)
          .send(await renderCsv(table));
      },
    );

    app.get(
      `${base}/export.xlsx`,
      {
        config: { permission: perm('export') },
        schema: {
          tags,
          summary: `Export ${def.collection} as an Excel workbook (same filters as the list)`,
          params: orgParams,
          querystring: def.listQuerySchema,
          response: { 200: fileResponse(XLSX_TYPE, `The ${def.collection} as an Excel workbook`) },
        },
      },
      async (request, reply) => {
        const ctx = orgCtx(request);
        const table = await exportTable(ctx, mod, request.query as Record<string, unknown>, 'xlsx');
        const body = await renderXlsx(table, { organization: ctx.org.name, exportedBy: ctx.actor.label });
        return reply
          .type(XLSX_TYPE)
          .header('content-disposition', `attachment; filename="${table.filenameBase}.xlsx"`)
          .send(body);
      },
    );

    app.get(
      `${base}/:id`,
      {
        config: { permission: perm('read') },
        schema: {
          tags,
          summary: `One ${def.entity} (with the records its reference fields point at)`,
          params: idParams,
          response: { 200: def.recordSchema.extend({ related: relatedSchema }) },
        },
      },
      async (request) => getRecordWithRelated(orgCtx(request), mod, request.params.id),
    );

    // Imports arrive as the file itself (text/csv or .xlsx), up to 10 MiB; parsers are scoped to this plugin.
    for (const type of ['text/csv', XLSX_TYPE]) {
      app.addContentTypeParser(type, { parseAs: 'buffer', bodyLimit: IMPORT_BODY_LIMIT }, (_req, body, done) =>
        done(null, body),
      );
    }
    if (!mod.omitRoutes?.includes('import'))
      app.post(
        `${base}/import`,
        {
          bodyLimit: IMPORT_BODY_LIMIT,
          config: { permission: perm('import') },
          schema: {
            tags,
            summary: `Import ${def.collection} from CSV or XLSX (dryRun=true checks every row and writes nothing); rows with a known Reference update, others create`,
            params: orgParams,
            querystring: z.strictObject({ dryRun: queryBoolean.default(true) }),
            response: { 200: importReportSchema },
          },
        },
        async (request) => {
          const type = request.headers['content-type'] ?? '';
          if (!Buffer.isBuffer(request.body))
            throw new ValidationError([
              { field: 'body', message: `Send the file itself with content-type text/csv or ${XLSX_TYPE}` },
            ]);
          const table = await readTable(request.body, type);
          return importRecords(orgCtx(request), mod, table, { dryRun: request.query.dryRun });
        },
      );

    app.get(
      `${base}/:id/history`,
      {
        config: { permission: perm('read') },
        schema: {
          tags,
          summary: `A ${def.entity}'s history (created, every change with before/after, archived)`,
          params: idParams,
          response: { 200: historySchema },
        },
      },
      async (request) => recordHistory(orgCtx(request), mod, request.params.id),
    );

    if (!mod.omitRoutes?.includes('create'))
      app.post(
        base,
        {
          config: { permission: perm('create') },
          schema: {
            tags,
            summary: `Create a ${def.entity}`,
            params: orgParams,
            body: def.createSchema,
            response: { 201: def.recordSchema },
          },
        },
        async (request, reply) => reply.code(201).send(await createRecord(orgCtx(request), mod, request.body)),
      );

    app.patch(
      `${base}/:id`,
      {
        config: { permission: perm('update') },
        schema: {
          tags,
          summary: `Update a ${def.entity} (partial; expectedVersion guards against lost updates)`,
          params: idParams,
          body: def.updateSchema,
          response: { 200: def.recordSchema },
        },
      },
      async (request) => updateRecord(orgCtx(request), mod, request.params.id, request.body),
    );

    app.delete(
      `${base}/:id`,
      {
        config: { permission: perm('delete') },
        schema: { tags, summary: `Archive a ${def.entity}`, params: idParams, response: { 204: noContentSchema } },
      },
      async (request, reply) => {
        await archiveRecord(orgCtx(request), mod, request.params.id);
        return reply.code(204).send(null);
      },
    );
  };
}
