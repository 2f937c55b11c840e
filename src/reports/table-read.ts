import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { ValidationError } from '../core/errors.js';
import type { ImportTable } from '../core/register/register-import.js';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const IMPORT_ROW_LIMIT = 50_000;

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().endsWith('T00:00:00.000Z') ? value.toISOString().slice(0, 10) : value.toISOString();
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('text' in value) return String(value.text);
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    if ('error' in value) return '';
  }
  return String(value);
}

/** Reads the first sheet of an XLSX file or a CSV file into a header row and data rows with their line numbers. */
export async function readTable(body: Buffer, contentType: string): Promise<ImportTable> {
  let matrix: string[][];
  if (contentType.startsWith(XLSX_TYPE)) {
    const wb = new ExcelJS.Workbook();
    try {
      await wb.xlsx.load(body as unknown as ArrayBuffer);
    } catch {
      throw new ValidationError([{ field: 'body', message: 'Not a readable .xlsx workbook' }]);
    }
    const ws = wb.worksheets[0];
    matrix = [];
    ws?.eachRow({ includeEmpty: true }, (row, n) => {
      const cells: string[] = [];
      row.eachCell({ includeEmpty: true }, (cell, col) => (cells[col - 1] = cellText(cell.value).trim()));
      matrix[n - 1] = Array.from(cells, (c) => c ?? '');
    });
    matrix = Array.from(matrix, (r) => r ?? []);
  } else {
    try {
      matrix = parse(body, { bom: true, relax_column_count: true, skip_empty_lines: false, trim: true }) as string[][];
    } catch (err) {
      throw new ValidationError([{ field: 'body', message: `Not readable as CSV: ${(err as Error).message}` }]);
    }
  }
  const [headers = [], ...data] = matrix;
  if (!headers.some(Boolean)) throw new ValidationError([{ field: 'body', message: 'The first row must hold the column names' }]);
  const rows = data.map((cells, i) => ({ line: i + 2, cells })).filter((r) => r.cells.some((c) => c !== ''));
  if (rows.length > IMPORT_ROW_LIMIT) throw new ValidationError([{ field: 'body', message: `At most ${IMPORT_ROW_LIMIT} rows per import` }]);
  return { headers, rows };
}
