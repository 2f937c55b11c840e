import { DomainError, RateLimitedError } from '../core/errors.js';
import { runInWorker, WorkerLimitError } from '../core/util/worker-pool.js';
import type { DocumentModel } from './document-model.js';

/** A document that cannot be laid out within one export's share of memory and time. */
export class TooLargeToRenderError extends DomainError {
  constructor(format: 'PDF' | 'DOCX' = 'PDF') {
    super(
      'too-large-to-render',
      422,
      format === 'PDF'
        ? 'This document is too large to render as a PDF here; export it as DOCX or XLSX, which hold the same content'
        : 'This document is too large to render as DOCX here; export it as XLSX, or narrow what it covers',
    );
  }
}

/**
 * Lays a document out with `fn` of the worker module `module` (PDF or DOCX): the main thread, which answers every
 * other tenant, only waits. A busy pool answers 429; a document beyond the worker's memory or time, 422.
 */
export async function renderInPool(
  module: string,
  fn: string,
  doc: DocumentModel,
  format: 'PDF' | 'DOCX',
): Promise<Buffer> {
  try {
    // structured cloning hands the bytes back as a Uint8Array; Buffer.from on its buffer copies nothing
    const bytes = await runInWorker<Uint8Array>(module, fn, doc);
    return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  } catch (err) {
    if (!(err instanceof WorkerLimitError)) throw err;
    if (err.reason === 'busy')
      throw new RateLimitedError('Other documents are being rendered right now; ask again in a minute', 60);
    throw new TooLargeToRenderError(format);
  }
}
