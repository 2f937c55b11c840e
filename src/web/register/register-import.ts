import type { RegisterDef } from '../../schema/register/define-register.js';
import { importReportSchema, type ImportReport } from '../../schema/register/register-responses.js';
import { api } from '../lib/api-client.js';
import { registerBase } from './register-api.js';

/** The answer of `POST …/import` (docs/API.md "Registers"). */
export type { ImportReport };

export const IMPORT_MAX_BYTES = 10 * 1024 * 1024;
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The content type the server expects for a file, from its name; undefined for anything else. */
export function importContentType(fileName: string): string | undefined {
  const name = fileName.toLowerCase();
  if (name.endsWith('.csv')) return 'text/csv';
  if (name.endsWith('.xlsx')) return XLSX_TYPE;
  return undefined;
}

export function runImport(org: string, register: RegisterDef, file: File, dryRun: boolean): Promise<ImportReport> {
  const type = importContentType(file.name);
  if (!type) throw new Error(`Unsupported file type: ${file.name}`);
  return api.upload(`${registerBase(org, register)}/import`, file, type, importReportSchema, { query: { dryRun } });
}

/** A refused real run answers 400 with `rows[<line>].<field>`: back to the report's { line, field } shape. */
export function importErrorsFromFields(errors: { field: string; message: string }[]): ImportReport['errors'] {
  return errors.map((e) => {
    const m = /^rows\[(\d+)\]\.?(.*)$/.exec(e.field);
    return m
      ? { line: Number(m[1]), field: m[2] ?? '', message: e.message }
      : { line: 0, field: e.field, message: e.message };
  });
}
