import { siblingModule } from '../core/util/worker-pool.js';
import type { ExportTable } from '../core/register/register-export.js';
import { renderInPool } from './render-in-pool.js';
import type { XlsxInput } from './table-xlsx-layout.js';

const LAYOUT = siblingModule(import.meta.url, 'table-xlsx-layout');

/** One table as an XLSX workbook (table-xlsx-layout.ts), built in the worker pool: a large export stalls no one. */
export function renderXlsx(table: ExportTable, meta: XlsxInput['meta']): Promise<Buffer> {
  return renderInPool<XlsxInput>(LAYOUT, 'layOutXlsx', { table, meta }, 'XLSX');
}
