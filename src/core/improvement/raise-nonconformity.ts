import type { Db } from '../../db/connect.js';
import {
  raiseNonconformityInputSchema,
  type RaiseNonconformityInput,
} from '../../schema/improvement/raise-nonconformity.schema.js';
import { GRADED_SOURCES } from '../../schema/improvement/nonconformity.register.js';
import { recordAudit } from '../audit/audit.service.js';
import type { OrgContext } from '../context.js';
import { ValidationError } from '../errors.js';
import { insertLink } from '../links/links.service.js';
import { assertRecordExists } from '../links/record-types.js';
import { insertRecord } from '../register/register.service.js';
import { nonconformitiesModule } from './nonconformities.module.js';

/** Link kinds a raised nonconformity carries: to the record it was raised from, and to the records it concerns. */
export const RAISED_FROM = 'raised_from';
export const CONCERNS = 'concerns';

/**
 * The entry point other modules call to raise a nonconformity from one of their records (an audit finding, later
 * an incident, a measurement, an objective): creates it, reported, with its links, in the caller's transaction, so
 * the finding and its nonconformity are written together or not at all. Input errors name `input.<field>`; the
 * caller maps them to its own body when it has one.
 */
export async function raiseNonconformity(ctx: OrgContext, trx: Db, input: RaiseNonconformityInput) {
  const parsed = raiseNonconformityInputSchema.safeParse(input);
  if (!parsed.success)
    throw new ValidationError(
      parsed.error.issues.map((i) => ({ field: ['input', ...i.path].join('.'), message: i.message })),
    );
  const v = parsed.data;
  if (GRADED_SOURCES.includes(v.source) && !v.grade)
    throw new ValidationError([{ field: 'input.grade', message: 'An audit finding is graded: major or minor' }]);
  const from = await assertRecordExists(ctx, trx, v.sourceType, v.sourceId, 'input.sourceId');
  const nc = await insertRecord(ctx, trx, nonconformitiesModule, {
    title: v.title,
    description: v.description ?? null,
    source: v.source,
    sourceType: v.sourceType,
    sourceId: v.sourceId,
    requirementKey: v.requirementKey ?? null,
    grade: v.grade ?? null,
    foundBy: v.foundBy ?? null,
    ...(v.foundOn ? { foundOn: v.foundOn } : {}),
    ownerId: v.ownerId ?? null,
    dueDate: v.dueDate ?? null,
  });
  await insertLink(ctx, trx, {
    fromType: 'nonconformity',
    fromId: nc.id,
    toType: v.sourceType,
    toId: v.sourceId,
    kind: RAISED_FROM,
  });
  const seen = new Set([`${v.sourceType}:${v.sourceId}`]);
  for (const [i, link] of v.links.entries()) {
    const key = `${link.type}:${link.id}`;
    if (seen.has(key)) continue;
    seen.add(key);
    await assertRecordExists(ctx, trx, link.type, link.id, `input.links.${i}.id`);
    await insertLink(ctx, trx, {
      fromType: 'nonconformity',
      fromId: nc.id,
      toType: link.type,
      toId: link.id,
      kind: CONCERNS,
    });
  }
  await recordAudit(trx, {
    orgId: ctx.org.id,
    actor: ctx.actor,
    ip: ctx.ip,
    entityType: 'nonconformity',
    entityId: nc.id,
    event: {
      type: 'nonconformity.raised',
      payload: { ref: nc.ref, source: v.source, sourceType: v.sourceType, sourceId: v.sourceId, sourceRef: from.ref },
    },
  });
  return nc;
}
