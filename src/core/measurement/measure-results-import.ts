import { z } from 'zod';
import type { FieldError } from '../../schema/common/problem.js';
import { BASE_KEY_PATTERN } from '../../schema/measurement/measure-formula.js';
import { MAX_BATCH_RESULTS } from '../../schema/measurement/measure-results.schema.js';
import type { OrgContext } from '../context.js';
import { ValidationError } from '../errors.js';
import type { ImportTable } from '../register/register-import.js';
import { inOrgTransaction } from '../transaction.js';
import { storeResults, type ResultInput } from './measure-results-store.js';
import { measureIdsByName } from './measure-results.service.js';

/** Columns an import reads by name (case-insensitive); any other column is a base value, its header the key. */
const KNOWN = new Map([
  ['measure', 'measure'],
  ['measured on', 'measuredOn'],
  ['value', 'value'],
  ['period', 'periodKey'],
  ['note', 'note'],
]);
const date = z.iso.date();

/** Rolls a dry run back once everything was checked and stored as a real run would. */
class DryRun extends Error {
  constructor(readonly outcome: { stored: number; superseded: number; unchanged: number }) {
    super('dry run');
  }
}

/**
 * Results from a CSV or XLSX file (rows: measure reference, measured on, value or base columns, note), stored as an
 * automation push would be — all or nothing — with errors naming `rows[<line>].<field>` (as register imports do). A dry run checks and stores
 * everything in a transaction it then rolls back, so it finds every problem a real run would.
 */
export async function importResults(ctx: OrgContext, table: ImportTable, opts: { dryRun: boolean }) {
  const errors: FieldError[] = [];
  const columns = table.headers.map((h) => h.trim());
  const roles = columns.map((h) => KNOWN.get(h.toLowerCase()) ?? (h ? `base:${h}` : ''));
  for (const [i, h] of columns.entries())
    if (roles[i]!.startsWith('base:') && !BASE_KEY_PATTERN.test(h))
      errors.push({
        field: `header.${h}`,
        message: 'Not a column of results (measure, measured on, value, period, note) nor a base-measure key',
      });
  for (const needed of ['measure', 'measuredOn'])
    if (!roles.includes(needed)) errors.push({ field: `header.${needed}`, message: 'Required column' });
  if (table.rows.length > MAX_BATCH_RESULTS)
    errors.push({ field: 'rows', message: `At most ${MAX_BATCH_RESULTS} results per import` });
  if (errors.length) throw new ValidationError(errors);

  const parsed = table.rows.map(({ line, cells }) => {
    const cell = (role: string) => cells[roles.indexOf(role)]?.trim() ?? '';
    const field = `rows[${line}]`;
    cells.forEach((text, i) => {
      if (text.includes('\u0000'))
        errors.push({ field: `${field}.${columns[i] ?? i}`, message: 'Must not contain NUL characters' });
    });
    const number = (text: string, name: string) => {
      const n = Number(text.replace(',', '.'));
      if (text === '' || !Number.isFinite(n))
        errors.push({ field: `${field}.${name}`, message: `Not a number: ${text}` });
      return n;
    };
    const measuredOn = cell('measuredOn');
    if (!date.safeParse(measuredOn).success)
      errors.push({ field: `${field}.measuredOn`, message: 'A date, YYYY-MM-DD' });
    const base: Record<string, number> = {};
    roles.forEach((role, i) => {
      const text = cells[i]?.trim() ?? '';
      if (role.startsWith('base:') && text !== '') base[role.slice(5)] = number(text, role.slice(5));
    });
    const value = cell('value');
    return {
      name: cell('measure'),
      row: {
        measuredOn,
        field,
        source: 'import',
        ...(value !== '' ? { value: number(value, 'value') } : {}),
        ...(Object.keys(base).length ? { base } : {}),
        ...(cell('periodKey') ? { periodKey: cell('periodKey') } : {}),
        ...(cell('note') ? { note: cell('note') } : {}),
      } satisfies Omit<ResultInput, 'measureId'>,
    };
  });
  if (errors.length) throw new ValidationError(errors.slice(0, 100));

  try {
    return await inOrgTransaction(ctx, async (trx) => {
      const ids = await measureIdsByName(
        trx,
        ctx.org.id,
        parsed.map((p) => p.name),
      );
      const rows = parsed.map((p) => ({ ...p.row, measureId: ids.get(p.name.toUpperCase()) ?? ids.get(p.name) ?? '' }));
      const out = await storeResults(trx, { orgId: ctx.org.id, actor: ctx.actor, ip: ctx.ip ?? null }, rows);
      const outcome = { stored: out.stored.length, superseded: out.superseded, unchanged: out.unchanged };
      if (opts.dryRun) throw new DryRun(outcome);
      return { dryRun: false, rows: rows.length, ...outcome };
    });
  } catch (err) {
    if (err instanceof DryRun) return { dryRun: true, rows: parsed.length, ...err.outcome };
    throw err;
  }
}
