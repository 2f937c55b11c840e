import { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import ExcelJS from 'exceljs';
import { readZip, ZipLimitError, type ZipLimits } from '../core/util/zip-read.js';
import type { FieldError } from '../schema/common/problem.js';
import { restoreFormulaText } from './table-csv.js';

/**
 * Runs in a worker thread (table-read.ts): turns an uploaded CSV or XLSX into rows, within limits, and answers
 * with plain data (errors cross the thread boundary as values, not as exception classes).
 */

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const IMPORT_ROW_LIMIT = 50_000;
export const IMPORT_COLUMN_LIMIT = 200;

/**
 * A real workbook of 50,000 rows × 20 columns inflates to about 60 MB of XML (sheet plus shared strings), at a
 * ratio near 10; anything far beyond is not a register export.
 */
export const XLSX_LIMITS: ZipLimits = {
  maxEntries: 1_000,
  maxEntryBytes: 128 * 1024 * 1024,
  maxTotalBytes: 192 * 1024 * 1024,
  maxRatio: 500,
};

export interface ParsedTable {
  headers: string[];
  rows: { line: number; cells: string[] }[];
}
export type ParseResult =
  { ok: true; table: ParsedTable } | { ok: false; status: 400 | 413; message: string; errors: FieldError[] };

class Refused extends Error {
  constructor(
    readonly status: 400 | 413,
    message: string,
  ) {
    super(message);
  }
}

/** Collects rows while a file is read: empty rows are skipped, and reading stops holding rows past the limit. */
class RowCollector {
  readonly matrix: { line: number; cells: string[] }[] = [];
  private kept = 0;
  add(line: number, cells: string[]) {
    if (cells.length > IMPORT_COLUMN_LIMIT && cells.slice(IMPORT_COLUMN_LIMIT).some(Boolean))
      throw new Refused(400, `At most ${IMPORT_COLUMN_LIMIT} columns per import`);
    if (!cells.some(Boolean)) return line === 1 ? void this.matrix.push({ line, cells: [] }) : undefined;
    if (++this.kept > IMPORT_ROW_LIMIT + 1) throw new Refused(400, `At most ${IMPORT_ROW_LIMIT} rows per import`);
    this.matrix.push({ line, cells: cells.slice(0, IMPORT_COLUMN_LIMIT) });
  }
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date)
    return value.toISOString().endsWith('T00:00:00.000Z') ? value.toISOString().slice(0, 10) : value.toISOString();
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('text' in value) return String(value.text);
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    if ('error' in value) return '';
  }
  return String(value);
}

async function readXlsx(body: Buffer, rows: RowCollector): Promise<void> {
  try {
    // Every entry is inflated once under the limits before ExcelJS sees the file: its own unzip has none.
    if ((await readZip(body, XLSX_LIMITS)).some((e) => e.error)) throw new Error('damaged entry');
  } catch (err) {
    if (err instanceof ZipLimitError) throw new Refused(413, `The workbook is too large to read: ${err.message}`);
    throw new Refused(400, 'Not a readable .xlsx workbook');
  }
  try {
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([body]), {
      sharedStrings: 'cache',
      styles: 'cache',
      hyperlinks: 'ignore',
      worksheets: 'emit',
      entries: 'ignore',
    });
    let chosen: string | undefined;
    // Every sheet is read to its end (rows of other sheets are dropped): ExcelJS removes the temporary files it
    // may have written only when its reader finishes.
    for await (const sheet of reader) {
      // the reader has the sheet's id at run time; ExcelJS's types leave it out
      const id = String((sheet as { id?: unknown }).id);
      chosen ??= id;
      for await (const row of sheet) {
        if (id !== chosen) continue;
        const cells: string[] = [];
        row.eachCell({ includeEmpty: true }, (cell, col) => {
          if (col <= IMPORT_COLUMN_LIMIT + 1) cells[col - 1] = cellText(cell.value).trim();
        });
        rows.add(
          row.number,
          Array.from(cells, (c) => c ?? ''),
        );
      }
    }
  } catch (err) {
    if (err instanceof Refused) throw err;
    throw new Refused(400, 'Not a readable .xlsx workbook');
  }
}

async function readCsv(body: Buffer, rows: RowCollector): Promise<void> {
  const parser = Readable.from([body]).pipe(
    parse({ bom: true, relax_column_count: true, skip_empty_lines: false, trim: true, max_record_size: 1024 * 1024 }),
  );
  let n = 0;
  try {
    for await (const record of parser as AsyncIterable<string[]>) rows.add(++n, record.map(restoreFormulaText));
  } catch (err) {
    parser.destroy();
    if (err instanceof Refused) throw err;
    throw new Refused(400, `Not readable as CSV: ${(err as Error).message}`);
  }
}

/** The header row and the data rows with their line numbers (the worker task; `body` arrives as a Uint8Array). */
export async function parseTable(input: { body: Uint8Array; contentType: string }): Promise<ParseResult> {
  const body = Buffer.from(input.body.buffer, input.body.byteOffset, input.body.byteLength);
  const rows = new RowCollector();
  try {
    await (input.contentType.startsWith(XLSX_TYPE) ? readXlsx(body, rows) : readCsv(body, rows));
  } catch (err) {
    if (err instanceof Refused)
      return { ok: false, status: err.status, message: err.message, errors: [{ field: 'body', message: err.message }] };
    throw err;
  }
  const [first, ...data] = rows.matrix;
  const headers = first?.line === 1 ? first.cells : [];
  if (!headers.some(Boolean))
    return {
      ok: false,
      status: 400,
      message: 'The first row must hold the column names',
      errors: [{ field: 'body', message: 'The first row must hold the column names' }],
    };
  return { ok: true, table: { headers, rows: data } };
}
