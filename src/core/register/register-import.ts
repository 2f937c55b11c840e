import type { ImportIssue, ImportReport } from '../../schema/register/register-responses.js';
import type { OrgContext } from '../context.js';
import { recordAudit } from '../audit/audit.service.js';
import { ConflictError, ValidationError } from '../errors.js';
import { mapColumns } from './register-import-cells.js';
import { loadLookups } from './register-import-lookup.js';
import { planImport } from './register-import-plan.js';
import { writeRows } from './register-import-write.js';
import type { RegisterModule } from './register-module.js';
import { inOrgTransaction } from '../transaction.js';

export interface ImportTable {
  headers: string[];
  rows: { line: number; cells: string[] }[];
}

export type { ImportIssue, ImportReport };

const MAX_REPORTED_ERRORS = 500;

/**
 * Imports rows into a register. A row whose Reference matches an existing record updates it (only what differs);
 * a row without one creates a record, so importing the same file twice changes nothing the second time. A
 * register with `importMatch` (assets: the name) first looks for the current record whose match fields equal the
 * row's, case-insensitively, and updates it: a file exported from another tool, with no Reference at all, can be
 * imported again without duplicating anything. A match on more than one record, or two rows describing the same
 * record, is an error on the line. Every row is checked first, then run through the real write path and rolled
 * back (register-import-write.ts); rows are written only when none has an error, in chunks of a few hundred.
 */
export async function importRecords(
  ctx: OrgContext,
  mod: RegisterModule,
  table: ImportTable,
  opts: { dryRun: boolean },
): Promise<ImportReport> {
  const { columns, ignored } = mapColumns(mod, table.headers);
  const lookups = await loadLookups(ctx, mod, table, columns);
  const { plan, errors, unchanged } = planImport(mod, table, columns, lookups);

  // The real write path, rolled back: a dry run refuses exactly what the import would (checks that run only on
  // write, such as a record reference of another organization, included).
  const failedLines = new Set(errors.map((e) => e.line));
  const checked = await writeRows(
    ctx,
    mod,
    plan.filter((p) => !failedLines.has(p.line)),
    { commit: false, maxIssues: MAX_REPORTED_ERRORS },
  );
  errors.push(...checked.issues);
  errors.sort((a, b) => a.line - b.line);

  const report: ImportReport = {
    dryRun: opts.dryRun,
    applied: false,
    rows: table.rows.length,
    created: plan.filter((p) => !p.id).length,
    updated: plan.filter((p) => p.id).length,
    unchanged,
    errors: errors.slice(0, MAX_REPORTED_ERRORS),
    ignoredColumns: ignored,
  };
  if (opts.dryRun) return report;
  if (errors.length) {
    throw new ValidationError(
      report.errors.map((e) => ({ field: `rows[${e.line}].${e.field}`, message: e.message })),
      `${errors.length} problem${errors.length === 1 ? '' : 's'} in the file; nothing was imported (try a dry run to see them all)`,
    );
  }
  const written = await writeRows(ctx, mod, plan, { commit: true, maxIssues: 1 });
  // An import that changes nothing writes nothing, not even its run.
  if (plan.length)
    await recordImportRun(ctx, mod, {
      rows: table.rows.length,
      created: written.created,
      updated: written.updated,
      unchanged,
      stoppedAtLine: written.stoppedAt ?? null,
    });
  if (written.stoppedAt !== undefined) {
    // Only a change made by someone else since the check gets here; what was written stays written, and says so.
    throw new ConflictError(
      `Line ${written.issues[0]!.line}: ${written.issues[0]!.message}. The rows before line ${written.stoppedAt} were imported (${written.created} created, ${written.updated} updated); the rest were not`,
      written.issues.map((e) => ({ field: `rows[${e.line}].${e.field}`, message: e.message })),
    );
  }
  return { ...report, applied: true };
}

/** One audit event for the whole run, besides each record's own: who imported how much, and whether it finished. */
async function recordImportRun(
  ctx: OrgContext,
  mod: RegisterModule,
  run: { rows: number; created: number; updated: number; unchanged: number; stoppedAtLine: number | null },
) {
  const payload = {
    register: mod.def.entity,
    ...run,
    status: run.stoppedAtLine === null ? 'completed' : 'stopped',
  } as const;
  await inOrgTransaction(ctx, (trx) =>
    recordAudit(trx, {
      orgId: ctx.org.id,
      actor: ctx.actor,
      ip: ctx.ip,
      entityType: mod.def.entity,
      entityId: null,
      event: { type: 'records.imported', payload },
    }),
  );
}
