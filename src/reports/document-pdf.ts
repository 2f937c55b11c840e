import { DomainError, RateLimitedError } from '../core/errors.js';
import { runInWorker, siblingModule, WorkerLimitError } from '../core/util/worker-pool.js';
import type { DocumentModel } from './document-model.js';

const LAYOUT = siblingModule(import.meta.url, 'document-pdf-layout');

/** A document that cannot be laid out as a PDF within one export's share of memory and time. */
export class TooLargeToRenderError extends DomainError {
  constructor() {
    super(
      'too-large-to-render',
      422,
      'This document is too large to render as a PDF here; export it as DOCX or XLSX, which hold the same content',
    );
  }
}

/**
 * The same document as a PDF: for auditors who file PDFs and for printing. The layout (pdfmake: fonts, line
 * breaking, pages) runs in a worker thread, so the seconds a long SoA takes never stall other users' requests.
 */
export async function renderPdf(doc: DocumentModel): Promise<Buffer> {
  try {
    // structured cloning hands the bytes back as a Uint8Array; Buffer.from on its buffer copies nothing
    const bytes = await runInWorker<Uint8Array>(LAYOUT, 'layOutPdf', doc);
    return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  } catch (err) {
    if (!(err instanceof WorkerLimitError)) throw err;
    if (err.reason === 'busy')
      throw new RateLimitedError('Other documents are being rendered right now; ask again in a minute', 60);
    throw new TooLargeToRenderError();
  }
}
