import type { PackRenderers } from '../core/certification/pack-build.service.js';
import type { InstanceKey } from '../core/signing/instance-key.js';
import { buildDocumentModel } from './document-model.js';
import { renderPdf } from './document-pdf.js';
import { measureReport } from './measure-report.js';
import { renderPackIndexPdf } from './pack-index-pdf.js';
import { renderXlsx } from './table-xlsx.js';

/** The files of the certification pack as the exports make them: PDFs in the worker pool, XLSX, the index PDF. */
export const packRenderers = (signer: InstanceKey): PackRenderers => ({
  versionPdf: async (ctx, vm, id, versionNo) => renderPdf(await buildDocumentModel(ctx, vm, id, versionNo)),
  measurementPdf: async (ctx, from, to) => renderPdf(await measureReport(ctx, { from, to }, 'pdf')),
  xlsx: (ctx, table) => renderXlsx(table, { organization: ctx.org.name, exportedBy: ctx.actor.label }),
  indexPdf: renderPackIndexPdf,
  signer,
});
