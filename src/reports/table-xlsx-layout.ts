import ExcelJS from 'exceljs';
import type { ExportTable, TableApproval } from '../core/register/register-export.js';

export interface XlsxInput {
  table: ExportTable;
  meta: { organization: string; exportedBy: string };
}

/**
 * An XLSX workbook of one table: bold frozen header row with filters, sensible column widths, real dates and
 * numbers (so that Excel sorts and filters them), text kept as text (never evaluated as a formula). Built in the
 * calling thread: runs in a worker thread (table-xlsx.ts), as 20,000 rows keep a CPU busy for seconds.
 */
export async function layOutXlsx({ table, meta }: XlsxInput): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Rampart';
  wb.created = new Date();
  const ws = wb.addWorksheet(table.title.slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = table.columns.map((c) => ({
    header: c.header,
    key: c.key,
    width: c.kind === 'date' ? 12 : c.kind === 'datetime' ? 20 : Math.min(60, Math.max(12, c.header.length + 2)),
    style: c.kind === 'date' ? { numFmt: 'yyyy-mm-dd' } : c.kind === 'datetime' ? { numFmt: 'yyyy-mm-dd hh:mm' } : {},
  }));
  for (const row of table.rows) {
    ws.addRow(
      row.map((v, i) => {
        const kind = table.columns[i]!.kind;
        if (v === null) return null;
        if ((kind === 'date' || kind === 'datetime') && typeof v === 'string')
          return new Date(kind === 'date' ? `${v}T00:00:00Z` : v);
        if (kind === 'boolean') return v ? 'yes' : 'no';
        return v;
      }),
    );
  }
  const header = ws.getRow(1);
  header.font = { bold: true };
  header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF4' } };
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: table.columns.length } };
  // Long text columns get wider, capped, with wrapping.
  table.columns.forEach((c, i) => {
    if (c.kind !== 'text') return;
    const longest = table.rows.reduce((m, r) => Math.max(m, String(r[i] ?? '').length), c.header.length);
    const col = ws.getColumn(i + 1);
    col.width = Math.min(60, Math.max(12, longest + 2));
    if (longest > 60) col.alignment = { wrapText: true, vertical: 'top' };
  });
  if (table.approval) addApprovalSheet(wb, table.approval);
  wb.properties.date1904 = false;
  wb.title = `${table.title} — ${meta.organization}`;
  wb.subject = `Exported by ${meta.exportedBy}`;
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The version's approval record on a sheet of its own after the table (which stays first and unchanged). */
function addApprovalSheet(wb: ExcelJS.Workbook, a: TableApproval) {
  const ws = wb.addWorksheet(a.heading.slice(0, 31));
  ws.columns = [{ width: 40 }, { width: 28 }, { width: 50 }, { width: 20 }];
  for (const [k, v] of a.facts) ws.addRow([k, v]).getCell(1).font = { bold: true };
  ws.addRow([]);
  if (a.rows.length) {
    const head = ws.addRow(a.columns);
    head.font = { bold: true };
    head.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF4' } };
    for (const r of a.rows) ws.addRow(r).alignment = { wrapText: true, vertical: 'top' };
  }
  if (a.note) ws.addRow([a.note]).font = { bold: true };
}
