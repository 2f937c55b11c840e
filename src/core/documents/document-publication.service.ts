import type { OrgContext } from '../context.js';
import { ConflictError, ValidationError } from '../errors.js';
import { getRecord } from '../register/register.service.js';
import { newId, nowIso, todayIso } from '../util/ids.js';
import { addMonths } from './document-dates.js';
import { documentsModule, syncDocumentStatus } from './documents.module.js';
import { inOrgTransaction } from '../transaction.js';
import { auditDocument, updateDocument, documentVersions, lockDocument } from './document-queries.js';

/**
 * Publishing makes the approved version the one in force and asks its audience to read it (7.3, 7.5.3 a): the
 * next review falls due one interval later; a record's retention starts now. A later version asks everyone again.
 */
export async function publishDocument(ctx: OrgContext, id: string, input: { versionNo: number; note?: string }) {
  await inOrgTransaction(ctx, async (trx) => {
    const doc = await lockDocument(ctx, trx, id);
    if (doc.status === 'disposed') throw new ConflictError(`${doc.ref} was disposed of`);
    const version = await documentVersions(ctx, trx, id)
      .select(['versionNo', 'state', 'contentHash'])
      .where('versionNo', '=', input.versionNo)
      .executeTakeFirst();
    if (!version)
      throw new ValidationError([{ field: 'body.versionNo', message: `${doc.ref} has no version ${input.versionNo}` }]);
    if (version.state !== 'approved')
      throw new ConflictError(
        `Version ${input.versionNo} of ${doc.ref} is ${version.state}; only the approved version can be published`,
        [{ field: 'body.versionNo', message: `Version ${input.versionNo} is ${version.state}` }],
      );
    if (doc.publishedVersion === input.versionNo && !doc.withdrawnOn)
      throw new ConflictError(`Version ${input.versionNo} of ${doc.ref} is already published`);
    const today = todayIso();
    await updateDocument(ctx, trx, doc, {
      publishedVersion: input.versionNo,
      publishedOn: today,
      withdrawnOn: null,
      nextReviewDate: addMonths(today, doc.reviewIntervalMonths),
      retentionEndsOn: doc.type === 'record' ? addMonths(today, doc.retentionMonths) : null,
    });
    await trx
      .insertInto('documentPublications')
      .values({
        id: newId(),
        orgId: ctx.org.id,
        documentId: id,
        versionNo: input.versionNo,
        contentHash: version.contentHash,
        note: input.note ?? null,
        publishedAt: nowIso(),
        publishedBy: ctx.actor.userId,
      })
      .execute();
    await auditDocument(ctx, trx, id, {
      type: 'document.published',
      payload: {
        ref: doc.ref,
        version: input.versionNo,
        contentHash: version.contentHash,
        audience: doc.audience,
        note: input.note ?? null,
      },
    });
    await syncDocumentStatus(ctx, trx, id);
  });
  return getRecord(ctx, documentsModule, id);
}

/** Withdrawal takes the document out of force; its retention period starts (records: it started at publication). */
export async function withdrawDocument(ctx: OrgContext, id: string, input: { reason: string }) {
  await inOrgTransaction(ctx, async (trx) => {
    const doc = await lockDocument(ctx, trx, id);
    if (doc.status !== 'published' && doc.status !== 'approved')
      throw new ConflictError(`${doc.ref} is ${doc.status}; only an approved or published document can be withdrawn`);
    const today = todayIso();
    const retentionEndsOn =
      doc.type === 'record' && doc.publishedOn
        ? addMonths(doc.publishedOn, doc.retentionMonths)
        : addMonths(today, doc.retentionMonths);
    await updateDocument(ctx, trx, doc, {
      withdrawnOn: today,
      retentionEndsOn,
    });
    await auditDocument(ctx, trx, id, {
      type: 'document.withdrawn',
      payload: { ref: doc.ref, reason: input.reason, retentionEndsOn },
    });
    await syncDocumentStatus(ctx, trx, id);
  });
  return getRecord(ctx, documentsModule, id);
}

// what the audience does with a published version, and what each person has to read (entry of the module's files)
export { acknowledgeDocument, listAcknowledgements, remindReaders } from './document-acknowledgement.service.js';
export { documentsToRead, documentTree } from './document-reading.service.js';
