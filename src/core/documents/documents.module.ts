import type { Db } from '../../db/connect.js';
import { documentRegister, type DocumentStatus } from '../../schema/documents/document.register.js';
import { documentVersioned } from '../../schema/documents/document.versioned.js';
import type { OrgContext } from '../context.js';
import { ConflictError, ValidationError } from '../errors.js';
import type { RegisterModule, Values } from '../register/register-module.js';
import { todayIso } from '../util/ids.js';
import type { VersionedModule } from '../versioning/versioned-module.js';
import { addMonths } from './document-dates.js';
import { readableDocuments } from './document-access.js';
import { documentModelFor } from './document-export.js';

const MAX_DEPTH = 20;

/** Walks up from `parentId`: refuses a parent that is the document itself or one of its descendants. */
async function checkParent(ctx: OrgContext, trx: Db, id: string | undefined, parentId: string) {
  let current: string | null = parentId;
  for (let depth = 0; current && depth < MAX_DEPTH; depth++) {
    if (current === id)
      throw new ValidationError([
        { field: 'body.parentId', message: 'A document cannot sit under itself or under one of its own sub-documents' },
      ]);
    const row: { parentId: string | null } | undefined = await trx
      .selectFrom('documents')
      .select('parentId')
      .where('id', '=', current)
      .where('orgId', '=', ctx.org.id)
      .executeTakeFirst();
    current = row?.parentId ?? null;
  }
  if (current)
    throw new ValidationError([
      { field: 'body.parentId', message: `The hierarchy may be at most ${MAX_DEPTH} levels deep` },
    ]);
}

/** Checks what the form cannot: one information security policy, a sound hierarchy, external documents' source. */
async function beforeWrite(ctx: OrgContext, trx: Db, changes: Values, existing: Values | undefined): Promise<Values> {
  const next = { ...existing, ...changes };
  if (existing?.status === 'disposed')
    throw new ConflictError(`${String(existing.ref)} was disposed of; it cannot be changed`);
  const extra: Values = {};
  if (next.isSecurityPolicy === true || next.isSecurityPolicy === 1) {
    if (next.type !== 'policy')
      throw new ValidationError([
        {
          field: 'body.isSecurityPolicy',
          message: 'Only a document of type "policy" can be the information security policy',
        },
      ]);
    let q = trx
      .selectFrom('documents')
      .select('ref')
      .where('orgId', '=', ctx.org.id)
      .where('isSecurityPolicy', '=', 1)
      .where('archivedAt', 'is', null);
    if (existing) q = q.where('id', '!=', String(existing.id));
    const other = await q.executeTakeFirst();
    if (other) {
      // its reference only to someone who may read it
      const seen = await readableDocuments(ctx, q).executeTakeFirst();
      const which = seen ? seen.ref : 'Another document';
      throw new ConflictError(
        `${which} is already the information security policy; revise it with a new version instead`,
        [{ field: 'body.isSecurityPolicy', message: `${which} is the information security policy` }],
      );
    }
  }
  if (typeof changes.parentId === 'string')
    await checkParent(ctx, trx, existing?.id as string | undefined, changes.parentId);
  if (changes.origin === null || (!existing && changes.origin === undefined)) {
    if (existing)
      throw new ValidationError([
        { field: 'body.origin', message: 'Say whether the document is internal or external' },
      ]);
    extra.origin = next.type === 'external' ? 'external' : 'internal';
  } else if (next.type === 'external' && next.origin !== 'external') {
    throw new ValidationError([
      {
        field: changes.origin !== undefined ? 'body.origin' : 'body.type',
        message: 'An external document has an external origin',
      },
    ]);
  }
  if ((extra.origin ?? next.origin) === 'external' && !String(next.source ?? '').trim()) {
    throw new ValidationError([
      { field: 'body.source', message: 'Name who issued the external document (customer, supplier, regulator…)' },
    ]);
  }
  if (!existing) {
    extra.status = 'draft';
    if (changes.authorId === undefined && ctx.actor.userId) extra.authorId = ctx.actor.userId;
  }
  // The retention clock runs from withdrawal (records: from publication); a changed period moves its end.
  if (existing && (changes.retentionMonths !== undefined || changes.type !== undefined)) {
    const start = next.type === 'record' ? (next.publishedOn as string | null) : (next.withdrawnOn as string | null);
    extra.retentionEndsOn = start ? addMonths(start, Number(next.retentionMonths)) : null;
  }
  return extra;
}

