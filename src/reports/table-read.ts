import { FileTooLargeError, RateLimitedError, ValidationError } from '../core/errors.js';
import type { ImportTable } from '../core/register/register-import.js';
import { runInWorker, siblingModule, WorkerLimitError } from '../core/util/worker-pool.js';
import type { ParseResult } from './table-parse.js';

export { IMPORT_ROW_LIMIT, XLSX_TYPE } from './table-parse.js';

const PARSER = siblingModule(import.meta.url, 'table-parse');

/**
 * Reads the first sheet of an XLSX file or a CSV file into a header row and data rows with their line numbers.
 * The parse runs in a worker thread (table-parse.ts) with a heap limit and a deadline: an upload that inflates
 * beyond its limits, or that the worker cannot finish, is refused with a 4xx while every other request goes on.
 */
export async function readTable(body: Buffer, contentType: string): Promise<ImportTable> {
  let result: ParseResult;
  try {
    result = await runInWorker<ParseResult>(PARSER, 'parseTable', { body, contentType });
  } catch (err) {
    if (!(err instanceof WorkerLimitError)) throw err;
    if (err.reason === 'busy')
      throw new RateLimitedError('Other files are being read right now; send this one again in a minute', 60);
    const why =
      err.reason === 'memory'
        ? 'needs more memory than one import may use'
        : 'takes longer to read than one import may take';
    throw new FileTooLargeError(`The file is too large to read: it ${why}`, [
      { field: 'body', message: `Too large to read (${why})` },
    ]);
  }
  if (!result.ok) {
    if (result.status === 413) throw new FileTooLargeError(result.message, result.errors);
    throw new ValidationError(result.errors, result.message);
  }
  return result.table;
}
