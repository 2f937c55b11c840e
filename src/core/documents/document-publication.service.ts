import { sql } from 'kysely';
import { isUniqueViolation } from '../../db/dialect.js';
import { can } from '../../schema/auth/permissions.js';
import { recordAudit } from '../audit/audit.service.js';
import type { OrgContext } from '../context.js';
import { ConflictError, ForbiddenError, ValidationError } from '../errors.js';
import { getRecord } from '../register/register.service.js';
import { newId, nowIso, todayIso } from '../util/ids.js';
import { addMonths } from './document-dates.js';
import { readableDocuments } from './document-access.js';
import { audienceOf, lockDocument } from './document-people.service.js';
import { documentsModule, syncDocumentStatus } from './documents.module.js';
import { inOrgTransaction } from '../transaction.js';

/**
 * Publishing makes the approved version the one in force and asks its audience to read it (7.3, 7.5.3 a): the
 * next review falls due one interval later; a record's retention starts now. A later version asks everyone again.
 */
export async function publishDocument(ctx: OrgContext, id: string, input: { versionNo: number; note?: string }) {
  await inOrgTransaction(ctx, async (trx) => {
    const doc = await lockDocument(ctx, trx, id);
    if (doc.status === 'disposed') throw new ConflictError(`${doc.ref} was disposed of`);
    const version = await trx
      .selectFrom('recordVersions')
      .select(['versionNo', 'state', 'contentHash'])
      .where('orgId', '=', ctx.org.id)
      .where('entityType', '=', 'document')
      .where('recordId', '=', id)
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
    await trx
      .updateTable('documents')
      .set({
        publishedVersion: input.versionNo,
        publishedOn: today,
        withdrawnOn: null,
        nextReviewDate: addMonths(today, doc.reviewIntervalMonths),
        retentionEndsOn: doc.type === 'record' ? addMonths(today, doc.retentionMonths) : null,
        version: doc.version + 1,
        updatedAt: nowIso(),
        updatedBy: ctx.actor.userId,
      })
      .where('id', '=', id)
      .where('orgId', '=', ctx.org.id)
      .execute();
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
    await recordAudit(trx, {
      orgId: ctx.org.id,
      actor: ctx.actor,
      ip: ctx.ip,
      entityType: 'document',
      entityId: id,
      event: {
        type: 'document.published',
        payload: {
          ref: doc.ref,
          version: input.versionNo,
          contentHash: version.contentHash,
          audience: doc.audience,
          note: input.note ?? null,
        },
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
    await trx
      .updateTable('documents')
      .set({
        withdrawnOn: today,
        retentionEndsOn,
        version: doc.version + 1,
        updatedAt: nowIso(),
        updatedBy: ctx.actor.userId,
      })
      .where('id', '=', id)
      .where('orgId', '=', ctx.org.id)
      .execute();
    await recordAudit(trx, {
      orgId: ctx.org.id,
      actor: ctx.actor,
      ip: ctx.ip,
      entityType: 'document',
      entityId: id,
      event: { type: 'document.withdrawn', payload: { ref: doc.ref, reason: input.reason, retentionEndsOn } },
    });
    await syncDocumentStatus(ctx, trx, id);
  });
  return getRecord(ctx, documentsModule, id);
}

/** Who must read the published version, and who has: each person with the time they acknowledged and reminders. */
export async function listAcknowledgements(ctx: OrgContext, id: string) {
  const record = await getRecord(ctx, documentsModule, id);
  const doc = await ctx.db
    .selectFrom('documents')
    .selectAll()
    .where('id', '=', id)
    .where('orgId', '=', ctx.org.id)
    .executeTakeFirstOrThrow();
  const versionNo = doc.status === 'published' ? doc.publishedVersion : null;
  if (versionNo === null) return { versionNo: null, publishedOn: null, total: 0, acknowledged: 0, items: [] };
  const audience = await audienceOf(ctx, ctx.db, doc);
  const acks = await ctx.db
    .selectFrom('documentAcknowledgements')
    .select(['userId', 'acknowledgedAt'])
    .where('orgId', '=', ctx.org.id)
    .where('documentId', '=', id)
    .where('versionNo', '=', versionNo)
    .execute();
  const reminders = await ctx.db
    .selectFrom('documentReminders')
    .select(['userId', (eb) => eb.fn.countAll<number>().as('n'), (eb) => eb.fn.max('sentAt').as('last')])
    .where('orgId', '=', ctx.org.id)
    .where('documentId', '=', id)
    .where('versionNo', '=', versionNo)
    .groupBy('userId')
    .execute();
  const ackOf = new Map(acks.map((a) => [a.userId, a.acknowledgedAt]));
  const remOf = new Map(reminders.map((r) => [r.userId, r]));
  const items = audience.map((m) => ({
    userId: m.userId,
    name: m.name,
    email: m.email,
    role: m.role,
    acknowledgedAt: ackOf.get(m.userId) ?? null,
    reminders: Number(remOf.get(m.userId)?.n ?? 0),
    lastRemindedAt: (remOf.get(m.userId)?.last as string | null | undefined) ?? null,
  }));
  // Who has not read a policy is for those who follow it up (managers, top management, auditors, the owner and
  // author); everyone else sees the counts and their own line.
  const followsUp =
    can(ctx.role, 'document.publish') ||
    ctx.role === 'approver' ||
    ctx.role === 'auditor' ||
    doc.ownerId === ctx.actor.userId ||
    doc.authorId === ctx.actor.userId;
  const visible = followsUp ? items : items.filter((i) => i.userId === ctx.actor.userId);
  return {
    versionNo,
    publishedOn: record.publishedOn,
    total: items.length,
    acknowledged: items.filter((i) => i.acknowledgedAt).length,
    items: visible,
  };
}

/** The caller confirms having read the published version, bound to the hash of the text they were shown. */
export async function acknowledgeDocument(
  ctx: OrgContext,
  id: string,
  input: { versionNo: number; contentHash: string },
) {
  return inOrgTransaction(ctx, async (trx) => {
    const doc = await lockDocument(ctx, trx, id);
    if (doc.status !== 'published' || doc.publishedVersion === null)
      throw new ConflictError(`${doc.ref} is not published; there is nothing to acknowledge`);
    if (input.versionNo !== doc.publishedVersion)
      throw new ConflictError(
        `Version ${input.versionNo} of ${doc.ref} is not the published one (${doc.publishedVersion}); read the published version`,
        [{ field: 'body.versionNo', message: `The published version is ${doc.publishedVersion}` }],
      );
    const version = await trx
      .selectFrom('recordVersions')
      .select('contentHash')
      .where('orgId', '=', ctx.org.id)
      .where('entityType', '=', 'document')
      .where('recordId', '=', id)
      .where('versionNo', '=', input.versionNo)
      .executeTakeFirstOrThrow();
    if (version.contentHash !== input.contentHash)
      throw new ConflictError(`The text you read is not version ${input.versionNo} of ${doc.ref}; reload it`, [
        { field: 'body.contentHash', message: 'Does not match the published version' },
      ]);
    const audience = await audienceOf(ctx, trx, doc);
    if (!audience.some((m) => m.userId === ctx.actor.userId))
      throw new ForbiddenError(`${doc.ref} was not published to you`);
    const acknowledgedAt = nowIso();
    try {
      await trx
        .insertInto('documentAcknowledgements')
        .values({
          id: newId(),
          orgId: ctx.org.id,
          documentId: id,
          versionNo: input.versionNo,
          contentHash: input.contentHash,
          userId: ctx.actor.userId ?? '',
          acknowledgedAt,
        })
        .execute();
    } catch (err) {
      if (isUniqueViolation(err))
        throw new ConflictError(`You have already acknowledged version ${input.versionNo} of ${doc.ref}`);
      throw err;
    }
    await recordAudit(trx, {
      orgId: ctx.org.id,
      actor: ctx.actor,
      ip: ctx.ip,
      entityType: 'document',
      entityId: id,
      event: {
        type: 'document.acknowledged',
        payload: { ref: doc.ref, version: input.versionNo, contentHash: input.contentHash },
      },
    });
    return { acknowledgedAt };
  });
}

/**
 * Records a reminder for each audience member who has not acknowledged yet (all of them, or those named). Rampart
 * sends no e-mail: a reminder shows on the person's home page with its date, and the list shows who was reminded.
 */
export async function remindReaders(ctx: OrgContext, id: string, input: { userIds?: string[] }) {
  return inOrgTransaction(ctx, async (trx) => {
    const doc = await lockDocument(ctx, trx, id);
    if (doc.status !== 'published' || doc.publishedVersion === null)
      throw new ConflictError(`${doc.ref} is not published`);
    const versionNo = doc.publishedVersion;
    const audience = await audienceOf(ctx, trx, doc);
    const acked = new Set(
      (
        await trx
          .selectFrom('documentAcknowledgements')
          .select('userId')
          .where('orgId', '=', ctx.org.id)
          .where('documentId', '=', id)
          .where('versionNo', '=', versionNo)
          .execute()
      ).map((a) => a.userId),
    );
    const pending = audience.filter((m) => !acked.has(m.userId));
    if (input.userIds) {
      const errors = input.userIds.flatMap((uid, i) =>
        pending.some((m) => m.userId === uid)
          ? []
          : [{ field: `body.userIds.${i}`, message: 'Not someone who still has to acknowledge this document' }],
      );
      if (errors.length) throw new ValidationError(errors);
    }
    const targets = input.userIds ? pending.filter((m) => input.userIds!.includes(m.userId)) : pending;
    const sentAt = nowIso();
    if (targets.length) {
      await trx
        .insertInto('documentReminders')
        .values(
          targets.map((m) => ({
            id: newId(),
            orgId: ctx.org.id,
            documentId: id,
            versionNo,
            userId: m.userId,
            sentAt,
            sentBy: ctx.actor.userId,
          })),
        )
        .execute();
      await recordAudit(trx, {
        orgId: ctx.org.id,
        actor: ctx.actor,
        ip: ctx.ip,
        entityType: 'document',
        entityId: id,
        event: {
          type: 'document.reminded',
          payload: { ref: doc.ref, version: versionNo, recipients: targets.map((m) => m.email) },
        },
      });
    }
    return { reminded: targets.length };
  });
}

const TO_READ_LIMIT = 200;

/** Published documents the caller is in the audience of, may read, and has not acknowledged in this version. */
export async function documentsToRead(ctx: OrgContext) {
  const me = ctx.actor.userId ?? '';
  let q = ctx.db
    .selectFrom('documents')
    .select([
      'documents.id',
      'documents.ref',
      'documents.title',
      'documents.type',
      'documents.publishedVersion',
      'documents.publishedOn',
    ])
    .select((eb) =>
      eb
        .selectFrom('documentReminders as r')
        .select((e) => e.fn.max('r.sentAt').as('last'))
        .whereRef('r.documentId', '=', 'documents.id')
        .whereRef('r.versionNo', '=', 'documents.publishedVersion')
        .where('r.userId', '=', me)
        .as('lastRemindedAt'),
    )
    .where('documents.orgId', '=', ctx.org.id)
    .where('documents.archivedAt', 'is', null)
    .where('documents.status', '=', 'published')
    .where((eb) =>
      eb.or([
        eb('documents.audience', '=', 'all_members'),
        eb.and([
          eb('documents.audience', '=', 'roles'),
          eb.exists(
            eb
              .selectFrom('documentPeople as p')
              .select('p.subject')
              .whereRef('p.documentId', '=', 'documents.id')
              .where('p.relation', '=', 'audience_role')
              .where('p.subject', '=', ctx.role),
          ),
        ]),
        eb.and([
          eb('documents.audience', '=', 'people'),
          eb.exists(
            eb
              .selectFrom('documentPeople as p')
              .select('p.subject')
              .whereRef('p.documentId', '=', 'documents.id')
              .where('p.relation', '=', 'audience_user')
              .where('p.subject', '=', me),
          ),
        ]),
      ]),
    )
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('documentAcknowledgements as a')
            .select('a.id')
            .whereRef('a.documentId', '=', 'documents.id')
            .whereRef('a.versionNo', '=', 'documents.publishedVersion')
            .where('a.userId', '=', me),
        ),
      ),
    );
  q = readableDocuments(ctx, q);
  const rows = await q.orderBy('documents.publishedOn', 'desc').orderBy('documents.ref').limit(TO_READ_LIMIT).execute();
  return {
    items: rows.map((r) => ({
      id: r.id,
      ref: r.ref,
      title: r.title,
      type: r.type,
      versionNo: r.publishedVersion ?? 0,
      publishedOn: r.publishedOn,
      lastRemindedAt: r.lastRemindedAt ?? null,
    })),
  };
}

/** Every current document the caller may read, with what the hierarchy view needs (bounded). */
export async function documentTree(ctx: OrgContext) {
  const q = ctx.db
    .selectFrom('documents')
    .select(['id', 'ref', 'title', 'type', 'isSecurityPolicy', 'parentId', 'status', 'classification'])
    .where('orgId', '=', ctx.org.id)
    .where('archivedAt', 'is', null);
  const rows = await readableDocuments(ctx, q)
    .orderBy(sql`length(ref)`)
    .orderBy('ref')
    .limit(2000)
    .execute();
  return { items: rows.map((r) => ({ ...r, isSecurityPolicy: Boolean(r.isSecurityPolicy) })) };
}
