import type { PageQuery } from '../../schema/common/primitives.js';
import { SET_PAGE_MAX } from '../../schema/risks/risks.schema.js';
import { recordAudit } from '../audit/audit.service.js';
import type { Db } from '../../db/connect.js';
import type { OrgContext } from '../context.js';
import { ConflictError, NotFoundError, ValidationError } from '../errors.js';
import { nowIso } from '../util/ids.js';
import { inOrgTransaction } from '../transaction.js';
import { untypedDb } from '../register/untyped-db.js';

/**
 * Sets of records a record names, kept in a join table: the assets a risk bears on (asset-threat-vulnerability
 * identification) and the risks a reassessment trigger calls to be reassessed. Both are replaced as a whole, checked
 * against the organization's current records, and audited with what was added and removed.
 */
interface SetSpec {
  /** join table and its two columns */
  table: 'riskAssets' | 'reassessmentTriggerRisks';
  ownerColumn: 'riskId' | 'triggerId';
  memberColumn: 'assetId' | 'riskId';
  owner: { table: 'risks' | 'reassessmentTriggers'; entity: string; what: string };
  member: { table: 'assets' | 'risks'; titleColumn: 'name' | 'title'; what: string; field: string };
  event: 'risk.assets_set' | 'reassessment_trigger.risks_set';
}

export const RISK_ASSETS: SetSpec = {
  table: 'riskAssets',
  ownerColumn: 'riskId',
  memberColumn: 'assetId',
  owner: { table: 'risks', entity: 'risk', what: 'The risk' },
  member: { table: 'assets', titleColumn: 'name', what: 'asset', field: 'assetIds' },
  event: 'risk.assets_set',
};

export const TRIGGER_RISKS: SetSpec = {
  table: 'reassessmentTriggerRisks',
  ownerColumn: 'triggerId',
  memberColumn: 'riskId',
  owner: { table: 'reassessmentTriggers', entity: 'reassessment_trigger', what: 'The reassessment trigger' },
  member: { table: 'risks', titleColumn: 'title', what: 'risk', field: 'riskIds' },
  event: 'reassessment_trigger.risks_set',
};

/** The set, by reference; the default page (SET_PAGE_MAX) is the whole set, which replaceSet answers with. */
export async function listSet(
  ctx: OrgContext,
  spec: SetSpec,
  ownerId: string,
  { page, pageSize }: PageQuery = { page: 1, pageSize: SET_PAGE_MAX },
) {
  const db = untypedDb(ctx.db);
  const owner = await db
    .selectFrom(spec.owner.table)
    .select('id')
    .where('orgId', '=', ctx.org.id)
    .where('id', '=', ownerId)
    .executeTakeFirst();
  if (!owner) throw new NotFoundError(spec.owner.what);
  const base = db
    .selectFrom(`${spec.table} as j`)
    .innerJoin(`${spec.member.table} as m`, 'm.id', `j.${spec.memberColumn}`)
    .where('j.orgId', '=', ctx.org.id)
    .where(`j.${spec.ownerColumn}`, '=', ownerId);
  const rows = await base
    .select(['m.id as id', 'm.ref as ref', `m.${spec.member.titleColumn} as title`])
    .orderBy('m.ref')
    .orderBy('m.id')
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .execute();
  const count = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return { items: rows as { id: string; ref: string; title: string }[], page, pageSize, total: Number(count.n) };
}

/** Replaces the set as a whole in its own transaction, and answers with the set as it now is. */
export async function replaceSet(ctx: OrgContext, spec: SetSpec, ownerId: string, memberIds: string[]) {
  await inOrgTransaction(ctx, (trx) => writeSet(ctx, trx, spec, ownerId, memberIds));
  return listSet(ctx, spec, ownerId);
}

/**
 * Replaces the set inside the caller's transaction (a risk created with its assets writes them with the risk): every
 * member must be a current record of the organization (field errors name the ones that are not), and the change is
 * audited with what was added and removed. Nothing changed, nothing written.
 */
export async function writeSet(ctx: OrgContext, t: Db, spec: SetSpec, ownerId: string, memberIds: readonly string[]) {
  const wanted = [...new Set(memberIds)];
  const trx = untypedDb(t);
  const owner = await trx
    .selectFrom(spec.owner.table)
    .select(['id', 'ref', 'archivedAt'])
    .where('orgId', '=', ctx.org.id)
    .where('id', '=', ownerId)
    .executeTakeFirst();
  if (!owner) throw new NotFoundError(spec.owner.what);
  if (owner.archivedAt) throw new ConflictError(`${owner.ref} is archived and cannot be changed`);
  const found = wanted.length
    ? await trx
        .selectFrom(spec.member.table)
        .select(['id', 'ref', 'archivedAt'])
        .where('orgId', '=', ctx.org.id)
        .where('id', 'in', wanted)
        .execute()
    : [];
  const errors = wanted.flatMap((id, i) => {
    const m = found.find((f) => f.id === id);
    if (!m)
      return [
        {
          field: `body.${spec.member.field}.${i}`,
          message: `No ${spec.member.what} with this id in this organization`,
        },
      ];
    if (m.archivedAt) return [{ field: `body.${spec.member.field}.${i}`, message: `${m.ref} is archived` }];
    return [];
  });
  if (errors.length) throw new ValidationError(errors);
  const current = (
    await trx
      .selectFrom(spec.table)
      .select(spec.memberColumn)
      .where('orgId', '=', ctx.org.id)
      .where(spec.ownerColumn, '=', ownerId)
      .execute()
  ).map((r) => r[spec.memberColumn] as string);
  const added = wanted.filter((id) => !current.includes(id));
  const removed = current.filter((id) => !wanted.includes(id));
  if (!added.length && !removed.length) return;
  if (removed.length)
    await trx
      .deleteFrom(spec.table)
      .where('orgId', '=', ctx.org.id)
      .where(spec.ownerColumn, '=', ownerId)
      .where(spec.memberColumn, 'in', removed)
      .execute();
  const now = nowIso();
  if (added.length) {
    await trx
      .insertInto(spec.table)
      .values(
        added.map((id) => ({
          orgId: ctx.org.id,
          [spec.ownerColumn]: ownerId,
          [spec.memberColumn]: id,
          ...(spec.table === 'riskAssets' ? { createdAt: now, createdBy: ctx.actor.userId } : {}),
        })),
      )
      .execute();
  }
  const refs = new Map<string, string>(found.map((f) => [f.id as string, f.ref as string]));
  if (removed.length) {
    for (const r of await trx.selectFrom(spec.member.table).select(['id', 'ref']).where('id', 'in', removed).execute())
      refs.set(r.id as string, r.ref as string);
  }
  await recordAudit(t, {
    orgId: ctx.org.id,
    actor: ctx.actor,
    ip: ctx.ip,
    entityType: spec.owner.entity,
    entityId: ownerId,
    event: {
      type: spec.event,
      payload: {
        ref: owner.ref as string,
        added: added.map((id) => refs.get(id) ?? id),
        removed: removed.map((id) => refs.get(id) ?? id),
      },
    },
  });
}
