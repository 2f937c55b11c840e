import { DomainError, RateLimitedError } from '../core/errors.js';
import { runInWorker, WorkerLimitError } from '../core/util/worker-pool.js';

type RenderFormat = 'PDF' | 'DOCX' | 'XLSX';

const TOO_LARGE: Record<RenderFormat, string> = {
  PDF: 'This document is too large to render as a PDF here; export it as DOCX or XLSX, which hold the same content',
  DOCX: 'This document is too large to render as DOCX here; export it as XLSX, or narrow what it covers',
  XLSX: 'This table is too large to export as XLSX here; export it as CSV, or filter it',
};

/** A document or table that cannot be laid out within one export's share of memory and time. */
export class TooLargeToRenderError extends DomainError {
  constructor(format: RenderFormat = 'PDF') {
    super('too-large-to-render', 422, TOO_LARGE[format]);
  }
}

/**
 * Lays a document or table out with `fn` of the worker module `module` (PDF, DOCX, XLSX): the main thread, which
 * answers every other tenant, only waits. A busy pool answers 429; a file beyond the worker's memory or time, 422.
 */
export async function renderInPool<T>(module: string, fn: string, input: T, format: RenderFormat): Promise<Buffer> {
  try {
    // structured cloning hands the bytes back as a Uint8Array; Buffer.from on its buffer copies nothing
    const bytes = await runInWorker<Uint8Array>(module, fn, input);
    return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  } catch (err) {
    if (!(err instanceof WorkerLimitError)) throw err;
    if (err.reason === 'busy')
      throw new RateLimitedError('Other documents are being rendered right now; ask again in a minute', 60);
    throw new TooLargeToRenderError(format);
  }
}
