import type { Db } from '../../db/connect.js';
import { recordAudit, type AuditInput } from '../audit/audit.service.js';

/**
 * A caller writing many records in one transaction (an import chunk) takes over the per-record statements that
 * batch: it reserves the references (`reserveRefs`) and writes the collected audit events with one
 * `recordAuditBatch` before it commits. Checks, hooks and the record's own insert or update still run per record,
 * in order, so each record sees the ones written before it exactly as a single create would.
 */
export interface WriteBatch {
  /** the next reserved reference, for a record created with this batch */
  takeRef: () => string;
  /** the audit events of the records written with this batch, in order; the caller writes them */
  audit: AuditInput[];
}

/** The record's audit event: collected by the batch when there is one, else appended now. */
export async function auditOrBatch(trx: Db, batch: WriteBatch | undefined, input: AuditInput): Promise<void> {
  if (batch) batch.audit.push(input);
  else await recordAudit(trx, input);
}
