import { z } from 'zod';
import { versionNoParam } from '../../schema/common/primitives.js';
import { recordAuditAlone } from '../../core/audit/audit.service.js';
import type { OrgContext } from '../../core/context.js';
import { getRecord } from '../../core/register/register.service.js';
import { compareVersions } from '../../core/versioning/versions-compare.js';
import {
  approveVersion,
  getVersion,
  listVersions,
  saveDraft,
  type Content,
} from '../../core/versioning/versions.service.js';
import type { VersionedModule } from '../../core/versioning/versioned-module.js';
import { renderDocx } from '../../reports/document-docx.js';
import { buildDocumentModel } from '../../reports/document-model.js';
import { renderPdf } from '../../reports/document-pdf.js';
import { renderCsv } from '../../reports/table-csv.js';
import { renderXlsx } from '../../reports/table-xlsx.js';
import { tableApproval } from '../../reports/table-approval.js';
import type { Permission } from '../../schema/auth/permissions.js';
import { fileResponse } from '../../schema/register/register-responses.js';
import { comparisonSchema, versionListSchema, versionSchema } from '../../schema/versioning/version-responses.js';
import { XLSX_TYPE } from '../../reports/table-read.js';
import { orgCtx } from '../plugins/authorize.js';
import type { App } from '../types.js';

const FORMATS = {
  docx: { type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', render: renderDocx },
  pdf: { type: 'application/pdf', render: renderPdf },
} as const;

/** Version routes for a versioned register: history of versions, one version, compare, save draft, approve, export. */
export function versionedRoutesFor(vm: VersionedModule) {
  return async (app: App) => {
    const { def } = vm.register;
    const base = `/api/v1/orgs/:org/${def.collection}/:id`;
    const perm = (action: string) => `${def.entity}.${action}` as Permission;
    const tags = [def.collection];
    const idParams = z.object({ org: z.string(), id: z.uuid() });
    const versionParams = idParams.extend({ no: versionNoParam() });

    app.get(
      `${base}/versions`,
      {
        config: { permission: perm('read') },
        schema: {
          tags,
          summary: `Versions of a ${def.entity}, newest first`,
          params: idParams,
          response: { 200: versionListSchema },
        },
      },
      async (request) => listVersions(orgCtx(request), vm, request.params.id),
    );

    app.get(
      `${base}/versions/compare`,
      {
        config: { permission: perm('read') },
        schema: {
          tags,
          summary: `Compare two versions of a ${def.entity} section by section`,
          params: idParams,
          querystring: z.strictObject({ from: versionNoParam(), to: versionNoParam() }),
          response: { 200: comparisonSchema },
        },
      },
      async (request) => compareVersions(orgCtx(request), vm, request.params.id, request.query.from, request.query.to),
    );

    app.get(
      `${base}/versions/:no`,
      {
        config: { permission: perm('read') },
        schema: {
          tags,
          summary: `One version of a ${def.entity} with its content and approvals`,
          params: versionParams,
          response: { 200: versionSchema },
        },
      },
      async (request) => getVersion(orgCtx(request), vm, request.params.id, request.params.no),
    );

    app.put(
      `${base}/draft`,
      {
        config: { permission: perm('update') },
        schema: {
          tags,
          summary: `Save the draft of a ${def.entity} (starts the next version when the latest is approved)`,
          params: idParams,
          body: vm.versioned.draftSchema,
          response: { 200: versionSchema },
        },
      },
      async (request) => {
        const body = request.body as {
          content: Content;
          stage?: string | null;
          changeNote?: string;
          baseVersion?: number;
          baseContentHash?: string;
        };
        return saveDraft(orgCtx(request), vm, request.params.id, body);
      },
    );

    app.post(
      `${base}/versions/:no/approve`,
      {
        config: { permission: perm('approve') },
        schema: {
          tags,
          summary: `Approve a draft version, bound to the hash of the exact content read`,
          params: versionParams,
          body: vm.versioned.approveSchema,
          response: { 200: versionSchema },
        },
      },
      async (request) =>
        approveVersion(
          orgCtx(request),
          vm,
          request.params.id,
          request.params.no,
          request.body as { contentHash: string; comment?: string },
        ),
    );

    for (const [format, { type, render }] of Object.entries(FORMATS)) {
      app.get(
        `${base}/versions/:no/export.${format}`,
        {
          config: { permission: perm('export') },
          schema: {
            tags,
            summary: `One version of a ${def.entity} as ${format.toUpperCase()} (document control, approval block, sections)`,
            params: versionParams,
            response: { 200: fileResponse(type, `The version as ${format.toUpperCase()}`) },
          },
        },
        async (request, reply) => {
          const ctx: OrgContext = orgCtx(request);
          const model = await buildDocumentModel(ctx, vm, request.params.id, request.params.no);
          const body = await render(model);
          await recordAuditAlone(ctx.db, {
            orgId: ctx.org.id,
            actor: ctx.actor,
            ip: ctx.ip,
            entityType: def.entity,
            entityId: request.params.id,
            event: { type: 'export.generated', payload: { format, rows: 1, filters: { version: request.params.no } } },
          });
          return reply
            .type(type)
            .header('content-disposition', `attachment; filename="${model.filenameBase}.${format}"`)
            .send(body);
        },
      );
    }

    const exportTable = vm.exportTable;
    if (!exportTable) return;
    for (const format of ['csv', 'xlsx'] as const) {
      app.get(
        `${base}/versions/:no/export.${format}`,
        {
          config: { permission: perm('export') },
          schema: {
            tags,
            summary: `One version of a ${def.entity} as a ${format.toUpperCase()} table`,
            params: versionParams,
            response: {
              200: fileResponse(
                format === 'csv' ? 'text/csv' : XLSX_TYPE,
                `The version as a ${format.toUpperCase()} table`,
              ),
            },
          },
        },
        async (request, reply) => {
          const ctx: OrgContext = orgCtx(request);
          const version = await getVersion(ctx, vm, request.params.id, request.params.no);
          const record = await getRecord(ctx, vm.register, request.params.id);
          const table = {
            ...exportTable(ctx, version.content, { versionNo: version.versionNo, state: version.state }),
            approval: tableApproval(String(record.ref), version),
          };
          await recordAuditAlone(ctx.db, {
            orgId: ctx.org.id,
            actor: ctx.actor,
            ip: ctx.ip,
            entityType: def.entity,
            entityId: request.params.id,
            event: {
              type: 'export.generated',
              payload: { format, rows: table.rows.length, filters: { version: request.params.no } },
            },
          });
          if (format === 'csv')
            return reply
              .type('text/csv; charset=utf-8')
              .header('content-disposition', `attachment; filename="${table.filenameBase}.csv"`)
              .send(await renderCsv(table));
          const body = await renderXlsx(table, { organization: ctx.org.name, exportedBy: ctx.actor.label });
          return reply
            .type(XLSX_TYPE)
            .header('content-disposition', `attachment; filename="${table.filenameBase}.xlsx"`)
            .send(body);
        },
      );
    }
  };
}
