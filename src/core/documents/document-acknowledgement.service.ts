import { isUniqueViolation } from '../../db/dialect.js';
import { can } from '../../schema/auth/permissions.js';
import type { OrgContext } from '../context.js';
import { ConflictError, ForbiddenError, ValidationError } from '../errors.js';
import { getRecord } from '../register/register.service.js';
import { newId, nowIso } from '../util/ids.js';
import { audienceOf } from './document-people.service.js';
import { documentsModule } from './documents.module.js';
import { inOrgTransaction } from '../transaction.js';
import { auditDocument, documentVersions, lockDocument } from './document-queries.js';

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
    publishedOn: record.publishedOn as string | null,
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
    const version = await documentVersions(ctx, trx, id)
      .select('contentHash')
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
    await auditDocument(ctx, trx, id, {
      type: 'document.acknowledged',
      payload: { ref: doc.ref, version: input.versionNo, contentHash: input.contentHash },
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
      await auditDocument(ctx, trx, id, {
        type: 'document.reminded',
        payload: { ref: doc.ref, version: versionNo, recipients: targets.map((m) => m.email) },
      });
    }
    return { reminded: targets.length };
  });
}
