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

/**
 * CSV with a UTF-8 byte order mark, so that Excel opens accented text correctly. A version's approval record goes in
 * trailing columns of every row: any CSV reader keeps it, and the file stays one table.
 */
export function renderCsv(table: ExportTable): string {
  const extra = table.approval?.columnsForEachRow ?? [];
  const cells = table.rows.map((row) => [
    ...row.map((v) =>
      v === null ? '' : typeof v === 'string' ? neutralizeFormula(v) : typeof v === 'boolean' ? (v ? 'yes' : 'no') : v,
    ),
    ...extra.map((e) => neutralizeFormula(e.value)),
  ]);
  return '\uFEFF' + stringify([[...table.columns.map((c) => c.header), ...extra.map((e) => e.header)], ...cells]);
}
