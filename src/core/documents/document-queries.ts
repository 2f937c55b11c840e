import type { Db } from '../../db/connect.js';
import { forUpdate } from '../../db/dialect.js';
import type { Updateable } from 'kysely';
import type { DocumentsTable } from '../../db/types.js';
import type { AuditEvent } from '../../schema/audit/audit-events.js';
import { recordAudit } from '../audit/audit.service.js';
import type { OrgContext } from '../context.js';
import { ConflictError, NotFoundError } from '../errors.js';
import { getRecord } from '../register/register.service.js';
import { nowIso } from '../util/ids.js';
import { documentsModule } from './documents.module.js';

// in a file of its own: the export (imported by documents.module) needs it without this file's module import
export { documentVersions } from './document-versions.js';

/**
 * The small queries every document service shares (they were repeated in each file after the split): the document
 * row locked for a change, the document's versions, a change of the row with its version bump, and its audit event.
 */

/** The document row, locked for the rest of the transaction, after checking the caller may read it at all. */
export async function lockDocument(ctx: OrgContext, trx: Db, id: string) {
  await getRecord({ ...ctx, db: trx }, documentsModule, id);
  const row = await forUpdate(
    trx,
    trx.selectFrom('documents').selectAll().where('id', '=', id).where('orgId', '=', ctx.org.id),
  ).executeTakeFirst();
  if (!row) throw new NotFoundError('The document');
  if (row.archivedAt) throw new ConflictError(`${row.ref} is archived`);
  return row;
}

/** Changes the document row (it was read with `lockDocument`), moving it to its next version, by the caller. */
export async function updateDocument(
  ctx: OrgContext,
  trx: Db,
  doc: { id: string; version: number },
  set: Omit<Updateable<DocumentsTable>, 'id' | 'orgId' | 'version' | 'updatedAt' | 'updatedBy'>,
): Promise<void> {
  await trx
    .updateTable('documents')
    .set({ ...set, version: doc.version + 1, updatedAt: nowIso(), updatedBy: ctx.actor.userId })
    .where('id', '=', doc.id)
    .where('orgId', '=', ctx.org.id)
    .execute();
}

/** The audit event of a change to document `id`, in the change's transaction. */
export function auditDocument(ctx: OrgContext, trx: Db, id: string, event: AuditEvent): Promise<void> {
  return recordAudit(trx, {
    orgId: ctx.org.id,
    actor: ctx.actor,
    ip: ctx.ip,
    entityType: 'document',
    entityId: id,
    event,
  });
}