export const documentsModule: RegisterModule<typeof documentRegister.fields> = {
  def: documentRegister,
  beforeWrite,
  readScope: (ctx, qb) => readableDocuments(ctx, qb, documentRegister.table),
  async beforeArchive(_ctx, _trx, existing) {
    if (existing.status === 'published')
      throw new ConflictError(`${String(existing.ref)} is published; withdraw it before archiving it`);
  },
  applyFilters(_ctx, qb, query) {
    const today = todayIso();
    if (query.review === 'overdue')
      qb = qb.where('nextReviewDate', '<', today).where('status', 'in', ['published', 'approved']);
    if (query.review === 'due')
      qb = qb.where('nextReviewDate', '<=', addMonths(today, 1)).where('status', 'in', ['published', 'approved']);
    if (query.disposalDue === true)
      qb = qb
        .where('retentionEndsOn', '<=', today)
        .where('status', '!=', 'disposed')
        .where('retentionAction', '!=', 'keep');
    if (query.policies === true) qb = qb.where('type', 'in', ['policy', 'topic_policy']);
    return qb;
  },
};

/** The status a document is in, from its versions and its publication, withdrawal and disposal. */
export async function syncDocumentStatus(ctx: OrgContext, trx: Db, id: string): Promise<void> {
  const doc = await trx
    .selectFrom('documents')
    .select(['status', 'disposedOn', 'withdrawnOn', 'publishedVersion', 'approvedVersion', 'stage', 'latestState'])
    .where('id', '=', id)
    .where('orgId', '=', ctx.org.id)
    .executeTakeFirst();
  if (!doc) return;
  const status: DocumentStatus = doc.disposedOn
    ? 'disposed'
    : doc.withdrawnOn
      ? 'withdrawn'
      : doc.publishedVersion !== null
        ? 'published'
        : doc.approvedVersion !== null
          ? 'approved'
          : doc.stage === 'in_review' && doc.latestState === 'draft'
            ? 'in_review'
            : 'draft';
  if (status !== doc.status)
    await trx.updateTable('documents').set({ status }).where('id', '=', id).where('orgId', '=', ctx.org.id).execute();
}

export async function namedApprovers(ctx: OrgContext, trx: Db, documentId: string): Promise<string[]> {
  const rows = await trx
    .selectFrom('documentPeople')
    .select('subject')
    .where('orgId', '=', ctx.org.id)
    .where('documentId', '=', documentId)
    .where('relation', '=', 'approver')
    .execute();
  return rows.map((r) => r.subject);
}

/** Top management sets the information security policy (5.2): only the approver role signs it. */
export const SECURITY_POLICY_SIGNERS = ['approver'] as const;

/** The named approvers, if any; and for the information security policy, top management only. */
async function approvalRule(ctx: OrgContext, trx: Db, documentId: string) {
  const doc = await trx
    .selectFrom('documents')
    .select('isSecurityPolicy')
    .where('id', '=', documentId)
    .where('orgId', '=', ctx.org.id)
    .executeTakeFirst();
  const signers = await namedApprovers(ctx, trx, documentId);
  return doc?.isSecurityPolicy
    ? {
        signers,
        roles: SECURITY_POLICY_SIGNERS,
        rolesReason: 'Top management (the approver role) approves the information security policy (ISO/IEC 27001 5.2)',
      }
    : { signers };
}

export const documentVersionedModule: VersionedModule = {
  register: documentsModule,
  versioned: documentVersioned,
  approvalRule,
  fourEyes: true,
  documentModel: (ctx, record, version, model) => documentModelFor(ctx, record, version, model),
  onVersionsChanged: syncDocumentStatus,
  async prepareDraft(ctx, trx, recordId, content) {
    const doc = await trx
      .selectFrom('documents')
      .select(['ref', 'status'])
      .where('id', '=', recordId)
      .where('orgId', '=', ctx.org.id)
      .executeTakeFirst();
    if (doc?.status === 'disposed') throw new ConflictError(`${doc.ref} was disposed of; it has no more versions`);
    return content;
  },
};
