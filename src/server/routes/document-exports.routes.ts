import { z } from 'zod';
import { recordAuditAlone } from '../../core/audit/audit.service.js';
import type { OrgContext } from '../../core/context.js';
import { documentExportModule } from '../../core/documents/document-export.js';
import { documentsModule, documentVersionedModule } from '../../core/documents/documents.module.js';
import { buildEvidencePackage } from '../../core/documents/evidence-package.service.js';
import { ConflictError } from '../../core/errors.js';
import { getRecord } from '../../core/register/register.service.js';
import { renderDocx } from '../../reports/document-docx.js';
import { buildDocumentModel } from '../../reports/document-model.js';
import { renderPdf } from '../../reports/document-pdf.js';
import { evidencePackageBody } from '../../schema/documents/documents.schema.js';
import { fileResponse } from '../../schema/register/register-responses.js';
import { orgCtx } from '../plugins/authorize.js';
import type { App } from '../types.js';

const FORMATS = {
  docx: { type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', render: renderDocx },
  pdf: { type: 'application/pdf', render: renderPdf },
} as const;

const base = '/api/v1/orgs/:org/documents';
const tags = ['documents'];

/** The published version, when the document may leave the organization; otherwise why not. */
async function shareableVersion(ctx: OrgContext, id: string): Promise<{ ref: string; versionNo: number }> {
  // through the register, so a document the caller may not read is a 404 like a missing one
  const record = await getRecord(ctx, documentsModule, id);
  const ref = String(record.ref);
  if (record.shareableExternally !== true)
    throw new ConflictError(
      `${ref} is not marked as shareable externally; only documents that may be shared have an external copy`,
    );
  if (record.status !== 'published' || typeof record.publishedVersion !== 'number')
    throw new ConflictError(
      `${ref} has no published version (status: ${String(record.status)}); only the published version can be shared externally`,
    );
  return { ref, versionNo: record.publishedVersion };
}

/** Exports of documents that leave the app: external copies and the auditor's evidence package. */
export async function documentExportRoutes(app: App) {
  const external = documentExportModule(documentVersionedModule, { external: true });
  const internal = documentExportModule(documentVersionedModule);

  for (const [format, { type, render }] of Object.entries(FORMATS)) {
    app.get(
      `${base}/:id/external-copy.${format}`,
      {
        config: { permission: 'document.export' },
        schema: {
          tags,
          summary: `The published version as ${format.toUpperCase()} for external parties, without its confidential parts`,
          params: z.object({ org: z.string(), id: z.uuid() }),
          response: { 200: fileResponse(type, `The external copy as ${format.toUpperCase()}`) },
        },
      },
      async (request, reply) => {
        const ctx = orgCtx(request);
        const { ref, versionNo } = await shareableVersion(ctx, request.params.id);
        const model = await buildDocumentModel(ctx, external, request.params.id, versionNo);
        const body = await render(model);
        await recordAuditAlone(ctx.db, {
          orgId: ctx.org.id,
          actor: ctx.actor,
          ip: ctx.ip,
          entityType: 'document',
          entityId: request.params.id,
          event: { type: 'document.external_copy', payload: { ref, version: versionNo, format } },
        });
        return reply
          .type(type)
          .header('content-disposition', `attachment; filename="${model.filenameBase}.${format}"`)
          .send(body);
      },
    );
  }

  app.post(
    `${base}/evidence-package`,
    {
      config: { permission: 'document.export' },
      schema: {
        tags,
        summary:
          'A ZIP of approved versions (PDF and hashed source), approvals, publications and acknowledgements, with a SHA-256 manifest and the audit head; verify with `rampart verify-package`',
        params: z.object({ org: z.string() }),
        body: evidencePackageBody,
        response: { 200: fileResponse('application/zip', 'The evidence package (ZIP)') },
      },
    },
    async (request, reply) => {
      const ctx = orgCtx(request);
      const pkg = await buildEvidencePackage(ctx, request.body, {
        versionPdf: async (c, id, versionNo) => renderPdf(await buildDocumentModel(c, internal, id, versionNo)),
        signer: app.deps.signingKey,
      });
      return reply
        .type('application/zip')
        .header('content-disposition', `attachment; filename="${pkg.filename}"`)
        .send(pkg.zip);
    },
  );
}
