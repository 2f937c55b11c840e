import { setImmediate } from 'node:timers/promises';
import { stringify } from 'csv-stringify/sync';
import type { ExportTable } from '../core/register/register-export.js';

/**
 * A cell starting with = + - @ (or a tab/CR) would run as a formula in a spreadsheet; prefix it with a quote. Text
 * that already starts with quotes before such a character gets one more, so that the import, which removes
 * exactly one (restoreFormulaText), gives back what was exported.
 */
export function neutralizeFormula(text: string): string {
  return /^'*[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** The inverse of neutralizeFormula, for CSV imports: a round trip through export and import changes nothing. */
export function restoreFormulaText(text: string): string {
  return /^'+[=+\-@\t\r]/.test(text) ? text.slice(1) : text;
}

/** Rows stringified per turn: a turn keeps the request thread for a few milliseconds. */
const CSV_CHUNK = 1000;

/**
 * CSV with a UTF-8 byte order mark, so that Excel opens accented text correctly. A version's approval record goes in
 * trailing columns of every row: any CSV reader keeps it, and the file stays one table. Written a chunk of rows at
 * a time, giving other requests their turn in between (20,000 rows in one go held the thread for half a second).
 */
export async function renderCsv(table: ExportTable): Promise<string> {
  const extra = table.approval?.columnsForEachRow ?? [];
  const cells = (row: ExportTable['rows'][number]) => [
    ...row.map((v) =>
      v === null ? '' : typeof v === 'string' ? neutralizeFormula(v) : typeof v === 'boolean' ? (v ? 'yes' : 'no') : v,
    ),
    ...extra.map((e) => neutralizeFormula(e.value)),
  ];
  const parts = ['\uFEFF', stringify([[...table.columns.map((c) => c.header), ...extra.map((e) => e.header)]])];
  for (let i = 0; i < table.rows.length; i += CSV_CHUNK) {
    parts.push(stringify(table.rows.slice(i, i + CSV_CHUNK).map(cells)));
    await setImmediate();
  }
  return parts.join('');
}
