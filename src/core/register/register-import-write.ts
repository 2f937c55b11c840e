import type { OrgContext } from '../context.js';
import { DomainError } from '../errors.js';
import { recordAuditBatch } from '../audit/audit.service.js';
import { applyUpdate, insertRecord, type WriteBatch } from './register.service.js';
import { reserveRefs } from './refs.js';
import type { ChangesOf, RegisterModule } from './register-module.js';
import type { FieldMap } from '../../schema/register/fields.js';
import { inOrgTransaction } from '../transaction.js';

/**
 * Writing an import's rows. Rows go through the same insertRecord/applyUpdate as the API's create and update (every
 * check, hook and audit event), a few hundred per transaction, yielding to the event loop between transactions: a
 * 20,000-row file never holds SQLite's only writer connection or an organization's audit chain lock for more than
 * one chunk, so every other request, of this tenant and of all the others, goes on while it runs. Within a chunk
 * the statements that batch are batched (a `WriteBatch`): the chunk's references are reserved in one statement
 * and its audit events appended in one `recordAuditBatch`, instead of five statements per row.
 */

export const IMPORT_CHUNK_ROWS = 200;

export interface PlannedRow {
  line: number;
  /** the record to update; none to create one */
  id?: string;
  values: ChangesOf<FieldMap>;
}

export interface WriteIssue {
  line: number;
  field: string;
  message: string;
}

export interface WriteOutcome {
  issues: WriteIssue[];
  /** rows committed (only when committing) */
  created: number;
  updated: number;
  /** the line of the first row not written, when a committing run stopped on an issue */
  stoppedAt?: number;
}

/** Thrown inside a chunk's transaction to roll it back (a check run, or a row that failed). */
class Rollback extends Error {}

const yieldToOthers = () => new Promise<void>((resolve) => setImmediate(resolve));

/** A refused write, as issues on the row's line (fields named as in the file, not as in a request body). */
function issuesOf(err: DomainError, line: number): WriteIssue[] {
  if (!err.errors?.length) return [{ line, field: 'row', message: err.message }];
  return err.errors.map((e) => ({ line, field: e.field.replace(/^body\./, ''), message: e.message }));
}

/**
 * Runs every planned row through the real write path. With `commit: false` (a dry run, and the check before every
 * real import) each chunk is rolled back, and a refused row is reported and skipped, so the report lists every row
 * the import would refuse, with the very errors the import gives. With `commit: true` each chunk is committed;
 * the first refused row (only possible when something changed since the check) rolls back its chunk and stops.
 */
export async function writeRows(
  ctx: OrgContext,
  mod: RegisterModule,
  rows: PlannedRow[],
  opts: { commit: boolean; maxIssues: number },
): Promise<WriteOutcome> {
  const out: WriteOutcome = { issues: [], created: 0, updated: 0 };
  let start = 0;
  while (start < rows.length && out.issues.length < opts.maxIssues) {
    const end = Math.min(start + IMPORT_CHUNK_ROWS, rows.length);
    let next = end;
    let created = 0;
    let updated = 0;
    try {
      await inOrgTransaction(ctx, async (trx) => {
        const chunk = rows.slice(start, end);
        const refs = await reserveRefs(trx, ctx.org.id, mod.def.refPrefix, chunk.filter((r) => !r.id).length);
        const batch: WriteBatch = { takeRef: () => refs.shift()!, audit: [] };
        for (let i = start; i < end; i++) {
          const row = rows[i]!;
          try {
            if (row.id) await applyUpdate(ctx, trx, mod, row.id, row.values, batch);
            else await insertRecord(ctx, trx, mod, row.values, batch);
          } catch (err) {
            if (!(err instanceof DomainError)) throw err;
            out.issues.push(...issuesOf(err, row.line));
            // The transaction may be unusable after a failed statement (PostgreSQL): start a new one after this row.
            next = i + 1;
            throw new Rollback();
          }
          if (row.id) updated++;
          else created++;
        }
        // Also in a check run: the audit append is part of the write path the check proves.
        await recordAuditBatch(trx, batch.audit);
        if (!opts.commit) throw new Rollback();
      });
      out.created += created;
      out.updated += updated;
    } catch (err) {
      if (!(err instanceof Rollback)) throw err;
      if (opts.commit && out.issues.length) return { ...out, stoppedAt: rows[start]!.line };
    }
    start = next;
    await yieldToOthers();
  }
  return out;
}
