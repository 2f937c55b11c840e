import type { OrgContext } from '../context.js';
import { ConflictError, ForbiddenError, NotFoundError } from '../errors.js';
import { getRecord } from '../register/register.service.js';
import { newId, nowIso, todayIso } from '../util/ids.js';
import { readableDocuments } from './document-access.js';
import { documentsModule, syncDocumentStatus } from './documents.module.js';
import { inOrgTransaction } from '../transaction.js';
import { auditDocument, updateDocument, documentVersions, lockDocument } from './document-queries.js';

type DisposalRow = {
  id: string;
  documentId: string;
  ref: string;
  title: string;
  state: string;
  reason: string;
  proposedAt: string;
  proposedBy: string | null;
  decidedAt: string | null;
  decidedBy: string | null;
  decisionNote: string | null;
  versions: string;
};
const presentDisposal = (r: DisposalRow) => ({
  ...r,
  versions: JSON.parse(r.versions) as { versionNo: number; state: string; contentHash: string }[],
});

async function versionsOf(ctx: OrgContext, db: OrgContext['db'], id: string) {
  return documentVersions(ctx, db, id).select(['versionNo', 'state', 'contentHash']).orderBy('versionNo').execute();
}

export async function currentDisposal(ctx: OrgContext, id: string) {
  await getRecord(ctx, documentsModule, id);
  const row = await ctx.db
    .selectFrom('documentDisposals')
    .selectAll()
    .where('orgId', '=', ctx.org.id)
    .where('documentId', '=', id)
    .orderBy('proposedAt', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!row) return { current: null };
  const { orgId: _o, ...rest } = row;
  return { current: presentDisposal(rest) };
}

/** Every disposal (proposed, approved, rejected) of documents the caller may read: the record of what was destroyed. */
export async function listDisposals(ctx: OrgContext) {
  const q = ctx.db
    .selectFrom('documentDisposals')
    .innerJoin('documents', 'documents.id', 'documentDisposals.documentId')
    .select([
      'documentDisposals.id',
      'documentDisposals.documentId',
      'documentDisposals.ref',
      'documentDisposals.title',
      'documentDisposals.state',
      'documentDisposals.reason',
      'documentDisposals.proposedAt',
      'documentDisposals.proposedBy',
      'documentDisposals.decidedAt',
      'documentDisposals.decidedBy',
      'documentDisposals.decisionNote',
      'documentDisposals.versions',
    ])
    .where('documentDisposals.orgId', '=', ctx.org.id);
  const rows = await readableDocuments(ctx, q).orderBy('documentDisposals.proposedAt', 'desc').limit(500).execute();
  return { items: rows.map(presentDisposal) };
}

/** Proposes disposal of a document whose retention has ended (and whose retention rule is not "keep"). */
export async function proposeDisposal(ctx: OrgContext, id: string, input: { reason: string }) {
  await inOrgTransaction(ctx, async (trx) => {
    const doc = await lockDocument(ctx, trx, id);
    if (doc.status === 'disposed') throw new ConflictError(`${doc.ref} was already disposed of`);
    if (doc.retentionAction === 'keep')
      throw new ConflictError(`${doc.ref} is kept permanently; change its retention rule first`);
    if (!doc.retentionEndsOn || doc.retentionEndsOn > todayIso()) {
      throw new ConflictError(
        doc.retentionEndsOn
          ? `${doc.ref} must be kept until ${doc.retentionEndsOn}`
          : `${doc.ref} is in force; its retention starts when it is withdrawn`,
      );
    }
    const open = await trx
      .selectFrom('documentDisposals')
      .select('id')
      .where('orgId', '=', ctx.org.id)
      .where('documentId', '=', id)
      .where('state', '=', 'proposed')
      .executeTakeFirst();
    if (open) throw new ConflictError(`A disposal of ${doc.ref} is already awaiting a decision`);
    const versions = await versionsOf(ctx, trx, id);
    await trx
      .insertInto('documentDisposals')
      .values({
        id: newId(),
        orgId: ctx.org.id,
        documentId: id,
        ref: doc.ref,
        title: doc.title,
        state: 'proposed',
        reason: input.reason,
        proposedAt: nowIso(),
        proposedBy: ctx.actor.userId,
        decidedAt: null,
        decidedBy: null,
        decisionNote: null,
        versions: JSON.stringify(versions),
      })
      .execute();
    await auditDocument(ctx, trx, id, {
      type: 'document.disposal_proposed',
      payload: { ref: doc.ref, reason: input.reason },
    });
  });
  return (await currentDisposal(ctx, id)).current;
}

/**
 * Decides a proposed disposal; never by the person who proposed it. Approval destroys the text: every approved and
 * superseded version becomes `disposed` with empty content (the database allows this only under an approved
 * disposal; the hash stays), so does any draft, and the register row keeps its identity with the disposal date.
 */
export async function decideDisposal(
  ctx: OrgContext,
  id: string,
  input: { decision: 'approve' | 'reject'; note?: string },
) {
  await inOrgTransaction(ctx, async (trx) => {
    const doc = await lockDocument(ctx, trx, id);
    const proposal = await trx
      .selectFrom('documentDisposals')
      .selectAll()
      .where('orgId', '=', ctx.org.id)
      .where('documentId', '=', id)
      .where('state', '=', 'proposed')
      .executeTakeFirst();
    if (!proposal) throw new NotFoundError(`A proposed disposal of ${doc.ref}`);
    if (proposal.proposedBy && proposal.proposedBy === ctx.actor.userId)
      throw new ForbiddenError('The disposal must be decided by someone other than the person who proposed it');
    const now = nowIso();
    if (input.decision === 'reject') {
      await trx
        .updateTable('documentDisposals')
        .set({ state: 'rejected', decidedAt: now, decidedBy: ctx.actor.userId, decisionNote: input.note ?? null })
        .where('id', '=', proposal.id)
        .execute();
      await auditDocument(ctx, trx, id, {
        type: 'document.disposal_rejected',
        payload: { ref: doc.ref, note: input.note ?? null },
      });
      return;
    }
    const versions = await versionsOf(ctx, trx, id);
    await trx
      .updateTable('documentDisposals')
      .set({
        state: 'approved',
        decidedAt: now,
        decidedBy: ctx.actor.userId,
        decisionNote: input.note ?? null,
        versions: JSON.stringify(versions),
      })
      .where('id', '=', proposal.id)
      .execute();
    // Drafts go the same way (they may carry approvals, which are never deleted, so their rows stay too).
    await trx
      .updateTable('recordVersions')
      .set({ state: 'disposed', content: '{}' })
      .where('orgId', '=', ctx.org.id)
      .where('entityType', '=', 'document')
      .where('recordId', '=', id)
      .where('state', 'in', ['approved', 'superseded', 'draft'])
      .execute();
    await updateDocument(ctx, trx, doc, {
      disposedOn: todayIso(),
      purpose: null,
      latestState: 'disposed',
    });
    await auditDocument(ctx, trx, id, {
      type: 'document.disposed',
      payload: { ref: doc.ref, title: doc.title, note: input.note ?? null, versions },
    });
    await syncDocumentStatus(ctx, trx, id);
  });
  return (await currentDisposal(ctx, id)).current;
}
